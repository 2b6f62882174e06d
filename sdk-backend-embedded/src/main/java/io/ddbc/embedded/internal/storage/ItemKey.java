package io.ddbc.embedded.internal.storage;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import io.ddbc.api.Key;

/**
 * The primary key of a stored item, ordered as DynamoDB orders an item collection: by partition key
 * value, then by sort key value (N numerically, S and B by unsigned bytes). {@code sort} is null on
 * tables without a sort key. As a range bound, a null sort is "before every sort key" and
 * {@link KeyOrder#HIGH} "after every sort key".
 *
 * @param partition the partition key value
 * @param sort the sort key value, or null
 */
public record ItemKey(AttributeValue partition, AttributeValue sort) implements Comparable<ItemKey> {

    /** The key of a validated {@link Key}. */
    public static ItemKey of(Key key) {
        return new ItemKey(key.partitionValue(), key.sortValue());
    }

    /** The lowest bound of a partition key's item collection. */
    public static ItemKey low(AttributeValue partition) {
        return new ItemKey(partition, null);
    }

    /** The highest bound of a partition key's item collection. */
    public static ItemKey high(AttributeValue partition) {
        return new ItemKey(partition, KeyOrder.HIGH);
    }

    @Override
    public int compareTo(ItemKey o) {
        int c = AttributeValue.compareKeyValues(partition, o.partition);
        return c != 0 ? c : KeyOrder.compareBound(sort, o.sort);
    }

    /** The key as an item, with the schema's attribute names. */
    public Item asItem(String partitionName, String sortName) {
        Item.Builder b = Item.builder().put(partitionName, partition);
        if (sort != null) b.put(sortName, sort);
        return b.build();
    }
}
