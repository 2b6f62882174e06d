package io.ddbc.embedded.internal.engine;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import io.ddbc.api.KeyAttribute;
import io.ddbc.api.ValidationException;
import io.ddbc.embedded.internal.capacity.CapacityCalculator;
import io.ddbc.embedded.internal.storage.IndexLayout;
import io.ddbc.embedded.internal.storage.ItemKey;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's limits on an item about to be stored (keys are checked by
 * {@link io.ddbc.api.TableSpec#keyOf}): 400 KB including LSI entries, nesting depth, attribute names,
 * and secondary index key attributes (type, emptiness, size).
 */
final class ItemRules {
    /** Largest item, bytes. */
    static final int MAX_ITEM_BYTES = 400 * 1024;
    /** Longest attribute name, bytes. */
    static final int MAX_NAME_BYTES = 65535;

    private ItemRules() {
    }

    static void check(TableState table, ItemKey key, Item item) {
        check(table, key, item, false);
    }

    /** As {@link #check(TableState, ItemKey, Item)}; {@code update} words the size error as DynamoDB does for UpdateItem. */
    static void check(TableState table, ItemKey key, Item item, boolean update) {
        for (Map.Entry<String, AttributeValue> e : item.attributes().entrySet()) {
            checkName(table, e.getKey());
            if (e.getValue().nestingDepth() > AttributeValue.MAX_NESTING_DEPTH) {
                throw new ValidationException("Nesting Levels have exceeded supported limits: attribute " + e.getKey()
                        + " is nested more than " + AttributeValue.MAX_NESTING_DEPTH + " levels (table '" + table.name() + "')");
            }
        }
        List<IndexLayout> indexes = table.layouts();
        for (IndexLayout l : indexes) checkIndexKeys(table, l, item);
        long size = CapacityCalculator.sizeWithLocalIndexes(indexes, key, item);
        if (size > MAX_ITEM_BYTES) {
            throw new ValidationException((update ? "Item size to update" : "Item size") + " has exceeded the maximum allowed size: " + size + " bytes > " + MAX_ITEM_BYTES
                    + (size != item.sizeInBytes() ? " (including local secondary index entries)" : "")
                    + " (table '" + table.name() + "', key " + key.asItem(table.spec().partitionKey().name(),
                    table.spec().sortKey().map(KeyAttribute::name).orElse(null)) + ")");
        }
    }

    private static void checkName(TableState table, String name) {
        if (name.isEmpty()) {
            throw new ValidationException("One or more parameter values were invalid: An attribute name cannot be empty (table '"
                    + table.name() + "')");
        }
        if (AttributeValue.utf8Length(name) > MAX_NAME_BYTES) {
            throw new ValidationException("One or more parameter values were invalid: Attribute name exceeds " + MAX_NAME_BYTES
                    + " bytes (table '" + table.name() + "')");
        }
    }

    private static void checkIndexKeys(TableState table, IndexLayout l, Item item) {
        checkIndexKey(table, l, l.spec().partitionKey(), item.get(l.partitionName()), 2048);
        l.spec().sortKey().ifPresent(k -> checkIndexKey(table, l, k, item.get(k.name()), 1024));
    }

    private static void checkIndexKey(TableState table, IndexLayout l, KeyAttribute key, AttributeValue v, int maxBytes) {
        if (v == null) return;
        if (v.type() != key.type()) {
            throw new ValidationException("One or more parameter values were invalid: Type mismatch for Index Key " + key.name()
                    + " Expected: " + key.type() + " Actual: " + v.type() + " IndexName: " + l.name() + " (table '" + table.name() + "')");
        }
        int size = v.type() == AttributeValue.Type.S ? AttributeValue.utf8Length(v.s()) : v.type() == AttributeValue.Type.B ? v.b().length : 1;
        if (size == 0) {
            throw new ValidationException("One or more parameter values are not valid. A value specified for a secondary index key is"
                    + " not supported. The AttributeValue for a key attribute cannot contain an empty " + (v.type() == AttributeValue.Type.S
                    ? "string" : "binary") + " value. IndexName: " + l.name() + ", IndexKey: " + key.name() + " (table '" + table.name() + "')");
        }
        if (size > maxBytes) {
            throw new ValidationException("One or more parameter values were invalid: Size of index key " + key.name() + " has exceeded the"
                    + " maximum size limit of " + maxBytes + " bytes. IndexName: " + l.name() + " (table '" + table.name() + "')");
        }
    }
}
