package io.ddbc.embedded.internal.storage;

import io.ddbc.api.AttributeValue;

/**
 * The key of a secondary index entry: index partition key, index sort key (null if the index has
 * none), then the table's primary key, which makes entries unique (several items may share index
 * keys) and orders ties deterministically.
 *
 * @param partition the index partition key value
 * @param sort the index sort key value, or null (as a bound: lowest; {@link KeyOrder#HIGH}: highest)
 * @param tableKey the item's primary key (as a bound: null lowest, {@link #HIGH_TABLE_KEY} highest)
 */
public record IndexKey(AttributeValue partition, AttributeValue sort, ItemKey tableKey) implements Comparable<IndexKey> {
    /** Sentinel table key above every table key (compared by identity). */
    public static final ItemKey HIGH_TABLE_KEY = new ItemKey(KeyOrder.HIGH, KeyOrder.HIGH);

    @Override
    public int compareTo(IndexKey o) {
        int c = AttributeValue.compareKeyValues(partition, o.partition);
        if (c != 0) return c;
        c = KeyOrder.compareBound(sort, o.sort);
        if (c != 0) return c;
        if (tableKey == o.tableKey) return 0;
        if (tableKey == null || o.tableKey == HIGH_TABLE_KEY) return -1;
        if (o.tableKey == null || tableKey == HIGH_TABLE_KEY) return 1;
        return tableKey.compareTo(o.tableKey);
    }
}
