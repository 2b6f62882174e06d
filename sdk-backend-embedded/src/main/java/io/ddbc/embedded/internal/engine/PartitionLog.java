package io.ddbc.embedded.internal.engine;

import io.ddbc.embedded.internal.storage.LogRecord;

/**
 * One table partition's replication log: the records not yet applied by every replica, each with the
 * instant it is due at the follower that did not acknowledge it (dues are kept monotone, so deliveries never
 * overtake each other), each replica's cursor (the log index of the next record it applies), the leader's
 * replica number, whether a delivery is scheduled per follower, and the queue of global-index updates.
 * Guarded by the partition's leader lock, except {@link #leader}, which reads may sample without it.
 */
final class PartitionLog {
    /** Ring buffer of the kept entries: log index i is at {@code ring[(head + i - base) & (ring.length - 1)]}. */
    private LogRecord[] ring = new LogRecord[64];
    private long[] dues = new long[64];
    private int head;
    /** Log index of the first entry kept. */
    private long base;
    /** Log index the next record gets. */
    private long end;
    private final long[] next;
    private long lastDue = Long.MIN_VALUE;
    /** Whether a delivery event is pending per replica. */
    final boolean[] deliveryScheduled;
    /** Global-index updates not applied yet, in log order. */
    final java.util.ArrayDeque<GsiUpdate> gsiQueue = new java.util.ArrayDeque<>();
    long gsiLastDue = Long.MIN_VALUE;
    boolean gsiScheduled;
    volatile int leader;

    /** A record for the global indexes with the item's image before it and when it is due. */
    record GsiUpdate(LogRecord record, io.ddbc.api.Item old, long due) {
    }

    PartitionLog(int replicas) {
        this.next = new long[replicas];
        this.deliveryScheduled = new boolean[replicas];
    }

    /**
     * Appends a record the leader has applied, due at the lagging follower {@code lagNanos} after {@code now}
     * (or when the previous record is, if later); returns the log index after it.
     */
    long append(LogRecord record, long now, long lagNanos) {
        if (end - base == ring.length) grow();
        int slot = (int) ((head + end - base) & (ring.length - 1));
        ring[slot] = record;
        lastDue = Math.max(now + lagNanos, lastDue);
        dues[slot] = lastDue;
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

    /** When the record at a replica's cursor is due (call only if the replica has pending records). */
    long dueAtCursor(int replica) {
        return dues[(int) ((head + next[replica] - base) & (ring.length - 1))];
    }

    /** Applies a replica's records that are due by {@code now}, in order; returns whether records remain. */
    boolean deliverDue(int replica, long now, java.util.function.Consumer<LogRecord> apply) {
        while (next[replica] < end && dueAtCursor(replica) - now <= 0) {
            apply.accept(ring[(int) ((head + next[replica] - base) & (ring.length - 1))]);
            next[replica]++;
        }
        return next[replica] < end;
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
        long[] biggerDues = new long[ring.length * 2];
        int n = (int) (end - base);
        for (int i = 0; i < n; i++) {
            bigger[i] = ring[(head + i) & (ring.length - 1)];
            biggerDues[i] = dues[(head + i) & (ring.length - 1)];
        }
        ring = bigger;
        dues = biggerDues;
        head = 0;
    }

    /** Records some replica still lacks. */
    long pending(int replica) {
        return end - next[replica];
    }
}
