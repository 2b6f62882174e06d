package io.ddbc.embedded;

import java.util.Map;

/**
 * An immutable snapshot of the embedded engine's counters, from {@link EmbeddedControl#stats()}.
 * New components are added over time (replication lag, stale reads, faults).
 *
 * <pre>{@code
 * EmbeddedStats s = client.unwrap(EmbeddedControl.class).stats();
 * long puts = s.operations().getOrDefault("PutItem", 0L);
 * }</pre>
 *
 * @param operations requests received by DynamoDB operation name (e.g. {@code PutItem}), including failed ones
 * @param tables tables existing now
 * @param itemsStored items stored over all tables now
 * @param lastPosition the last replication log position handed out (one counter for the engine)
 * @param conditionalCheckFailures writes and transaction actions whose condition was false
 * @param transactionsCanceled TransactWriteItems calls cancelled
 * @param idempotentReplays TransactWriteItems calls answered from a ClientRequestToken without writing
 * @param readUnits read capacity units consumed overall
 * @param writeUnits write capacity units consumed overall (failed conditional writes included)
 */
public record EmbeddedStats(Map<String, Long> operations, int tables, long itemsStored, long lastPosition,
                            long conditionalCheckFailures, long transactionsCanceled, long idempotentReplays,
                            double readUnits, double writeUnits) {
    /** Copies the map. */
    public EmbeddedStats {
        operations = Map.copyOf(operations);
    }

    /** Requests received of one operation (e.g. {@code "GetItem"}), 0 if none. */
    public long operations(String operation) {
        return operations.getOrDefault(operation, 0L);
    }
}
