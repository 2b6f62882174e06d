package io.ddbc.embedded.internal.engine;

import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.ConsumedCapacity;
import io.ddbc.api.Item;
import io.ddbc.api.Positions;
import io.ddbc.api.ValidationException;
import io.ddbc.api.WriteResult;
import io.ddbc.embedded.internal.capacity.CapacityCalculator;
import io.ddbc.embedded.internal.storage.ItemKey;
import io.ddbc.embedded.internal.storage.LogRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/** Single-item writes and BatchWriteItem: each write is evaluated and committed under its partition's leader lock. */
final class WriteOperations {
    /** Largest BatchWriteItem request, bytes. */
    static final long MAX_BATCH_WRITE_BYTES = 16L * 1024 * 1024;

    private final CommitLog log;
    private final EngineStats stats;

    WriteOperations(CommitLog log, EngineStats stats) {
        this.log = log;
        this.stats = stats;
    }

    /** Evaluates and commits one write atomically; a false condition raises ConditionFailedException. */
    WriteResult execute(PreparedWrite w) {
        ReentrantLock lock = w.table.lock(w.partition);
        lock.lock();
        try {
            w.table.replicas().checkAvailable(w.partition, "a write");
            Item current = w.table.leaderStore(w.partition).get(w.itemKey);
            PreparedWrite.Outcome outcome;
            try {
                outcome = w.evaluate(current);
            } catch (PreparedWrite.ConditionNotMet e) {
                stats.conditionalCheckFailures.increment();
                ConsumedCapacity charged = CapacityCalculator.failedWrite(w.table.name(), current, w.wouldBe(current), false);
                stats.charge(charged);
                // The caller's meters count what the refusal cost, as DynamoDB bills it.
                throw new ConditionFailedException(w.table.name(), w.key, w.conditionText, w.returnItemOnFailure ? current : null, charged);
            }
            LogRecord record = log.commit(w.table, w.partition, w.itemKey, outcome.newImage());
            ConsumedCapacity capacity = CapacityCalculator.write(w.table.name(), w.table.layouts(), w.itemKey, current,
                    outcome.newImage(), false);
            stats.charge(capacity);
            return WriteResult.of(w.returned(current, outcome.newImage()), capacity,
                    w.table.leaderStore(w.partition).positionsAt(record.seq()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * BatchWriteItem: ≤ 25 puts/deletes, ≤ 16 MB, no item twice; all validated before any is applied, then
     * each applied atomically on its own (nothing is left unprocessed: the engine never throttles here).
     */
    BatchWriteResult batchWrite(Tables tables, BatchWriteRequest request, Runnable admission) {
        int count = request.writeCount();
        if (count == 0) throw new ValidationException("BatchWriteItem needs at least one put or delete");
        if (count > BatchWriteRequest.MAX_WRITES) {
            throw new ValidationException("Too many items requested for the BatchWriteItem call: " + count + " > "
                    + BatchWriteRequest.MAX_WRITES);
        }
        List<PreparedWrite> prepared = new ArrayList<>();
        // Keys are the same item when equal by value ({id: 100} and {id: 1e2}), not by text.
        Set<Map.Entry<String, ItemKey>> seen = new HashSet<>();
        long bytes = 0;
        for (Map.Entry<String, List<BatchWriteRequest.Write>> e : request.writes().entrySet()) {
            TableState t = tables.get(e.getKey());
            for (BatchWriteRequest.Write w : e.getValue()) {
                PreparedWrite p = w.isPut() ? PreparedWrite.batchPut(t, w.item()) : PreparedWrite.batchDelete(t, w.key());
                bytes += w.isPut() ? w.item().sizeInBytes() : w.key().sizeInBytes();
                if (!seen.add(Map.entry(t.name(), p.itemKey))) {
                    throw new ValidationException("Provided list of item keys contains duplicates (table '" + t.name() + "', key " + p.key + ")");
                }
                prepared.add(p);
            }
        }
        if (bytes > MAX_BATCH_WRITE_BYTES) {
            throw new ValidationException("BatchWriteItem request size " + bytes + " bytes exceeds the limit of " + MAX_BATCH_WRITE_BYTES);
        }
        admission.run();
        ConsumedCapacity capacity = ConsumedCapacity.NONE;
        Positions positions = Positions.NONE;
        for (PreparedWrite p : prepared) {
            WriteResult r = execute(p);
            capacity = capacity.plus(r.consumedCapacity());
            positions = positions.merge(r.positions());
        }
        return new BatchWriteResult(Map.of(), capacity, positions);
    }
}
