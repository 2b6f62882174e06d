package io.ddbc.embedded.internal.engine;

import io.ddbc.api.Item;
import io.ddbc.embedded.internal.storage.ItemKey;
import io.ddbc.embedded.internal.storage.LogRecord;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's one sequence of log positions, and the step that turns a leader's decision into a
 * {@link LogRecord} applied to the table's replicas. Callers hold the leader lock of the record's
 * partition, so records of one partition get increasing sequence numbers in the order they are applied.
 * The replication layer replaces "apply to the one replica" with "apply on the leader, ship to followers".
 */
public final class CommitLog {
    private final AtomicLong sequence = new AtomicLong();

    /** The last sequence number handed out (0 before any write). */
    public long lastSequence() {
        return sequence.get();
    }

    /**
     * Sequences and applies one effect. Caller holds {@code table}'s leader lock for {@code partition}.
     *
     * @param newImage the item after the write, or null to delete
     * @return the record applied
     */
    LogRecord commit(TableState table, int partition, ItemKey key, Item newImage) {
        LogRecord record = new LogRecord(sequence.incrementAndGet(), table.name(), partition, key, newImage);
        table.leader().apply(record);
        return record;
    }
}
