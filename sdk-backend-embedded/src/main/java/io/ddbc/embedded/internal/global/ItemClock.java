package io.ddbc.embedded.internal.global;

/**
 * What one region knows about one item's writes, for last-writer-wins and for telling conflicts from plain
 * updates: the stamp of the write its current image (or tombstone) comes from — a timestamp and the region
 * that wrote it — that write's version vector, and the region's own knowledge vector (per origin region, the
 * latest stamp of that region's writes of this item it has received, applied or not). Vectors are indexed by
 * region number; 0 means nothing seen. Guarded by the item's partition lock in the owning region.
 */
final class ItemClock {
    private final Regions regions;
    private long timestamp;
    private int region = -1;
    private long[] winnerVector;
    private long[] known;

    ItemClock(Regions regions) {
        this.regions = regions;
        this.known = new long[regions.size()];
        this.winnerVector = known;
    }

    /** The current write's timestamp (0 if the item was never written here). */
    long timestamp() {
        return timestamp;
    }

    /** The current write's region number, or -1. */
    int region() {
        return region;
    }

    /**
     * Stamps a write made here by region {@code r} at {@code now}: its timestamp is forced above the current
     * one, and its vector is everything this region knew of the item plus the write itself.
     *
     * @return the write's vector (do not modify)
     */
    long[] localWrite(int r, long now) {
        long t = Math.max(now, timestamp + 1);
        long[] v = known.clone();
        v[r] = Math.max(v[r], t);
        timestamp = t;
        region = r;
        winnerVector = v;
        known = v;
        return v;
    }

    /** Whether a write stamped ({@code ts}, {@code r}) beats the current one (ties: the greater region name wins). */
    boolean beatenBy(long ts, int r) {
        if (region < 0 || ts > timestamp) return true;
        return ts == timestamp && regions.name(r).compareTo(regions.name(region)) > 0;
    }

    /** Whether an incoming write (with vector {@code v}) was made without having seen the current one. */
    boolean incomingMissedCurrent(long[] v) {
        return region >= 0 && v[region] < timestamp;
    }

    /** Whether the current write was made without having seen an incoming write ({@code ts} from region {@code r}). */
    boolean currentMissed(long ts, int r) {
        return winnerVector[r] < ts;
    }

    /** An incoming write became the current one. */
    void applied(long ts, int r, long[] v) {
        timestamp = ts;
        region = r;
        winnerVector = v;
        received(v);
    }

    /** An incoming write was received (applied or discarded): the region now knows of it. */
    void received(long[] v) {
        long[] k = known.clone();
        for (int i = 0; i < k.length; i++) k[i] = Math.max(k[i], v[i]);
        known = k;
    }
}
