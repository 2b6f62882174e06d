package io.ddbc.samples.tour;

import java.util.Arrays;

/** What one consistency level did in the read-after-write workload. Not thread-safe. */
final class LevelStats {
    final String level;
    long reads;
    long staleReads;
    long sessionUpgrades;
    long cacheHits;
    double readUnits;
    double writeUnits;
    private long[] latenciesNanos = new long[1024];
    private int latencyCount;

    LevelStats(String level) {
        this.level = level;
    }

    void recordRead(long nanos, boolean stale, boolean cacheHit, double rcu) {
        reads++;
        if (stale) staleReads++;
        if (cacheHit) cacheHits++;
        readUnits += rcu;
        if (latencyCount == latenciesNanos.length) latenciesNanos = Arrays.copyOf(latenciesNanos, latencyCount * 2);
        latenciesNanos[latencyCount++] = nanos;
    }

    /** The latency at quantile q (0..1) in microseconds. */
    double latencyMicros(double q) {
        if (latencyCount == 0) return 0;
        long[] sorted = Arrays.copyOf(latenciesNanos, latencyCount);
        Arrays.sort(sorted);
        int index = (int) Math.min(latencyCount - 1, Math.ceil(q * latencyCount) - 1);
        return sorted[Math.max(0, index)] / 1000.0;
    }

    double rcuPerRead() {
        return reads == 0 ? 0 : readUnits / reads;
    }
}
