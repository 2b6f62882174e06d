package io.ddbc.embedded.internal.replication;

/**
 * How the embedded engine replicates, from its URL (see {@code EmbeddedBackendProvider} for each parameter).
 *
 * @param replicas replicas per partition: 1 (single node, no lag) or 3 (leader + 2 followers in three AZs)
 * @param seed seeds every random choice (replica choice, lags, service latency)
 * @param virtualTime whether time is virtual (moved by advance/settle and by each operation's service latency)
 * @param lagMedianMs median replication lag to the lagging follower, ms (log-normal)
 * @param lagSpikeProbability chance that one record's lag gets {@code lagSpikeMs} added
 * @param lagSpikeMs the extra lag of a spike, ms
 * @param gsiLagMedianMs median lag of global secondary index maintenance, ms (log-normal)
 * @param serviceLatencyMs virtual time only: mean time each operation takes (advances the clock); 0 = none
 */
public record ReplicationSettings(int replicas, long seed, boolean virtualTime, double lagMedianMs, double lagSpikeProbability,
                                  double lagSpikeMs, double gsiLagMedianMs, double serviceLatencyMs) {
    /** The single-node engine of issue 4: one replica, real time, no lag. */
    public static final ReplicationSettings SINGLE_NODE = new ReplicationSettings(1, 0, false, 0, 0, 0, 0, 0);

    /** Three replicas with the default lag model. */
    public static ReplicationSettings defaults(long seed, boolean virtualTime) {
        return new ReplicationSettings(3, seed, virtualTime, 20, 0.001, 1000, 30, 1);
    }

    /** Whether there are followers. */
    public boolean replicated() {
        return replicas > 1;
    }
}
