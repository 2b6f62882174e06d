package io.ddbc.api;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a session knows, portable between requests, threads and processes: the replica positions it
 * has seen (embedded engine) and the item versions it has written or read (backends without
 * positions). Immutable.
 *
 * <p>The token is bounded: however many writes a session makes, {@link #serialize()} is at most
 * {@value #MAX_SERIALIZED_LENGTH} characters. Recent partitions and keys are kept exactly; older ones
 * fold into a position floor and into 32 hashed version buckets. A bucket holds the highest version of
 * every key folded into it, so it is a hint, not a requirement: it can make a read more careful (strong,
 * or from the leader), costing capacity, but never makes a read wait or fail — a query that meets another
 * key of the same bucket is answered normally. Exact entries ({@link #exactVersion}) stay requirements:
 * a session query on a global secondary index waits, bounded, for the versions the session wrote. The
 * format is versioned ({@code v1.}); a token of another format, a truncated or altered one, one with a
 * position out of range, or one with a bad signature raises {@link SessionTokenException} — never a silent
 * downgrade.
 *
 * <p>What signing protects. Anyone can build a well-formed token with this class. A client built with
 * {@code DdbcClientBuilder.sessionTokenSecret} signs the tokens it hands out and refuses unsigned or
 * forged ones, so a token it resumes or merges came from a client holding the key, and its exact
 * requirements are enforced like the session's own, in any process. A client without a key cannot tell
 * a real token from a crafted one, so it treats a resumed or merged token's requirements as hints: they
 * may upgrade reads to strong or route them to the leader (read-your-writes on base-table reads still
 * holds), but never make a read wait or fail, so on a single-region backend a token can never make a client
 * refuse service; a session query on an index then waits only for what the session learned in this client.
 * On a multi-region backend the regions and versions a token names still decide where its session's reads
 * may be answered (that is how a session moves between regions), so an unsigned token can make its own
 * session wait (up to the cross-region wait), route or be refused: sign tokens that cross a trust boundary
 * there. Signing neither hides a token's content (keys are hashed; versions, positions, scope and regions
 * are readable) nor expires it.
 *
 * <pre>{@code
 * String header = session.token().serialize();          // hand to the next request
 * DdbcSession later = client.resumeSession(SessionToken.parse(header));
 * SessionToken both = tokenA.merge(tokenB);               // e.g. two browser tabs
 * }</pre>
 */
public final class SessionToken {
    /** Hard bound on {@link #serialize()}'s length, in characters. */
    public static final int MAX_SERIALIZED_LENGTH = 1024;
    /** The format this class writes. */
    public static final int FORMAT_VERSION = 1;

    static final int MAX_EXACT_POSITIONS = 16;
    static final int MAX_EXACT_VERSIONS = 16;
    static final int BUCKETS = 32;
    private static final String PREFIX = "v" + FORMAT_VERSION + ".";
    private static final int SIGNATURE_BYTES = 16;
    /** Longest scope or region, in UTF-8 bytes (see {@link #checkLabel}). */
    static final int MAX_LABEL_BYTES = 128;

    private final String scope;
    private final String region;
    /** {@link #region} as a set, parsed on first use. */
    private volatile java.util.SortedSet<String> regionSet;
    private final Positions positions;
    /** key hash → version, oldest first. */
    private final Map<Long, Long> versions;
    private final long[] buckets;
    private final byte[] signature;

    private SessionToken(String scope, String region, Positions positions, Map<Long, Long> versions, long[] buckets,
                         byte[] signature) {
        this.scope = scope;
        this.region = region;
        this.positions = positions;
        this.versions = versions;
        this.buckets = buckets;
        this.signature = signature;
    }

    /**
     * A token that knows nothing yet.
     *
     * @param scope the backend it belongs to (e.g. {@code embedded} or {@code aws:eu-west-1}); tokens of
     *     different scopes do not mix
     * @param region the region the session was made in, or null
     */
    public static SessionToken empty(String scope, String region) {
        checkLabel(Objects.requireNonNull(scope, "scope"), "scope");
        if (region != null) checkLabel(region, "region");
        return new SessionToken(scope, region, Positions.NONE, Collections.emptyMap(), new long[BUCKETS], null);
    }

    /**
     * Scope and region are never folded, so their length is capped: with all 32 buckets at the largest
     * version and a signature the rest of the token takes under 400 bytes, and two labels of this size
     * keep the whole within {@value #MAX_SERIALIZED_LENGTH} characters.
     */
    private static void checkLabel(String label, String what) {
        int bytes = label.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_LABEL_BYTES) {
            throw new SessionTokenException("Session token " + what + " is " + bytes + " bytes; at most " + MAX_LABEL_BYTES
                    + " fit a bounded token");
        }
    }

    /** The backend this token belongs to. */
    public String scope() {
        return scope;
    }

    /**
     * The regions this token's knowledge comes from, comma-separated in name order (e.g.
     * {@code "eu-west-1,us-east-1"}), or null on a single-region backend. See {@link #regions()}.
     */
    public String region() {
        return region;
    }

    /**
     * The regions of a multi-region backend whose writes (or reads) this token remembers, in name order;
     * empty on a single-region backend. A region not listed here may not have those writes yet: the client
     * checks, waits, or reads in a listed region before it answers a session read there.
     */
    public java.util.SortedSet<String> regions() {
        // Asked on every request of a multi-region client: parsed once per token (a benign race at worst parses twice).
        java.util.SortedSet<String> parsed = regionSet;
        if (parsed == null) {
            java.util.TreeSet<String> out = new java.util.TreeSet<>();
            if (region != null && !region.isEmpty()) out.addAll(Arrays.asList(region.split(",")));
            regionSet = parsed = Collections.unmodifiableSortedSet(out);
        }
        return parsed;
    }

    /**
     * This token, also remembering that the session used {@code regionName}.
     *
     * @throws SessionTokenException if the region list would outgrow the token's label bound
     */
    public SessionToken withRegion(String regionName) {
        Objects.requireNonNull(regionName, "regionName");
        if (regionName.isEmpty() || regionName.contains(",")) {
            throw new SessionTokenException("Region name '" + regionName + "' must be non-empty and contain no comma");
        }
        java.util.SortedSet<String> all = new java.util.TreeSet<>(regions());
        if (!all.add(regionName)) return this;
        String label = String.join(",", all);
        checkLabel(label, "region list");
        return new SessionToken(scope, label, positions, versions, buckets, null);
    }

    private static String unionOfRegions(String a, String b) {
        if (a == null || a.isEmpty()) return b;
        if (b == null || b.isEmpty() || a.equals(b)) return a;
        java.util.SortedSet<String> all = new java.util.TreeSet<>(Arrays.asList(a.split(",")));
        all.addAll(Arrays.asList(b.split(",")));
        String label = String.join(",", all);
        checkLabel(label, "region list");
        return label;
    }

    /** The replica positions the session has seen. */
    public Positions positions() {
        return positions;
    }

    /** Whether the token carries a signature (it is checked by {@link #verify(byte[])}). */
    public boolean isSigned() {
        return signature != null;
    }

    /**
     * The managed version the session knows for an item: exact for recent keys; for older keys the
     * highest version in their hash bucket (an upper bound, so a read may upgrade needlessly but is
     * never stale). 0 if the session knows nothing of the key.
     */
    public long knownVersion(String tableName, Key key) {
        long h = keyHash(tableName, key);
        Long exact = versions.get(h);
        return exact != null ? exact : buckets[bucket(h)];
    }

    /**
     * The version the session knows <em>exactly</em> for an item: the entry of a recent key, 0 for a key the
     * token knows only through a folded bucket (or not at all). Only this may be treated as a requirement a
     * read must meet (waited for, or refused over); {@link #knownVersion} is an upper bound that may only make
     * a read more careful, since its bucket also holds the versions of unrelated keys.
     */
    public long exactVersion(String tableName, Key key) {
        Long exact = versions.get(keyHash(tableName, key));
        return exact != null ? exact : 0;
    }

    /**
     * This token with the session's knowledge of an item's version raised to at least {@code version}.
     *
     * @throws ValidationException if {@code version} is negative
     */
    public SessionToken withVersion(String tableName, Key key, long version) {
        if (version < 0) {
            throw new ValidationException("Item version must be >= 0, got " + version + " (table '" + tableName + "', key " + key + ")");
        }
        long h = keyHash(tableName, key);
        Map<Long, Long> m = new LinkedHashMap<>(versions);
        Long old = m.remove(h);
        m.put(h, old == null ? version : Math.max(old, version));
        return compact(new SessionToken(scope, region, positions, m, buckets, null));
    }

    /** This token with more positions seen. */
    public SessionToken withPositions(Positions seen) {
        if (seen.isEmpty()) return this;
        return compact(new SessionToken(scope, region, positions.merge(seen), versions, buckets, null));
    }

    /**
     * Everything either token knows.
     *
     * @throws SessionTokenException if the tokens belong to different backends
     */
    public SessionToken merge(SessionToken other) {
        if (other == null) throw new SessionTokenException("Cannot merge a null session token");
        if (!scope.equals(other.scope)) {
            throw new SessionTokenException("Cannot merge session tokens of different backends: '" + scope + "' and '" + other.scope + "'");
        }
        // A key exact on one side only may sit folded in the other side's bucket with a higher version. That
        // bucket is an upper bound mixing unrelated keys, so it must not become the key's exact requirement (a
        // read would wait for, or refuse over, a version the item may never have had): the key is folded too,
        // and the merged bucket (the larger of both) keeps both sides' knowledge as an upper bound.
        Map<Long, Long> m = new LinkedHashMap<>();
        versions.forEach((k, v) -> {
            if (other.versions.containsKey(k) || other.buckets[bucket(k)] <= v) m.put(k, v);
        });
        other.versions.forEach((k, v) -> {
            Long old = m.remove(k);
            if (old != null) m.put(k, Math.max(old, v));
            else if (buckets[bucket(k)] <= v) m.put(k, v);
        });
        long[] b = buckets.clone();
        for (int i = 0; i < BUCKETS; i++) b[i] = Math.max(b[i], other.buckets[i]);
        return compact(new SessionToken(scope, unionOfRegions(region, other.region), positions.merge(other.positions), m, b, null));
    }

    /** Folds the oldest exact entries until the token fits its bound. */
    private static SessionToken compact(SessionToken t) {
        Positions p = t.positions.capped(MAX_EXACT_POSITIONS);
        Map<Long, Long> v = t.versions;
        long[] b = t.buckets;
        if (v.size() > MAX_EXACT_VERSIONS) {
            v = new LinkedHashMap<>(v);
            b = b.clone();
            Iterator<Map.Entry<Long, Long>> it = v.entrySet().iterator();
            while (v.size() > MAX_EXACT_VERSIONS) {
                Map.Entry<Long, Long> e = it.next();
                int i = bucket(e.getKey());
                b[i] = Math.max(b[i], e.getValue());
                it.remove();
            }
        }
        SessionToken c = new SessionToken(t.scope, t.region, p, Collections.unmodifiableMap(v), b, null);
        // Long scope/region names or huge numbers could still overflow: fold further until it fits.
        // The bound is checked as if signed, so that sign() never pushes a compacted token over it.
        while (c.signedLength() > MAX_SERIALIZED_LENGTH && (!c.versions.isEmpty() || !c.positions.asHashedMap().isEmpty())) {
            Positions fewer = c.positions.capped(Math.max(0, c.positions.asHashedMap().size() - 1));
            Map<Long, Long> vv = new LinkedHashMap<>(c.versions);
            long[] bb = c.buckets.clone();
            Iterator<Map.Entry<Long, Long>> it = vv.entrySet().iterator();
            if (it.hasNext()) {
                Map.Entry<Long, Long> e = it.next();
                bb[bucket(e.getKey())] = Math.max(bb[bucket(e.getKey())], e.getValue());
                it.remove();
            }
            c = new SessionToken(c.scope, c.region, fewer, Collections.unmodifiableMap(vv), bb, null);
        }
        return c;
    }

    // ----------------------------------------------------------------------------- serialization

    /** The token as a compact URL-safe string, at most {@value #MAX_SERIALIZED_LENGTH} characters. */
    public String serialize() {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(encode(true));
    }

    /** Length of {@link #serialize()} once this token is signed. */
    private int signedLength() {
        int bytes = unsignedEncodedSize() + SIGNATURE_BYTES;
        return PREFIX.length() + (bytes * 4 + 2) / 3;
    }

    /**
     * {@code encode(false).length}, computed without encoding: this runs on every write of a session, so it
     * must not allocate. Mirrors {@link #encode(boolean)} field by field (a test checks they agree).
     */
    int unsignedEncodedSize() {
        int size = stringSize(scope) + stringSize(region == null ? "" : region);
        Map<Long, Long> p = positions.asHashedMap();
        size += varintSize(p.size());
        for (long v : p.values()) size += 8 + varintSize(v + 1);
        size += varintSize(positions.floor() + 1) + varintSize(versions.size());
        for (long v : versions.values()) size += 8 + varintSize(v);
        int nonZero = 0;
        for (long b : buckets) {
            if (b != 0) {
                nonZero++;
                size += 1 + varintSize(b);
            }
        }
        return size + varintSize(nonZero) + 1;
    }

    private static int stringSize(String s) {
        int n = AttributeValue.utf8Length(s);
        return varintSize(n) + n;
    }

    private static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }

    private byte[] encode(boolean withSignature) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        writeString(out, scope);
        writeString(out, region == null ? "" : region);
        Map<Long, Long> p = positions.asHashedMap();
        writeVarint(out, p.size());
        p.forEach((k, v) -> {
            writeLong(out, k);
            writeVarint(out, v + 1);
        });
        writeVarint(out, positions.floor() + 1);
        writeVarint(out, versions.size());
        versions.forEach((k, v) -> {
            writeLong(out, k);
            writeVarint(out, v);
        });
        int nonZero = 0;
        for (long b : buckets) if (b != 0) nonZero++;
        writeVarint(out, nonZero);
        for (int i = 0; i < BUCKETS; i++) {
            if (buckets[i] != 0) {
                out.write(i);
                writeVarint(out, buckets[i]);
            }
        }
        if (withSignature && signature != null) {
            out.write(1);
            out.write(signature, 0, signature.length);
        } else {
            out.write(0);
        }
        return out.toByteArray();
    }

    /**
     * Reads a token written by {@link #serialize()}.
     *
     * @throws SessionTokenException if the text is empty, too long, of another format version, truncated or malformed
     */
    public static SessionToken parse(String text) {
        if (text == null || text.isEmpty()) throw new SessionTokenException("Session token is empty");
        if (text.length() > MAX_SERIALIZED_LENGTH) {
            throw new SessionTokenException("Session token is " + text.length() + " characters; at most " + MAX_SERIALIZED_LENGTH
                    + " are valid");
        }
        if (!text.startsWith(PREFIX)) {
            int dot = text.indexOf('.');
            String version = dot > 0 ? text.substring(0, dot) : "";
            if (version.matches("v[0-9]+")) {
                throw new SessionTokenException("Session token has format " + version + "; this ddbc reads only v" + FORMAT_VERSION
                        + " (a token from a newer ddbc?)");
            }
            throw new SessionTokenException("Not a ddbc session token: it does not start with '" + PREFIX + "'");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SessionTokenException("Session token is not valid base64url: " + e.getMessage());
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            String scope = readString(in);
            String region = readString(in);
            int np = checkedCount(readVarint(in), MAX_EXACT_POSITIONS, "positions");
            Map<Long, Long> pos = new LinkedHashMap<>();
            for (int i = 0; i < np; i++) pos.put(in.getLong(), readVarint(in) - 1);
            long floor = readVarint(in) - 1;
            int nv = checkedCount(readVarint(in), MAX_EXACT_VERSIONS, "versions");
            Map<Long, Long> vers = new LinkedHashMap<>();
            for (int i = 0; i < nv; i++) vers.put(in.getLong(), readVarint(in));
            int nb = checkedCount(readVarint(in), BUCKETS, "buckets");
            long[] buckets = new long[BUCKETS];
            for (int i = 0; i < nb; i++) {
                int idx = in.get() & 0xff;
                if (idx >= BUCKETS) throw new SessionTokenException("Session token has bucket index " + idx + " out of range");
                buckets[idx] = readVarint(in);
            }
            byte[] sig = null;
            int flag = in.get();
            if (flag == 1) {
                sig = new byte[SIGNATURE_BYTES];
                in.get(sig);
            } else if (flag != 0) {
                throw new SessionTokenException("Session token has an unknown signature flag " + flag);
            }
            if (in.hasRemaining()) throw new SessionTokenException("Session token has " + in.remaining() + " unexpected trailing bytes");
            return new SessionToken(scope, region.isEmpty() ? null : region, Positions.ofHashed(pos, floor),
                    Collections.unmodifiableMap(vers), buckets, sig);
        } catch (java.nio.BufferUnderflowException e) {
            throw new SessionTokenException("Session token is truncated");
        }
    }

    private static int checkedCount(long n, int max, String what) {
        if (n < 0 || n > max) throw new SessionTokenException("Session token claims " + n + " " + what + "; at most " + max + " are valid");
        return (int) n;
    }

    // -------------------------------------------------------------------------------- signatures

    /**
     * This token signed with HMAC-SHA256 under {@code secret} (truncated to 128 bits): a client holding the
     * same secret then enforces its requirements as its own (see the class comment).
     */
    public SessionToken sign(byte[] secret) {
        return new SessionToken(scope, region, positions, versions, buckets, mac(secret));
    }

    /**
     * Checks the signature.
     *
     * @throws SessionTokenException if the token is unsigned or its signature does not match
     */
    public void verify(byte[] secret) {
        if (signature == null) throw new SessionTokenException("Session token is not signed, but this client requires signed tokens");
        if (!MessageDigest.isEqual(signature, mac(secret))) {
            throw new SessionTokenException("Session token signature does not match: the token was altered or signed with another key");
        }
    }

    private byte[] mac(byte[] secret) {
        if (secret == null || secret.length == 0) throw new SessionTokenException("Session token secret must not be empty");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(encode(false)), SIGNATURE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    // ----------------------------------------------------------------------------------- helpers

    /** Stable 64-bit identity of an item: SHA-256 over the table name and the key's canonical encoding. */
    static long keyHash(String tableName, Key key) {
        StringBuilder sb = new StringBuilder(tableName).append('\u0000');
        canonical(sb, key.partitionName(), key.partitionValue());
        if (key.hasSortKey()) canonical(sb, key.sortName().get(), key.sortValue());
        return Positions.hash(sb.toString());
    }

    private static void canonical(StringBuilder sb, String name, AttributeValue v) {
        sb.append(name).append('\u0000').append(v.type()).append(':');
        switch (v.type()) {
            case N: {
                BigDecimal n = v.n();
                sb.append(n.signum() == 0 ? "0" : n.stripTrailingZeros().toString());
                break;
            }
            case B: sb.append(Base64.getEncoder().encodeToString(v.b())); break;
            default: sb.append(v.s());
        }
        sb.append('\u0000');
    }

    private static int bucket(long hash) {
        return (int) Long.remainderUnsigned(hash, BUCKETS);
    }

    private static void writeString(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, b.length);
        out.write(b, 0, b.length);
    }

    private static String readString(ByteBuffer in) {
        long n = readVarint(in);
        if (n < 0 || n > in.remaining()) throw new SessionTokenException("Session token is truncated or malformed (string length " + n + ")");
        byte[] b = new byte[(int) n];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        for (int i = 7; i >= 0; i--) out.write((int) (v >>> (8 * i)));
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        if (v < 0) throw new IllegalArgumentException("negative varint " + v);
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarint(ByteBuffer in) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                // Every number the token holds is non-negative; a set sign bit means a forged or corrupt token.
                if (result < 0) throw new SessionTokenException("Session token holds a malformed number");
                return result;
            }
        }
        throw new SessionTokenException("Session token holds a malformed number");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SessionToken)) return false;
        SessionToken t = (SessionToken) o;
        return scope.equals(t.scope) && Objects.equals(region, t.region) && positions.equals(t.positions)
                && versions.equals(t.versions) && Arrays.equals(buckets, t.buckets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, region, positions, versions, Arrays.hashCode(buckets));
    }

    @Override
    public String toString() {
        return "SessionToken{" + scope + (region == null ? "" : "@" + region) + ", " + positions + ", " + versions.size()
                + " exact versions" + (signature == null ? "" : ", signed") + "}";
    }
}
