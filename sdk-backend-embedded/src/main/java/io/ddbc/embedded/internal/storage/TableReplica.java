package io.ddbc.embedded.internal.storage;

import io.ddbc.api.Item;
import io.ddbc.api.TableSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One replica of a table: its partitions and the partitions of its secondary indexes (each index is
 * partitioned by its own partition key). State changes only by {@link #apply(LogRecord)}, which is pure
 * and deterministic: a replica fed the same records per partition in the same order reaches the same
 * state. Secondary indexes are maintained here from the records (the item's old image comes from this
 * replica's own state), so index maintenance can later move to its own asynchronous applier.
 *
 * <p>Threading: records of one table partition must be applied by one thread at a time, in order;
 * different partitions may be applied concurrently. Reads are lock-free.
 */
public final class TableReplica {
    private final TableSpec spec;
    private final List<SortedStore<ItemKey>> partitions;
    private final List<IndexLayout> indexes;
    private final Map<String, List<SortedStore<IndexKey>>> indexPartitions;
    /** Whether {@link #apply} maintains global indexes too (else they are fed by {@link #applyGlobal}). */
    private final boolean globalInline;

    /** An empty replica of a table split into {@code partitionCount} partitions, maintaining every index on apply. */
    public TableReplica(TableSpec spec, int partitionCount) {
        this(spec, partitionCount, true);
    }

    /**
     * An empty replica of a table split into {@code partitionCount} partitions.
     *
     * @param globalInline whether {@link #apply} maintains global secondary indexes (false: a replicated engine
     *     maintains them asynchronously through {@link #applyGlobal} on a separate index copy)
     */
    public TableReplica(TableSpec spec, int partitionCount, boolean globalInline) {
        this(spec, partitionCount, globalInline, "");
    }

    /**
     * An empty replica whose partition ids start with {@code idPrefix} (a multi-region engine qualifies them
     * with the region, e.g. {@code us-east-1:accounts#3}, so positions say where they come from).
     */
    public TableReplica(TableSpec spec, int partitionCount, boolean globalInline, String idPrefix) {
        this.spec = spec;
        this.globalInline = globalInline;
        List<SortedStore<ItemKey>> parts = new ArrayList<>();
        for (int i = 0; i < partitionCount; i++) parts.add(new SortedStore<>(idPrefix + partitionId(spec.name(), i)));
        this.partitions = Collections.unmodifiableList(parts);
        List<IndexLayout> layouts = new ArrayList<>();
        spec.globalIndexes().forEach(i -> layouts.add(new IndexLayout(spec, i)));
        spec.localIndexes().forEach(i -> layouts.add(new IndexLayout(spec, i)));
        this.indexes = Collections.unmodifiableList(layouts);
        Map<String, List<SortedStore<IndexKey>>> idx = new LinkedHashMap<>();
        for (IndexLayout l : layouts) {
            List<SortedStore<IndexKey>> ip = new ArrayList<>();
            for (int i = 0; i < partitionCount; i++) ip.add(new SortedStore<>(idPrefix + partitionId(spec.name() + "." + l.name(), i)));
            idx.put(l.name(), Collections.unmodifiableList(ip));
        }
        this.indexPartitions = Collections.unmodifiableMap(idx);
    }

    /** The partition id of partition {@code n} of a table or index: {@code <name>#<n>}. */
    public static String partitionId(String name, int n) {
        return name + "#" + n;
    }

    /** The table definition. */
    public TableSpec spec() {
        return spec;
    }

    /** Number of partitions. */
    public int partitionCount() {
        return partitions.size();
    }

    /** The partitions, by index. */
    public List<SortedStore<ItemKey>> partitions() {
        return partitions;
    }

    /** A partition. */
    public SortedStore<ItemKey> partition(int n) {
        return partitions.get(n);
    }

    /** The secondary index layouts (global first, then local). */
    public List<IndexLayout> indexes() {
        return indexes;
    }

    /** The layout of an index, or null. */
    public IndexLayout index(String name) {
        for (IndexLayout l : indexes) if (l.name().equals(name)) return l;
        return null;
    }

    /** The partitions of an index. */
    public List<SortedStore<IndexKey>> indexPartitions(String name) {
        return indexPartitions.get(name);
    }

    /** Items stored over all partitions. */
    public long itemCount() {
        long n = 0;
        for (SortedStore<ItemKey> p : partitions) n += p.size();
        return n;
    }

    /** Bytes stored (DynamoDB's item sizes, without the 100-byte storage overhead). */
    public long sizeBytes() {
        long n = 0;
        for (SortedStore<ItemKey> p : partitions) for (Item i : p.entries().values()) n += i.sizeInBytes();
        return n;
    }

    /**
     * Applies a record: replaces or removes the item, then moves its index entries.
     *
     * @return the item's image before the record (null if it did not exist)
     */
    public Item apply(LogRecord record) {
        SortedStore<ItemKey> partition = partitions.get(record.partition());
        Item old = partition.get(record.key());
        if (record.isDelete()) {
            partition.remove(record.key());
        } else {
            partition.put(record.key(), record.newImage());
        }
        for (IndexLayout layout : indexes) {
            if (globalInline || !layout.isGlobal()) applyToIndex(layout, record, old);
        }
        partition.advanceTo(record.seq());
        return old;
    }

    /**
     * Applies a record to the global secondary indexes only, given the item's image before it (taken when
     * the record was applied to the table). Records of one table partition must arrive in log order.
     */
    public void applyGlobal(LogRecord record, Item old) {
        for (IndexLayout layout : indexes) {
            if (layout.isGlobal()) applyToIndex(layout, record, old);
        }
    }

    /** Whether the table has global secondary indexes. */
    public boolean hasGlobalIndexes() {
        for (IndexLayout layout : indexes) if (layout.isGlobal()) return true;
        return false;
    }

    private void applyToIndex(IndexLayout layout, LogRecord record, Item old) {
        List<SortedStore<IndexKey>> parts = indexPartitions.get(layout.name());
        IndexKey oldKey = layout.keyOf(old, record.key());
        IndexKey newKey = layout.keyOf(record.newImage(), record.key());
        if (oldKey != null && !oldKey.equals(newKey)) {
            SortedStore<IndexKey> p = parts.get(PartitionHasher.partitionOf(oldKey.partition(), parts.size()));
            p.remove(oldKey);
            p.advanceTo(record.seq());
        }
        if (newKey != null) {
            SortedStore<IndexKey> p = parts.get(PartitionHasher.partitionOf(newKey.partition(), parts.size()));
            p.put(newKey, layout.project(record.newImage()));
            p.advanceTo(record.seq());
        }
    }
}
