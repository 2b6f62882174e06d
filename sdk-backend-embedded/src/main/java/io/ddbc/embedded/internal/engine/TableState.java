package io.ddbc.embedded.internal.engine;

import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.embedded.internal.replication.Cluster;
import io.ddbc.embedded.internal.storage.IndexLayout;
import io.ddbc.embedded.internal.storage.ItemKey;
import io.ddbc.embedded.internal.storage.PartitionHasher;
import io.ddbc.embedded.internal.storage.SortedStore;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A table as the engine holds it: its definition, one leader lock per partition (writes of one
 * partition are evaluated and sequenced one at a time; partitions proceed in parallel), and its replicas
 * ({@link ReplicaGroup}: one per AZ, each partition with its own leader).
 */
public final class TableState {
    private final TableSpec spec;
    private final ReplicaGroup replicas;
    private final ReentrantLock[] leaderLocks;
    private final Instant createdAt;
    private final int partitions;

    TableState(TableSpec spec, int partitions, Cluster cluster, Instant createdAt) {
        this.spec = spec;
        this.partitions = partitions;
        this.leaderLocks = new ReentrantLock[partitions];
        for (int i = 0; i < partitions; i++) leaderLocks[i] = new ReentrantLock();
        this.replicas = new ReplicaGroup(spec, partitions, cluster, leaderLocks);
        this.createdAt = createdAt;
    }

    /** The definition. */
    public TableSpec spec() {
        return spec;
    }

    /** The table name. */
    public String name() {
        return spec.name();
    }

    /** The replicas. */
    ReplicaGroup replicas() {
        return replicas;
    }

    /** One replica's items per partition, in key order (a copy; for replica comparisons in tests). */
    public List<List<io.ddbc.api.Item>> replicaItems(int replica) {
        List<List<io.ddbc.api.Item>> out = new java.util.ArrayList<>();
        for (var store : replicas.replica(replica).partitions()) out.add(List.copyOf(store.entries().values()));
        return List.copyOf(out);
    }

    /** The secondary index layouts (global first, then local). */
    public List<IndexLayout> layouts() {
        return replicas.replica(0).indexes();
    }

    /** The layout of an index, or null. */
    public IndexLayout index(String name) {
        return replicas.replica(0).index(name);
    }

    /** Number of partitions. */
    public int partitionCount() {
        return partitions;
    }

    /** The leader's store of a partition: the state writes are evaluated against (read it under the lock). */
    public SortedStore<ItemKey> leaderStore(int partition) {
        return replicas.leader(partition).partition(partition);
    }

    /** Items stored (the leaders' counts). */
    public long itemCount() {
        long n = 0;
        for (int p = 0; p < partitions; p++) n += leaderStore(p).size();
        return n;
    }

    /** Bytes stored (the leaders'). */
    public long sizeBytes() {
        long n = 0;
        for (int p = 0; p < partitions; p++) for (var i : leaderStore(p).entries().values()) n += i.sizeInBytes();
        return n;
    }

    /** When the table was created. */
    public Instant createdAt() {
        return createdAt;
    }

    /** The partition of a key. */
    public int partitionOf(Key key) {
        return PartitionHasher.partitionOf(key.partitionValue(), partitions);
    }

    /** The leader lock of a partition: every change of the partition, on any replica, happens under it. */
    public ReentrantLock lock(int partition) {
        return leaderLocks[partition];
    }

    /** Whether a partition can take writes now (its leader and a quorum of replicas are reachable). */
    public boolean available(int partition) {
        return replicas.available(partition);
    }

    /** The last log position the table's global secondary indexes have applied for a base partition. */
    public long globalIndexApplied(int partition) {
        return replicas.globalIndexApplied(partition);
    }
}
