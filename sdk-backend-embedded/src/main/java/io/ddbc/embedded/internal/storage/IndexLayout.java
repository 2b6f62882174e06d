package io.ddbc.embedded.internal.storage;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Item;
import io.ddbc.api.Projection;
import io.ddbc.api.TableSpec;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How one secondary index derives its entries from table items: the entry exists when the item has the
 * index key attributes; it holds the table keys, the index keys and the projected attributes.
 */
public final class IndexLayout {
    private final IndexSpec spec;
    private final String tablePartitionName;
    private final String tableSortName;
    private final String partitionName;
    private final String sortName;
    /** Attributes kept besides the projection's own (all keys); null for ALL. */
    private final Set<String> kept;

    /** The layout of an index of a table. */
    public IndexLayout(TableSpec table, IndexSpec spec) {
        this.spec = spec;
        this.tablePartitionName = table.partitionKey().name();
        this.tableSortName = table.sortKey().map(k -> k.name()).orElse(null);
        this.partitionName = spec.partitionKey().name();
        this.sortName = spec.sortKey().map(k -> k.name()).orElse(null);
        if (spec.projection().type() == Projection.Type.ALL) {
            kept = null;
        } else {
            Set<String> k = new LinkedHashSet<>();
            k.add(tablePartitionName);
            if (tableSortName != null) k.add(tableSortName);
            k.add(partitionName);
            if (sortName != null) k.add(sortName);
            k.addAll(spec.projection().nonKeyAttributes());
            kept = k;
        }
    }

    /** The index definition. */
    public IndexSpec spec() {
        return spec;
    }

    /** The index name. */
    public String name() {
        return spec.name();
    }

    /** Whether this is a global secondary index. */
    public boolean isGlobal() {
        return spec.isGlobal();
    }

    /** The index partition key attribute. */
    public String partitionName() {
        return partitionName;
    }

    /** The index sort key attribute, or null. */
    public String sortName() {
        return sortName;
    }

    /** Whether an attribute is one of this index's or its table's key attributes. */
    public boolean isKeyAttribute(String name) {
        return name.equals(partitionName) || name.equals(sortName) || name.equals(tablePartitionName) || name.equals(tableSortName);
    }

    /** Whether the projection holds the attribute. */
    public boolean projects(String attribute) {
        return kept == null || kept.contains(attribute);
    }

    /** Whether every attribute is projected (ALL). */
    public boolean projectsAll() {
        return kept == null;
    }

    /** The entry key of an item, or null if the item is not in the index (lacks an index key attribute). */
    public IndexKey keyOf(Item item, ItemKey tableKey) {
        if (item == null) return null;
        AttributeValue p = item.get(partitionName);
        if (p == null || !p.type().isScalarKeyType()) return null;
        AttributeValue s = null;
        if (sortName != null) {
            s = item.get(sortName);
            if (s == null || !s.type().isScalarKeyType()) return null;
        }
        return new IndexKey(p, s, tableKey);
    }

    /** The projected entry of an item (keys plus projected attributes). */
    public Item project(Item item) {
        if (kept == null) return item;
        Item.Builder b = Item.builder();
        for (var e : item.attributes().entrySet()) {
            if (kept.contains(e.getKey())) b.put(e.getKey(), e.getValue());
        }
        return b.build();
    }

    /** The entry key of an exclusive start key item (table keys + index keys), or null if it lacks one. */
    /** The table's partition key name. */
    public String tablePartitionName() {
        return tablePartitionName;
    }

    /** The table's sort key name, or null. */
    public String tableSortName() {
        return tableSortName;
    }

    public IndexKey keyOfStartKey(Item startKey) {
        AttributeValue tp = startKey.get(tablePartitionName);
        AttributeValue ts = tableSortName == null ? null : startKey.get(tableSortName);
        if (tp == null || (tableSortName != null && ts == null)) return null;
        return keyOf(startKey, new ItemKey(tp, ts));
    }

    /** The LastEvaluatedKey of an entry: the table's keys and the index's keys. */
    public Item lastEvaluatedKey(IndexKey key) {
        Item.Builder b = Item.builder().put(tablePartitionName, key.tableKey().partition());
        if (tableSortName != null) b.put(tableSortName, key.tableKey().sort());
        b.put(partitionName, key.partition());
        if (sortName != null) b.put(sortName, key.sort());
        return b.build();
    }
}
