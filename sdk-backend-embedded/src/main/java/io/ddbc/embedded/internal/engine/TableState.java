package io.ddbc.embedded.internal.engine;

import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.embedded.internal.storage.ItemKey;
import io.ddbc.embedded.internal.storage.PartitionHasher;
import io.ddbc.embedded.internal.storage.SortedStore;
import io.ddbc.embedded.internal.storage.TableReplica;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A table as the engine holds it: its definition, one leader lock per partition (writes of one
 * partition are evaluated and sequenced one at a time; partitions proceed in parallel), and its
 * replica. In this single-node engine the leader evaluates against, and applies to, the one replica;
 * the replication layer adds followers fed from the same log records.
 */
public final class TableState {
    private final TableSpec spec;
    private final TableReplica replica;
    private final ReentrantLock[] leaderLocks;
    private final Instant createdAt;

    TableState(TableSpec spec, int partitions, Instant createdAt) {
        this.spec = spec;
        this.replica = new TableReplica(spec, partitions);
        this.leaderLocks = new ReentrantLock[partitions];
        for (int i = 0; i < partitions; i++) leaderLocks[i] = new ReentrantLock();
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

    /** The leader's replica: the state writes are evaluated against. */
    public TableReplica leader() {
        return replica;
    }

    /** The replica that serves a read (single node: the leader's). */
    public TableReplica readReplica() {
        return replica;
    }

    /** When the table was created. */
    public Instant createdAt() {
        return createdAt;
    }

    /** The partition of a key. */
    public int partitionOf(Key key) {
        return PartitionHasher.partitionOf(key.partitionValue(), leaderLocks.length);
    }

    /** The leader store of a key's partition. */
    public SortedStore<ItemKey> leaderPartition(Key key) {
        return replica.partition(partitionOf(key));
    }

    /** The leader lock of a partition. */
    ReentrantLock lock(int partition) {
        return leaderLocks[partition];
    }
}
