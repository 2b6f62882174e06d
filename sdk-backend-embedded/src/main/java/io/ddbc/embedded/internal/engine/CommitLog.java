package io.ddbc.embedded.internal.engine;

import io.ddbc.api.Item;
import io.ddbc.embedded.internal.storage.ItemKey;
import io.ddbc.embedded.internal.storage.LogRecord;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's one sequence of log positions, and the step that turns a leader's decision into a
 * {@link LogRecord} replicated to the table's replicas. Callers hold the leader lock of the record's
 * partition, so records of one partition get increasing sequence numbers in the order they are applied.
 */
public final class CommitLog {
    private final AtomicLong sequence = new AtomicLong();

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
        LogRecord record = new LogRecord(sequence.incrementAndGet(), table.name(), partition, key, newImage);
        table.replicas().replicate(record);
        return record;
    }
}
