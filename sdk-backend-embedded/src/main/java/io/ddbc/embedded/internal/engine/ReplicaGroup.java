package io.ddbc.embedded.internal.engine;

import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.Item;
import io.ddbc.api.Positions;
import io.ddbc.embedded.internal.replication.Cluster;
import io.ddbc.embedded.internal.replication.Topology;
import io.ddbc.embedded.internal.storage.LogRecord;
import io.ddbc.embedded.internal.storage.TableReplica;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The replicas of one table — one {@link TableReplica} per AZ — and, per partition, its replication log
 * and leader. A write is applied on the partition leader and on one reachable follower (chosen by the seeded
 * random source) before it is acknowledged; the other follower receives it after a sampled lag, strictly in
 * log order. Global secondary indexes are one copy fed from the leader's records after their own lag.
 *
 * <p>All state changes of a partition (on any replica) happen under the partition's leader lock; reads only
 * sample the volatile leader number and the stores' applied positions.
 */
final class ReplicaGroup {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReplicaGroup.class);
    private final String table;
    private final Cluster cluster;
    private final TableReplica[] replicas;
    /** The global-index copy, or null when indexes are maintained inline (single node or no GSI). */
    private final TableReplica globalIndexes;
    private final PartitionLog[] logs;
    private final ReentrantLock[] locks;
    private final java.util.concurrent.atomic.AtomicLong gsiPending = new java.util.concurrent.atomic.AtomicLong();
    /** Per base partition, the last log position the global indexes have applied (written under the partition lock). */
    private final java.util.concurrent.atomic.AtomicLongArray gsiApplied;

    /**
     * A route chosen for a read: the replica, whether it is the leader, its number, and the positions of other
     * regions the answer reflects (multi-region: those the read required; else none).
     */
    record Route(TableReplica replica, boolean leader, int replicaNumber, Positions elsewhere) {
    }

    ReplicaGroup(io.ddbc.api.TableSpec spec, int partitions, Cluster cluster, ReentrantLock[] locks) {
        this.table = spec.name();
        this.cluster = cluster;
        this.locks = locks;
        this.gsiApplied = new java.util.concurrent.atomic.AtomicLongArray(partitions);
        int n = cluster.topology().replicas();
        boolean separateGsi = n > 1 && !spec.globalIndexes().isEmpty();
        this.replicas = new TableReplica[n];
        String prefix = cluster.partitionPrefix();
        for (int i = 0; i < n; i++) replicas[i] = new TableReplica(spec, partitions, !separateGsi, prefix);
        this.globalIndexes = separateGsi ? new TableReplica(spec, partitions, true, prefix) : null;
        this.logs = new PartitionLog[partitions];
        for (int p = 0; p < partitions; p++) logs[p] = new PartitionLog(n);
    }

    /** The leader replica of a partition. */
    TableReplica leader(int partition) {
        return replicas[logs[partition].leader];
    }

    /** The replica in an AZ. */
    TableReplica replica(int az) {
        return replicas[az];
    }

    /** Where global secondary index entries are read (the separate copy, or the leader's own). */
    TableReplica globalIndexReplica(int partition) {
        return globalIndexes != null ? globalIndexes : leader(partition);
    }

    /**
     * How far the global indexes reflect the table: per base partition, the last log position applied to
     * them. A session's index read compares these with the positions of its own writes (an index is
     * eventually consistent, so this is how a reader learns whether it already shows those writes).
     * Without a separate index copy (one replica) the indexes are as current as the leader.
     */
    io.ddbc.api.Positions globalIndexPositions() {
        io.ddbc.api.Positions out = io.ddbc.api.Positions.NONE;
        for (int p = 0; p < logs.length; p++) {
            // Any replica's store of base partition p carries its id's hash, computed once (a SHA-256).
            var base = leader(p).partition(p);
            out = out.merge(base.positionsAt(globalIndexes != null ? gsiApplied.get(p) : base.appliedSeq()));
        }
        return out;
    }

    /** The last log position applied to the global indexes for a base partition (the leader's without a separate copy). */
    long globalIndexApplied(int partition) {
        return globalIndexes != null ? gsiApplied.get(partition) : leader(partition).partition(partition).appliedSeq();
    }

    /**
     * Multi-region engine: throws {@link io.ddbc.api.StaleReadException} unless this region's global indexes
     * reflect every write of other regions that {@code min} requires (an over-approximation: the index must
     * have applied the local position at which the required writes, or later ones, arrived here).
     *
     * @return the other regions' positions the index reflects (those required), or {@link Positions#NONE}
     */
    Positions checkGlobalIndexRegions(String index, Positions min) {
        var links = cluster.links();
        if (links == null || min == null || min.isEmpty()) return Positions.NONE;
        Positions elsewhere = Positions.NONE;
        for (int p = 0; p < logs.length; p++) {
            long need = links.requiredLocal(table, p, min, null);
            long applied = globalIndexApplied(p);
            if (applied < need) {
                throw new io.ddbc.api.StaleReadException(table, null, "Stale read on global secondary index '" + index + "' of table '"
                        + table + "' in region " + links.region() + ": writes from other regions this read requires reached base partition "
                        + partitionId(p) + " at position " + need + " but the index has applied only " + applied + "; retry later");
            }
            elsewhere = elsewhere.merge(links.reflected(table, p, min));
        }
        return elsewhere;
    }

    /** The partition id of a partition, for messages. */
    private String partitionId(int partition) {
        return leader(partition).partition(partition).id();
    }

    private int reachableCount() {
        int n = 0;
        for (int i = 0; i < replicas.length; i++) if (cluster.topology().reachable(i)) n++;
        return n;
    }

    /** Whether the partition can take writes and strong reads: its leader and a quorum are reachable. */
    boolean available(int partition) {
        return cluster.topology().reachable(logs[partition].leader) && reachableCount() >= cluster.topology().quorum();
    }

    /** @throws BackendUnavailableException naming the table and partition if there is no quorum */
    void checkAvailable(int partition, String what) {
        if (!available(partition)) {
            throw new BackendUnavailableException("Cannot serve " + what + " on table '" + table + "', partition " + partitionId(partition)
                    + ": no quorum (" + reachableCount() + " of " + replicas.length + " replicas reachable" + leaderNote(partition)
                    + "); retry later");
        }
    }

    private String leaderNote(int partition) {
        int l = logs[partition].leader;
        return cluster.topology().reachable(l) ? "" : ", leader in " + Topology.AZS.get(l) + " is " + cluster.topology().status(l);
    }

    /**
     * Applies a record on the leader and one follower, and schedules the other follower and the global
     * indexes. Caller holds the partition's leader lock and has checked {@link #checkAvailable}.
     */
    void replicate(LogRecord record) {
        int p = record.partition();
        PartitionLog log = logs[p];
        if (replicas.length == 1) {
            replicas[log.leader].apply(record);
            return;
        }
        // Chosen before anything is applied: if a fault has just taken the last follower away, nothing is written.
        int sync = chooseSyncFollower(p, log.leader);
        Item old = replicas[log.leader].apply(record);
        long now = cluster.nanoTime();
        long target = log.append(record, now, cluster.replicationLag().sampleNanos(now));
        catchUp(p, sync, target);
        for (int f = 0; f < replicas.length; f++) {
            if (f != log.leader && f != sync && cluster.topology().reachable(f)) scheduleDelivery(p, f, log.dueAtCursor(f));
        }
        if (globalIndexes != null) {
            log.gsiLastDue = Math.max(now + cluster.gsiLag().sampleNanos(now), log.gsiLastDue);
            log.gsiQueue.addLast(new PartitionLog.GsiUpdate(record, old, log.gsiLastDue));
            gsiPending.incrementAndGet();
            if (!log.gsiScheduled) {
                log.gsiScheduled = true;
                cluster.scheduler().schedule(log.gsiLastDue, () -> deliverGlobal(p));
            }
        }
        log.trim();
    }

    /**
     * Makes sure a delivery to a follower is scheduled (one pending event per follower and partition: each
     * delivery applies every record then due and schedules the next). Caller holds the partition lock.
     */
    private void scheduleDelivery(int partition, int replica, long due) {
        PartitionLog log = logs[partition];
        if (log.deliveryScheduled[replica]) return;
        log.deliveryScheduled[replica] = true;
        cluster.scheduler().schedule(due, () -> deliver(partition, replica));
    }

    /** Applies a follower's records that are due, in order; skipped while it is unreachable (it catches up when back). */
    private void deliver(int partition, int replica) {
        locks[partition].lock();
        try {
            PartitionLog log = logs[partition];
            log.deliveryScheduled[replica] = false;
            if (!cluster.topology().reachable(replica)) return;
            TableReplica r = replicas[replica];
            long now = cluster.nanoTime();
            if (log.deliverDue(replica, now, r::apply)) {
                scheduleDelivery(partition, replica, Math.max(log.dueAtCursor(replica), now + cluster.deliveryTickNanos()));
            }
            log.trim();
        } finally {
            locks[partition].unlock();
        }
    }

    /** Applies the global-index updates that are due, in log order, and schedules the next. */
    private void deliverGlobal(int partition) {
        locks[partition].lock();
        try {
            PartitionLog log = logs[partition];
            log.gsiScheduled = false;
            long now = cluster.nanoTime();
            while (!log.gsiQueue.isEmpty() && log.gsiQueue.peekFirst().due() - now <= 0) {
                PartitionLog.GsiUpdate u = log.gsiQueue.pollFirst();
                globalIndexes.applyGlobal(u.record(), u.old());
                gsiApplied.set(partition, u.record().seq());
                gsiPending.decrementAndGet();
            }
            if (!log.gsiQueue.isEmpty()) {
                log.gsiScheduled = true;
                cluster.scheduler().schedule(log.gsiQueue.peekFirst().due(), () -> deliverGlobal(partition));
            }
        } finally {
            locks[partition].unlock();
        }
    }

    /**
     * A reachable follower chosen at random to acknowledge a write.
     *
     * @throws BackendUnavailableException if none is left (a fault raced with the caller's quorum check)
     */
    private int chooseSyncFollower(int partition, int leader) {
        int[] candidates = new int[replicas.length];
        int n = 0;
        for (int i = 0; i < replicas.length; i++) if (i != leader && cluster.topology().reachable(i)) candidates[n++] = i;
        if (n == 0) checkAvailable(partition, "a write");
        if (n == 0) throw new BackendUnavailableException("Cannot serve a write on table '" + table + "', partition " + partitionId(partition)
                + ": no follower reachable to acknowledge it; retry later");
        return candidates[n == 1 ? 0 : cluster.random().nextInt(n)];
    }

    /** Applies a replica's pending records up to {@code target}. Caller holds the partition lock. */
    private void catchUp(int partition, int replica, long target) {
        TableReplica r = replicas[replica];
        logs[partition].forEachUpTo(replica, target, r::apply);
    }

    /**
     * Chooses the replica for a read. STRONG: the leader (needs a quorum). EVENTUAL: a random reachable
     * replica. EVENTUAL with positions: a random reachable follower that has applied the required position
     * or is caught up with the leader; the leader if none. In a multi-region engine, positions of other
     * regions first become a local requirement (or a {@link io.ddbc.api.StaleReadException} if this region has
     * not applied what they require); strong reads are strong within the region and ignore them.
     *
     * @param key the key read, for messages (null for a query or scan)
     */
    Route route(int partition, boolean strong, Positions min, io.ddbc.api.Key key) {
        int leader = logs[partition].leader;
        boolean constrained = !strong && min != null && !min.isEmpty();
        long need = constrained ? replicas[leader].partition(partition).requiredBy(min) : -1;
        var links = cluster.links();
        Positions elsewhere = Positions.NONE;
        if (constrained && links != null) {
            need = Math.max(need, links.requiredLocal(table, partition, min, key));
            elsewhere = links.reflected(table, partition, min);
        }
        if (replicas.length == 1 || strong) {
            checkAvailable(partition, strong ? "a strongly consistent read" : "a read");
            return new Route(replicas[leader], true, leader, elsewhere);
        }
        long leaderSeq = replicas[leader].partition(partition).appliedSeq();
        int[] candidates = new int[replicas.length];
        int n = 0;
        for (int i = 0; i < replicas.length; i++) {
            if (!cluster.topology().reachable(i)) continue;
            if (constrained) {
                if (i == leader) continue;
                long applied = replicas[i].partition(partition).appliedSeq();
                if (applied < need && applied < leaderSeq) continue;
            }
            candidates[n++] = i;
        }
        if (n == 0 && constrained && cluster.topology().reachable(leader)) return new Route(replicas[leader], true, leader, elsewhere);
        if (n == 0) {
            throw new BackendUnavailableException("Cannot serve an eventually consistent read on table '" + table + "', partition "
                    + partitionId(partition) + ": no reachable replica" + (constrained ? " has applied the required position" : "")
                    + "; retry later");
        }
        int chosen = candidates[n == 1 ? 0 : cluster.random().nextInt(n)];
        return new Route(replicas[chosen], chosen == leader, chosen, elsewhere);
    }

    /**
     * Promotes the reachable follower with the highest applied position to leader of a partition. It holds
     * every acknowledged write: each was applied on the leader and one follower in log order, and any two
     * reachable replicas include one of those. Records past its cursor (none in practice: a write is
     * acknowledged before its partition lock is released, and this runs under that lock) are applied from the
     * log before it takes over.
     *
     * @return false if no follower is reachable
     */
    boolean failover(int partition) {
        locks[partition].lock();
        try {
            PartitionLog log = logs[partition];
            int best = -1;
            for (int i = 0; i < replicas.length; i++) {
                if (i == log.leader || !cluster.topology().reachable(i)) continue;
                if (best < 0 || log.next(i) > log.next(best)) best = i;
            }
            if (best < 0) return false;
            catchUp(partition, best, log.end());
            int previous = log.leader;
            log.leader = best;
            cluster.failedOver();
            LOG.debug("failover of table '{}' partition {}: leader replica {} -> {}", table, partition, previous, best);
            return true;
        } finally {
            locks[partition].unlock();
        }
    }

    /** After a fault: partitions whose leader is unreachable fail over when a quorum remains. */
    void repairLeaders() {
        for (int p = 0; p < logs.length; p++) {
            if (!cluster.topology().reachable(logs[p].leader) && reachableCount() >= cluster.topology().quorum()) failover(p);
        }
    }

    /**
     * Schedules a returning replica to catch up on every partition after one sampled lag: records it missed
     * are due by then (or at their own instant, if later).
     */
    void scheduleCatchUp(int replica) {
        long now = cluster.nanoTime();
        for (int p = 0; p < logs.length; p++) {
            locks[p].lock();
            try {
                if (logs[p].pending(replica) > 0) {
                    long due = Math.max(now + cluster.replicationLag().sampleNanos(now), logs[p].dueAtCursor(replica));
                    logs[p].deliveryScheduled[replica] = false;
                    scheduleDelivery(p, replica, due);
                }
            } finally {
                locks[p].unlock();
            }
        }
    }

    /** The leader's replica number of a partition. */
    int leaderNumber(int partition) {
        return logs[partition].leader;
    }

    /** Records a replica still lacks over all partitions (racy snapshot, for gauges and stats). */
    long pending(int replica) {
        long n = 0;
        for (PartitionLog log : logs) n += Math.max(0, log.pending(replica));
        return n;
    }

    /** Records not yet applied to the global secondary indexes. */
    long globalIndexPending() {
        return gsiPending.get();
    }

    /** Number of replicas. */
    int size() {
        return replicas.length;
    }
}
