package io.ddbc.embedded.internal.global;

import io.ddbc.api.Positions;
import java.util.ArrayDeque;

/**
 * The writes of one table partition on their way from one region to another, in the origin's commit order
 * (FIFO), each due after a sampled cross-region lag; dues are kept monotone so no write overtakes another.
 * A write leaves the queue only after it has been applied (or discarded by last-writer-wins) at the
 * destination, so "nothing pending up to position p" means the destination reflects every such write.
 * Every method synchronizes on the channel; callers may hold partition locks (the channel lock is innermost).
 */
final class Channel {
    final int from;
    final int to;
    final String table;
    final int partition;
    /** {@link Positions#hash} of the origin partition's id, e.g. {@code us-east-1:accounts#3}. */
    final long sourceIdHash;
    /** The origin partition's id, for messages. */
    final String sourceId;
    private final ArrayDeque<Shipment> queue = new ArrayDeque<>();
    private final AppliedMarks marks = new AppliedMarks();
    private long lastDue = Long.MIN_VALUE;
    private boolean scheduled;
    private boolean closed;

    Channel(int from, int to, String table, int partition, String sourceId) {
        this.from = from;
        this.to = to;
        this.table = table;
        this.partition = partition;
        this.sourceId = sourceId;
        this.sourceIdHash = Positions.hash(sourceId);
    }

    /**
     * Queues a write due {@code lagNanos} after {@code now} (or with the previous one, if later).
     *
     * @return the due instant if a delivery must be scheduled now (none pending and {@code deliverable}), else null
     */
    synchronized Long offer(Shipment unscheduled, long now, long lagNanos, boolean deliverable) {
        if (closed) return null;
        lastDue = Math.max(now + lagNanos, lastDue);
        queue.addLast(new Shipment(unscheduled.record(), unscheduled.timestamp(), unscheduled.origin(), unscheduled.vector(), lastDue));
        return deliverable ? claimDelivery(queue.peekFirst().due()) : null;
    }

    /** The write at the head if it is due by {@code now}, else null. */
    synchronized Shipment dueHead(long now) {
        Shipment s = closed ? null : queue.peekFirst();
        return s != null && s.due() - now <= 0 ? s : null;
    }

    /** Removes the head after it was applied (or discarded) at local position {@code local}. */
    synchronized void done(Shipment s, long local) {
        if (queue.peekFirst() == s) queue.pollFirst();
        marks.add(s.record().seq(), local);
    }

    /** A delivery is starting: none is scheduled any more. */
    synchronized void delivering() {
        scheduled = false;
    }

    /**
     * Claims the next delivery if writes are pending and none is scheduled.
     *
     * @param notBefore the earliest instant to deliver at
     * @return when to deliver, or null if nothing is to be scheduled
     */
    synchronized Long claimNext(long notBefore) {
        if (closed || queue.isEmpty()) return null;
        return claimDelivery(Math.max(queue.peekFirst().due(), notBefore));
    }

    private Long claimDelivery(long due) {
        if (scheduled) return null;
        scheduled = true;
        return due;
    }

    /**
     * The local position a reader at the destination needs for the writes of this partition that
     * {@code min} requires, or -1 if it requires nothing of it.
     *
     * @return -1, or the local position; {@link Long#MIN_VALUE} if a required write has not been applied yet
     */
    synchronized long localRequirement(Positions min) {
        Long exact = min.asHashedMap().get(sourceIdHash);
        long required = exact == null ? min.floor() : exact;
        if (required <= 0) return -1;
        Shipment head = queue.peekFirst();
        if (head != null && head.record().seq() <= required && !closed) return Long.MIN_VALUE;
        return marks.localFor(required);
    }

    /** What {@code min} requires of this channel's origin partition (-1: nothing). */
    long requiredBy(Positions min) {
        Long exact = min.asHashedMap().get(sourceIdHash);
        return exact == null ? min.floor() : exact;
    }

    /** Writes not yet applied at the destination. */
    synchronized int pending() {
        return queue.size();
    }

    /** Drops everything (the table was deleted); returns how many writes were pending. */
    synchronized int close() {
        closed = true;
        int n = queue.size();
        queue.clear();
        return n;
    }

    synchronized boolean isClosed() {
        return closed;
    }
}
