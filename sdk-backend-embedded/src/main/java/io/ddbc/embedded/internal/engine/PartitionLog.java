package io.ddbc.embedded.internal.engine;

import io.ddbc.embedded.internal.storage.LogRecord;

/**
 * One table partition's replication log: the records not yet applied by every replica, each replica's
 * cursor (the log index of the next record it applies), the leader's replica number and the instants the
 * last deliveries were scheduled for (kept monotone so a follower never receives records out of order).
 * Guarded by the partition's leader lock, except {@link #leader}, which reads may sample without it.
 */
final class PartitionLog {
    /** Ring buffer of the kept entries: log index i is at {@code ring[(head + i - base) & (ring.length - 1)]}. */
    private LogRecord[] ring = new LogRecord[64];
    private int head;
    /** Log index of the first entry kept. */
    private long base;
    /** Log index the next record gets. */
    private long end;
    private final long[] next;
    final long[] lastDue;
    long gsiLastDue = Long.MIN_VALUE;
    volatile int leader;

    PartitionLog(int replicas) {
        this.next = new long[replicas];
        this.lastDue = new long[replicas];
        java.util.Arrays.fill(lastDue, Long.MIN_VALUE);
    }

    /** Appends a record the leader has applied; returns the log index after it. */
    long append(LogRecord record) {
        if (end - base == ring.length) grow();
        ring[(int) ((head + end - base) & (ring.length - 1))] = record;
        end++;
        next[leader] = end;
        return end;
    }

    /** The log index after the last record. */
    long end() {
        return end;
    }

    /** A replica's cursor. */
    long next(int replica) {
        return next[replica];
    }

    /** Records from a replica's cursor up to {@code target} (exclusive), and moves the cursor there. */
    void forEachUpTo(int replica, long target, java.util.function.Consumer<LogRecord> apply) {
        long from = next[replica];
        if (from >= target) return;
        for (long i = from; i < target; i++) apply.accept(ring[(int) ((head + i - base) & (ring.length - 1))]);
        next[replica] = target;
    }

    /** Drops records every replica has applied. */
    void trim() {
        long min = end;
        for (long n : next) min = Math.min(min, n);
        while (base < min) {
            ring[head] = null;
            head = (head + 1) & (ring.length - 1);
            base++;
        }
    }

    private void grow() {
        LogRecord[] bigger = new LogRecord[ring.length * 2];
        int n = (int) (end - base);
        for (int i = 0; i < n; i++) bigger[i] = ring[(head + i) & (ring.length - 1)];
        ring = bigger;
        head = 0;
    }

    /** Records some replica still lacks. */
    long pending(int replica) {
        return end - next[replica];
    }
}
