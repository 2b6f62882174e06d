package io.ddbc.aws.internal;

import io.ddbc.api.ConsumedCapacity;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.Capacity;

/**
 * Converts DynamoDB's {@code ConsumedCapacity} (requested with {@code INDEXES}) into ddbc's, per table,
 * global and local index, split into read and write units.
 *
 * <p>DynamoDB reports {@code ReadCapacityUnits}/{@code WriteCapacityUnits} where it knows the split
 * and often only {@code CapacityUnits} (always so for single-item reads and writes, and in DynamoDB
 * Local). The split figures are used when present; otherwise the total is counted as reads or writes
 * by the kind of operation, which is exact because a single DynamoDB operation consumes only one kind.
 * Stateless; thread-safe.
 */
public final class CapacityConverter {
    /** Which kind of units an operation consumes when DynamoDB reports only a total. */
    public enum Kind {
        /** GetItem, Query, Scan, BatchGetItem, TransactGetItems. */ READ,
        /** PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems. */ WRITE
    }

    private CapacityConverter() {
    }

    /** One table's report; null gives {@link ConsumedCapacity#NONE}. */
    public static ConsumedCapacity convert(software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity c, Kind kind) {
        if (c == null || c.tableName() == null) return ConsumedCapacity.NONE;
        String table = c.tableName();
        ConsumedCapacity out = ConsumedCapacity.NONE;
        if (c.table() != null) {
            out = out.plusTable(table, units(c.table(), kind));
        } else if (!c.hasGlobalSecondaryIndexes() && !c.hasLocalSecondaryIndexes()) {
            // ReturnConsumedCapacity=TOTAL-style report: the totals belong to the table
            out = out.plusTable(table, units(c.readCapacityUnits(), c.writeCapacityUnits(), c.capacityUnits(), kind));
        } else {
            out = out.plusTable(table, ConsumedCapacity.Units.ZERO);
        }
        if (c.hasGlobalSecondaryIndexes()) out = plusIndexes(out, table, c.globalSecondaryIndexes(), kind);
        if (c.hasLocalSecondaryIndexes()) out = plusIndexes(out, table, c.localSecondaryIndexes(), kind);
        return out;
    }

    /** The sum of several tables' reports (batch and transaction operations); null gives NONE. */
    public static ConsumedCapacity convert(List<software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity> all, Kind kind) {
        ConsumedCapacity sum = ConsumedCapacity.NONE;
        if (all == null) return sum;
        for (software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity c : all) sum = sum.plus(convert(c, kind));
        return sum;
    }

    private static ConsumedCapacity plusIndexes(ConsumedCapacity out, String table, Map<String, Capacity> indexes, Kind kind) {
        for (Map.Entry<String, Capacity> e : indexes.entrySet()) out = out.plusIndex(table, e.getKey(), units(e.getValue(), kind));
        return out;
    }

    private static ConsumedCapacity.Units units(Capacity c, Kind kind) {
        return units(c.readCapacityUnits(), c.writeCapacityUnits(), c.capacityUnits(), kind);
    }

    /** Split figures when DynamoDB gives them, otherwise the total as the operation's kind. */
    static ConsumedCapacity.Units units(Double read, Double write, Double total, Kind kind) {
        if (read != null || write != null) {
            return new ConsumedCapacity.Units(read == null ? 0 : read, write == null ? 0 : write);
        }
        double t = total == null ? 0 : total;
        return kind == Kind.READ ? new ConsumedCapacity.Units(t, 0) : new ConsumedCapacity.Units(0, t);
    }
}
