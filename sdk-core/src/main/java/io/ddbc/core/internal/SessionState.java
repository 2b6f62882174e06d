package io.ddbc.core.internal;

import io.ddbc.api.Key;
import io.ddbc.api.Positions;
import io.ddbc.api.SessionToken;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The mutable heart of a session: its token, updated atomically from every result, plus which tables
 * it wrote (for session queries on backends without positions). Thread-safe. Public only so that the
 * drop-in SDK wrapper ({@code ddbc-wrapper}) keeps its sessions the same way; not API.
 *
 * <p>Two strengths of knowledge, because a token may fold, and may come from outside:
 * <ul>
 *   <li>{@link #knownVersion}: an upper bound (exact entry or folded bucket). It may make a read more
 *       careful (strong, or from the leader) and cost capacity. In one region nothing waits for it or fails
 *       over it; across regions it may route a read to a region the token names (a folded key may be one the
 *       session wrote there).</li>
 *   <li>{@link #firmVersion} and {@link #firmPositions}: the exact entries of knowledge this client can vouch
 *       for — what the session learned in this client, plus a token it verified with its signing key. A
 *       session query on an index waits for, and fails over, these only, so neither a folded bucket nor a
 *       crafted unsigned token can make the client refuse service.</li>
 * </ul>
 */
public final class SessionState {
    /**
     * The "version" recorded for a key of an unversioned table that the session wrote, on a backend
     * without positions: any value above 0 makes later session reads of that key strong.
     */
    public static final long WRITTEN_MARKER = 1;

    private final AtomicReference<SessionToken> token;
    /**
     * What the session learned itself since it took in a token this client could not verify (no signing key);
     * null while every part of {@link #token} is vouched for. Updated alongside {@link #token}.
     */
    private final AtomicReference<SessionToken> own = new AtomicReference<>();
    private final Set<String> tablesWritten = ConcurrentHashMap.newKeySet();
    /** A resumed token may know writes to any table: treat every table as written. */
    private volatile boolean mayHaveWrittenAnyTable;

    /** A session starting from a token this client produced or verified. */
    public SessionState(SessionToken initial) {
        this(initial, true);
    }

    /**
     * @param verified whether the client vouches for {@code initial}: it is empty, or its signature was
     *     checked with the client's key. Otherwise its requirements are only hints (see the class comment).
     */
    public SessionState(SessionToken initial, boolean verified) {
        this.token = new AtomicReference<>(initial);
        SessionToken empty = SessionToken.empty(initial.scope(), initial.region());
        this.mayHaveWrittenAnyTable = !initial.equals(empty);
        if (!verified && mayHaveWrittenAnyTable) own.set(empty);
    }

    public SessionToken token() {
        return token.get();
    }

    public void observe(Positions positions) {
        if (positions == null || positions.isEmpty()) return;
        update(t -> t.withPositions(positions));
        updateOwn(t -> t.withPositions(positions));
    }

    /**
     * The version a write of the session produced: authoritative, so it becomes an exact entry even where a
     * folded bucket (other keys' versions) already holds more — otherwise a key written after folding would
     * be known only as a hint, and read-your-writes on an index would not be enforced for it.
     */
    public void observeVersion(String table, Key key, long version) {
        if (version <= 0) return;
        if (token.get().exactVersion(table, key) < version) update(t -> t.withVersion(table, key, version));
        SessionToken mine = own.get();
        if (mine != null && mine.exactVersion(table, key) < version) updateOwn(t -> t.withVersion(table, key, version));
    }

    /**
     * A version a read returned: it only raises what the session knows (monotonic reads). Unlike a write's, it
     * never replaces a higher bucket: an eventual read may be stale, and the bucket may be this key's own.
     */
    public void observeReadVersion(String table, Key key, long version) {
        if (version <= 0) return;
        if (token.get().knownVersion(table, key) < version) update(t -> t.withVersion(table, key, version));
        SessionToken mine = own.get();
        if (mine != null && mine.knownVersion(table, key) < version) updateOwn(t -> t.withVersion(table, key, version));
    }

    /** Remembers that the session wrote (or read) in a region of a multi-region backend. */
    public void visited(String region) {
        if (region != null && !token.get().regions().contains(region)) update(t -> t.withRegion(region));
    }

    public void wrote(String table) {
        tablesWritten.add(table);
    }

    public boolean mayHaveWritten(String table) {
        return mayHaveWrittenAnyTable || tablesWritten.contains(table);
    }

    /** Upper bound of the version the session knows for the item: may upgrade a read, never fail it. */
    public long knownVersion(String table, Key key) {
        return token.get().knownVersion(table, key);
    }

    /** The exact version this client vouches for (0 if folded, unknown, or only from an unverified token). */
    public long firmVersion(String table, Key key) {
        SessionToken mine = own.get();
        return (mine != null ? mine : token.get()).exactVersion(table, key);
    }

    /** The positions this client vouches for (see {@link #firmVersion}). */
    public Positions firmPositions() {
        SessionToken mine = own.get();
        return (mine != null ? mine : token.get()).positions();
    }

    /** Adds what another token knows. {@code verified}: as for the constructor. */
    public void merge(SessionToken other, boolean verified) {
        if (!verified) own.compareAndSet(null, token.get());
        update(t -> t.merge(other));
        // A verified token's knowledge is vouched for: it joins the own part too.
        if (verified) updateOwn(t -> t.merge(other));
        mayHaveWrittenAnyTable = true;
    }

    /** {@link #merge(SessionToken, boolean)} of a token this client produced or verified. */
    public void merge(SessionToken other) {
        merge(other, true);
    }

    private void update(UnaryOperator<SessionToken> change) {
        token.updateAndGet(change);
    }

    private void updateOwn(UnaryOperator<SessionToken> change) {
        if (own.get() != null) own.updateAndGet(t -> t == null ? null : change.apply(t));
    }
}
