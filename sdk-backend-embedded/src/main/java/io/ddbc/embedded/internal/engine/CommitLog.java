package io.ddbc.embedded.internal.engine;

import io.ddbc.api.Item;
import io.ddbc.embedded.internal.storage.ItemKey;
import io.ddbc.embedded.internal.storage.LogRecord;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's one sequence of log positions, and the step that turns a leader's decision into a
 * {@link LogRecord} replicated to the table's replicas. Callers hold the leader lock of the record's
 * partition, so records of one partition get increasing sequence numbers in the order they are applied.
 * In a multi-region engine every region's log draws from one shared counter (so positions compare across
 * regions), and a {@link Listener} ships each local commit to the other regions.
 */
public final class CommitLog {
    private final AtomicLong sequence;
    private volatile Listener listener;

    /** Told of every commit made by this region's own clients (not of writes replicated from other regions). */
    public interface Listener {
        /** Called under the partition's leader lock, after the record is applied on the leader and a follower. */
        void committed(TableState table, LogRecord record);
    }

    /** A log with its own counter. */
    public CommitLog() {
        this(new AtomicLong());
    }

    /** A log drawing positions from a counter shared with other logs (the regions of one engine). */
    public CommitLog(AtomicLong sharedSequence) {
        this.sequence = sharedSequence;
    }

    /** Sets the listener of local commits (once, before any request). */
    public void listen(Listener listener) {
        this.listener = listener;
    }

    /** The last sequence number handed out (0 before any write). */
    public long lastSequence() {
        return sequence.get();
    }

    /**
     * Sequences and replicates one effect: applied on the leader and one follower when this returns.
     * Caller holds {@code table}'s leader lock for {@code partition} and checked the partition is available.
     *
     * @param newImage the item after the write, or null to delete
     * @return the record applied
     */
    LogRecord commit(TableState table, int partition, ItemKey key, Item newImage) {
        LogRecord record = append(table, partition, key, newImage);
        Listener l = listener;
        if (l != null) l.committed(table, record);
        return record;
    }

    /**
     * Applies a write replicated from another region through this region's own replication (its followers
     * and indexes get it), without announcing it to the listener, so it is not shipped again. Caller holds
     * the partition's leader lock and checked {@link TableState#available(int)}.
     */
    public LogRecord commitReplicated(TableState table, int partition, ItemKey key, Item newImage) {
        return append(table, partition, key, newImage);
    }

    private LogRecord append(TableState table, int partition, ItemKey key, Item newImage) {
        LogRecord record = new LogRecord(sequence.incrementAndGet(), table.name(), partition, key, newImage);
        table.replicas().replicate(record);
        return record;
    }
}
