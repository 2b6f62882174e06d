package io.ddbc.embedded;

import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of the embedded engine's counters and replication state, from
 * {@link EmbeddedControl#stats()}. Faults injected through {@link EmbeddedControl} show here as soon as
 * the call returns.
 *
 * <pre>{@code
 * EmbeddedStats s = client.unwrap(EmbeddedControl.class).stats();
 * long puts = s.operations().getOrDefault("PutItem", 0L);
 * long stale = s.staleReads();
 * String azB = s.zones().get("az-b");            // "up", "crashed" or "isolated"
 * long inbound = backend.region("eu-west-1").unwrap(EmbeddedControl.class).stats().crossRegionPending();
 * }</pre>
 *
 * <p>In a multi-region engine each region view ({@code Backend.region(name)}) has its own stats: its
 * operations, capacity, AZs and replication; {@code lastPosition} is the counter all regions share.
 *
 * @param operations requests received by DynamoDB operation name (e.g. {@code PutItem}), including failed ones
 * @param tables tables existing now
 * @param itemsStored items stored over all tables now (on the partition leaders)
 * @param lastPosition the last replication log position handed out (one counter for the engine)
 * @param conditionalCheckFailures writes and transaction actions whose condition was false
 * @param transactionsCanceled TransactWriteItems calls cancelled
 * @param idempotentReplays TransactWriteItems calls answered from a ClientRequestToken without writing
 * @param readUnits read capacity units consumed overall
 * @param writeUnits write capacity units consumed overall (failed conditional writes included)
 * @param replicas replicas per partition (1 or 3)
 * @param staleReads reads answered by a follower whose copy of the item differed from the leader's
 * @param throttles requests refused with ThrottlingException (provisioned throughput or a throttle storm)
 * @param failovers partition leader changes (automatic after a crash or isolation, or requested)
 * @param replicationLag per AZ, log records its replicas have not applied yet (over all partitions)
 * @param gsiPending records not yet applied to global secondary indexes
 * @param zones per AZ, {@code up}, {@code crashed} or {@code isolated}
 * @param leaders per AZ, how many partitions (over all tables) have their leader there
 * @param faults the faults injected so far, in order (e.g. {@code crash az-b})
 * @param deliveryFailures replication deliveries that threw (always 0 unless the engine has a bug)
 * @param region the region these counters are of, or null on a single-region engine
 * @param replicatedWrites writes made in other regions and applied in this one (a multi-region engine; writes
 *     discarded by last-writer-wins are not counted). They consume none of this region's provisioned throughput
 *     and are not in {@code operations} or {@code writeUnits}.
 * @param crossRegionPending writes made in other regions on their way to this one (held while either side is
 *     isolated), not yet applied or discarded here
 */
public record EmbeddedStats(Map<String, Long> operations, int tables, long itemsStored, long lastPosition,
                            long conditionalCheckFailures, long transactionsCanceled, long idempotentReplays,
                            double readUnits, double writeUnits, int replicas, long staleReads, long throttles, long failovers,
                            Map<String, Long> replicationLag, long gsiPending, Map<String, String> zones, Map<String, Long> leaders,
                            List<String> faults, long deliveryFailures, String region, long replicatedWrites,
                            long crossRegionPending) {
    /** Single-region counters (kept for callers written before regions). */
    public EmbeddedStats(Map<String, Long> operations, int tables, long itemsStored, long lastPosition, long conditionalCheckFailures,
                         long transactionsCanceled, long idempotentReplays, double readUnits, double writeUnits, int replicas,
                         long staleReads, long throttles, long failovers, Map<String, Long> replicationLag, long gsiPending,
                         Map<String, String> zones, Map<String, Long> leaders, List<String> faults, long deliveryFailures) {
        this(operations, tables, itemsStored, lastPosition, conditionalCheckFailures, transactionsCanceled, idempotentReplays, readUnits,
                writeUnits, replicas, staleReads, throttles, failovers, replicationLag, gsiPending, zones, leaders, faults, deliveryFailures,
                null, 0, 0);
    }

    /** Copies the collections. */
    public EmbeddedStats {
        operations = Map.copyOf(operations);
        replicationLag = Map.copyOf(replicationLag);
        zones = Map.copyOf(zones);
        leaders = Map.copyOf(leaders);
        faults = List.copyOf(faults);
    }

    /** Requests received of one operation (e.g. {@code "GetItem"}), 0 if none. */
    public long operations(String operation) {
        return operations.getOrDefault(operation, 0L);
    }
}
