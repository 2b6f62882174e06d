package io.ddbc.embedded.internal.capacity;

import io.ddbc.api.ConsumedCapacity;
import io.ddbc.api.Item;
import io.ddbc.embedded.internal.storage.IndexKey;
import io.ddbc.embedded.internal.storage.IndexLayout;
import io.ddbc.embedded.internal.storage.ItemKey;
import java.util.List;
import java.util.Objects;

/**
 * DynamoDB's capacity arithmetic, in one place. Rules and their sources are in
 * {@code /work/shared/reference/dynamodb-capacity-and-limits.md} (AWS Developer Guide: "Item sizes and
 * formats", "Read/write capacity mode", "Transactions", GSI and LSI pages). Item sizes come from
 * {@link Item#sizeInBytes()} (attribute names + values). Where the documentation leaves a point open
 * the choice is marked "Open:" here and nowhere else.
 */
public final class CapacityCalculator {
    /** A read capacity unit covers 4 KB. */
    public static final int READ_UNIT_BYTES = 4 * 1024;
    /** A write capacity unit covers 1 KB. */
    public static final int WRITE_UNIT_BYTES = 1024;

    /** How a read is charged per 4 KB unit. */
    public enum ReadKind {
        /** Eventually consistent: ½ unit per 4 KB. */ EVENTUAL(0.5),
        /** Strongly consistent: 1 unit per 4 KB. */ STRONG(1.0),
        /** Transactional (TransactGetItems): 2 units per 4 KB. */ TRANSACTIONAL(2.0);

        final double factor;

        ReadKind(double factor) {
            this.factor = factor;
        }

        /** The kind of a plain read. */
        public static ReadKind of(boolean strong) {
            return strong ? STRONG : EVENTUAL;
        }
    }

    private CapacityCalculator() {
    }

    /**
     * Read units for {@code bytes} read at once: ceil(bytes / 4 KB), at least 1 (a missing item or an
     * empty page still costs the minimum), times ½ / 1 / 2.
     */
    public static double readUnits(long bytes, ReadKind kind) {
        return Math.max(1, ceilDiv(bytes, READ_UNIT_BYTES)) * kind.factor;
    }

    /** GetItem (and each item of BatchGetItem / TransactGetItems): the whole item's size, projection ignored. */
    public static ConsumedCapacity itemRead(String table, Item item, ReadKind kind) {
        return ConsumedCapacity.ofTable(table, readUnits(item == null ? 0 : item.sizeInBytes(), kind), 0);
    }

    /**
     * One Query/Scan page: the sizes of every item read (before the filter, whatever the projection or
     * Select) summed and rounded up once. On an index the sizes are the index entries' and the units go to
     * the index; {@code fetchedBaseUnits} are an LSI's fetches of non-projected attributes, each base item
     * rounded on its own (see {@link #baseFetchUnits}).
     */
    public static ConsumedCapacity page(String table, String index, long bytesRead, ReadKind kind, double fetchedBaseUnits) {
        double units = readUnits(bytesRead, kind);
        if (index == null) return ConsumedCapacity.ofTable(table, units, 0);
        ConsumedCapacity c = ConsumedCapacity.NONE.plusIndex(table, index, new ConsumedCapacity.Units(units, 0));
        return fetchedBaseUnits == 0 ? c : c.plusTable(table, new ConsumedCapacity.Units(fetchedBaseUnits, 0));
    }

    /** An LSI query fetching non-projected attributes: each base item read rounded up on its own. */
    public static double baseFetchUnits(Item baseItem, ReadKind kind) {
        return readUnits(baseItem.sizeInBytes(), kind);
    }

    /** Write units of one image: ceil(bytes / 1 KB), at least 1. */
    public static double writeUnits(long bytes) {
        return Math.max(1, ceilDiv(bytes, WRITE_UNIT_BYTES));
    }

    /**
     * A successful put, update or delete (and each write of BatchWriteItem / TransactWriteItems).
     * Table: ceil(max(old, new) / 1 KB) — put over an item and update charge the larger image, delete the
     * deleted item (a missing item: 1). Indexes, per index ({@link #indexWriteUnits}). Transactional writes
     * cost 2× (Open: the factor is applied to index writes as well).
     */
    public static ConsumedCapacity write(String table, List<IndexLayout> indexes, ItemKey key, Item oldImage, Item newImage,
                                         boolean transactional) {
        double factor = transactional ? 2 : 1;
        ConsumedCapacity c = ConsumedCapacity.ofTable(table, 0, tableWriteUnits(oldImage, newImage) * factor);
        for (IndexLayout layout : indexes) {
            double u = indexWriteUnits(layout, key, oldImage, newImage);
            if (u > 0) c = c.plusIndex(table, layout.name(), new ConsumedCapacity.Units(0, u * factor));
        }
        return c;
    }

    /**
     * A write whose condition failed still consumes write units on the table (documented: on the item's
     * size). Open: the larger of the current item and the would-be new image (null when it cannot be
     * computed); indexes are not charged since nothing is written. ConditionCheck in a transaction is
     * charged the same way with the transactional factor.
     */
    public static ConsumedCapacity failedWrite(String table, Item current, Item wouldBe, boolean transactional) {
        return ConsumedCapacity.ofTable(table, 0, tableWriteUnits(current, wouldBe) * (transactional ? 2 : 1));
    }

    /**
     * A transaction replayed with the same ClientRequestToken within 10 minutes writes nothing; AWS
     * returns the read units consumed reading the items. Open: each action's current item read
     * transactionally (2 per 4 KB, missing item the minimum).
     */
    public static ConsumedCapacity replayRead(String table, Item current) {
        return itemRead(table, current, ReadKind.TRANSACTIONAL);
    }

    private static double tableWriteUnits(Item oldImage, Item newImage) {
        long size = Math.max(oldImage == null ? 0 : oldImage.sizeInBytes(), newImage == null ? 0 : newImage.sizeInBytes());
        return writeUnits(size);
    }

    /**
     * Index write units: not in the index before or after: 0; new entry: 1 write; entry removed (key
     * attribute removed or item deleted): 1; index key changed: 2 (delete + put); same key: 0 if the
     * projected entry is unchanged, else 1 (a projected non-key attribute changed). Each entry rounded to
     * 1 KB on its own; a rewrite charges the larger of the old and new entry.
     */
    public static double indexWriteUnits(IndexLayout layout, ItemKey key, Item oldImage, Item newImage) {
        IndexKey oldKey = layout.keyOf(oldImage, key);
        IndexKey newKey = layout.keyOf(newImage, key);
        Item oldEntry = oldKey == null ? null : layout.project(oldImage);
        Item newEntry = newKey == null ? null : layout.project(newImage);
        if (oldKey == null && newKey == null) return 0;
        if (oldKey == null) return writeUnits(newEntry.sizeInBytes());
        if (newKey == null) return writeUnits(oldEntry.sizeInBytes());
        if (!oldKey.equals(newKey)) return writeUnits(oldEntry.sizeInBytes()) + writeUnits(newEntry.sizeInBytes());
        if (Objects.equals(oldEntry, newEntry)) return 0;
        return writeUnits(Math.max(oldEntry.sizeInBytes(), newEntry.sizeInBytes()));
    }

    /** Bytes an item adds toward the 400 KB limit with LSIs: the item plus each of its LSI entries. */
    public static long sizeWithLocalIndexes(List<IndexLayout> indexes, ItemKey key, Item item) {
        long size = item.sizeInBytes();
        for (IndexLayout l : indexes) {
            if (!l.isGlobal() && l.keyOf(item, key) != null) size += l.project(item).sizeInBytes();
        }
        return size;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
