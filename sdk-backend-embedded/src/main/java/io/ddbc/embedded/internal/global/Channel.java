package io.ddbc.embedded.internal.global;

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
    private final ArrayDeque<Shipment> queue = new ArrayDeque<>();
    private final AppliedMarks marks = new AppliedMarks();
    private long lastDue = Long.MIN_VALUE;
    private boolean scheduled;
    private boolean closed;

    Channel(int from, int to, String table, int partition) {
        this.from = from;
        this.to = to;
        this.table = table;
        this.partition = partition;
    }

    /**
     * Queues a write due {@code lagNanos} after {@code now} (or with the previous one, if later).
     *
     * @return the due instant if a delivery must be scheduled now (none pending and {@code deliverable}), else null
     */
    synchronized Long offer(Shipment write, long now, long lagNanos, boolean deliverable) {
        if (closed) return null;
        lastDue = Math.max(now + lagNanos, lastDue);
        queue.addLast(write.dueAt(lastDue));
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
     * The local position at the destination that reflects every write shipped here with origin position
     * ≤ {@code origin}, or {@link Long#MIN_VALUE} if one of them has not been applied (or discarded) yet.
     */
    synchronized long localFor(long origin) {
        Shipment head = queue.peekFirst();
        if (head != null && head.record().seq() <= origin && !closed) return Long.MIN_VALUE;
        return marks.localFor(origin);
    }

    /** The highest origin position among the writes the destination had applied by its local position {@code local}. */
    synchronized long originBy(long local) {
        return marks.originBy(local);
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
