package io.ddbc.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replication log positions by partition: how far a replica, a write or a session has got.
 *
 * <p>Backends that replicate with ordered logs (the embedded engine) report a position on every
 * result; a session keeps the highest position seen per partition and sends them with its reads so
 * the backend may answer from any replica that has applied them. Positions are numbers from one
 * counter per backend, so they compare across partitions: this lets a bounded set keep exact entries
 * for recent partitions and fold the rest into a {@link #floor()} — a requirement for every partition
 * not listed. Partitions are identified by a 64-bit hash of the backend's partition name, which keeps
 * session tokens small. Immutable.
 *
 * <pre>{@code
 * Positions seen = result.positions();
 * Positions mine = sessionPositions.merge(seen).capped(16);
 * long needed = mine.required("accounts#3");
 * }</pre>
 */
public final class Positions {
    /** No positions. */
    public static final Positions NONE = new Positions(Collections.emptyMap(), -1);

    /** partition hash → position, in order of last update (oldest first). */
    private final Map<Long, Long> byPartition;
    private final long floor;

    private Positions(Map<Long, Long> byPartition, long floor) {
        this.byPartition = byPartition;
        this.floor = floor;
    }

    /**
     * The largest position: a token writes {@code position + 1} as an unsigned number, so this keeps every
     * position representable (a backend's counter never gets near it).
     */
    public static final long MAX_POSITION = Long.MAX_VALUE - 1;

    /**
     * A single partition's position.
     *
     * @throws SessionTokenException if the position is below -1 or above {@link #MAX_POSITION}
     */
    public static Positions of(String partition, long position) {
        checkRange(position, "partition '" + partition + "'");
        Map<Long, Long> m = new LinkedHashMap<>();
        m.put(hash(partition), position);
        return new Positions(Collections.unmodifiableMap(m), -1);
    }

    /**
     * Positions from hashed partitions and a floor (used when decoding tokens).
     *
     * @throws SessionTokenException if a position or the floor is below -1 or above {@link #MAX_POSITION}
     */
    public static Positions ofHashed(Map<Long, Long> byPartitionHash, long floor) {
        checkRange(floor, "the floor");
        for (Map.Entry<Long, Long> e : byPartitionHash.entrySet()) {
            if (e.getValue() == null) throw new SessionTokenException("Position of partition hash " + e.getKey() + " is missing (null)");
            checkRange(e.getValue(), "partition hash " + e.getKey());
        }
        if (byPartitionHash.isEmpty() && floor < 0) return NONE;
        return new Positions(Collections.unmodifiableMap(new LinkedHashMap<>(byPartitionHash)), floor);
    }

    /**
     * Positions travel in session tokens, which anyone can write: one out of range is a bad token (a typed
     * {@link SessionTokenException} naming the rule), not an IllegalArgumentException when it is serialized.
     */
    private static void checkRange(long position, String what) {
        if (position < -1 || position > MAX_POSITION) {
            throw new SessionTokenException("Position " + position + " of " + what + " is out of range: positions run from -1 (none) to "
                    + MAX_POSITION);
        }
    }

    /** The stable 64-bit identity of a partition name. */
    public static long hash(String partition) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(partition.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) h = (h << 8) | (d[i] & 0xff);
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The exact position recorded for a partition, or -1 if none. */
    public long get(String partition) {
        Long p = byPartition.get(hash(partition));
        return p == null ? -1 : p;
    }

    /**
     * The position a replica of the partition must have applied to satisfy these positions: the exact
     * entry if there is one, else the floor (-1: no requirement).
     */
    public long required(String partition) {
        Long p = byPartition.get(hash(partition));
        return p == null ? floor : Math.max(p, -1);
    }

    /** Partition hash → position, unmodifiable, oldest update first. */
    public Map<Long, Long> asHashedMap() {
        return byPartition;
    }

    /** The requirement for partitions not listed, -1 if none. */
    public long floor() {
        return floor;
    }

    /** Whether there is no requirement at all. */
    public boolean isEmpty() {
        return byPartition.isEmpty() && floor < 0;
    }

    /**
     * Per partition, the larger of the two requirements (a partition listed on one side only also meets the
     * other side's floor); the larger floor. Entries of {@code other} become the newest.
     */
    public Positions merge(Positions other) {
        if (other.isEmpty()) return this;
        if (isEmpty()) return other;
        // An entry listed on one side only must also meet the other side's floor, which is that
        // side's requirement for every partition it does not list; otherwise merging would lower it.
        Map<Long, Long> m = new LinkedHashMap<>();
        byPartition.forEach((k, v) -> m.put(k, other.byPartition.containsKey(k) ? v : Math.max(v, other.floor)));
        other.byPartition.forEach((k, v) -> {
            Long old = m.remove(k);
            m.put(k, old == null ? Math.max(v, floor) : Math.max(old, v));
        });
        return new Positions(Collections.unmodifiableMap(m), Math.max(floor, other.floor));
    }

    /** At most {@code maxEntries} exact entries: the oldest are folded into the floor. */
    public Positions capped(int maxEntries) {
        if (byPartition.size() <= maxEntries) return this;
        Map<Long, Long> m = new LinkedHashMap<>(byPartition);
        long f = floor;
        Iterator<Map.Entry<Long, Long>> it = m.entrySet().iterator();
        while (m.size() > maxEntries) {
            f = Math.max(f, it.next().getValue());
            it.remove();
        }
        return new Positions(Collections.unmodifiableMap(m), f);
    }

    /** Whether, for every partition these positions require something of, {@code other} is at least as far. */
    public boolean isCoveredBy(Positions other) {
        if (floor > other.floor) return false;
        for (Map.Entry<Long, Long> e : byPartition.entrySet()) {
            Long o = other.byPartition.get(e.getKey());
            if ((o == null ? other.floor : o) < e.getValue()) return false;
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Positions && byPartition.equals(((Positions) o).byPartition) && floor == ((Positions) o).floor;
    }

    @Override
    public int hashCode() {
        return byPartition.hashCode() * 31 + Long.hashCode(floor);
    }

    @Override
    public String toString() {
        return "Positions{" + byPartition.size() + " partitions" + (floor >= 0 ? ", floor=" + floor : "") + "}";
    }
}
