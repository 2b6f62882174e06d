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
 */
public final class SessionState {
    /**
     * The "version" recorded for a key of an unversioned table that the session wrote, on a backend
     * without positions: any value above 0 makes later session reads of that key strong.
     */
    public static final long WRITTEN_MARKER = 1;

    private final AtomicReference<SessionToken> token;
    private final Set<String> tablesWritten = ConcurrentHashMap.newKeySet();
    /** A resumed token may know writes to any table: treat every table as written. */
    private volatile boolean mayHaveWrittenAnyTable;

    public SessionState(SessionToken initial) {
        this.token = new AtomicReference<>(initial);
        this.mayHaveWrittenAnyTable = !initial.equals(SessionToken.empty(initial.scope(), initial.region()));
    }

    public SessionToken token() {
        return token.get();
    }

    public void observe(Positions positions) {
        if (positions != null && !positions.isEmpty()) update(t -> t.withPositions(positions));
    }

    public void observeVersion(String table, Key key, long version) {
        if (version > 0 && token.get().knownVersion(table, key) < version) update(t -> t.withVersion(table, key, version));
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

    public long knownVersion(String table, Key key) {
        return token.get().knownVersion(table, key);
    }

    public void merge(SessionToken other) {
        update(t -> t.merge(other));
        mayHaveWrittenAnyTable = true;
    }

    private void update(UnaryOperator<SessionToken> change) {
        token.updateAndGet(change);
    }
}
