package io.ddbc.aws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ddbc.api.ConsumedCapacity;
import io.ddbc.aws.internal.CapacityConverter.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Capacity;

class CapacityConverterTest {
    private static Capacity total(double units) {
        return Capacity.builder().capacityUnits(units).build();
    }

    @Test
    void splitFiguresAreUsedWhenGiven() {
        var sdk = software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity.builder().tableName("t").capacityUnits(6.0)
                .readCapacityUnits(2.0).writeCapacityUnits(4.0)
                .table(Capacity.builder().capacityUnits(3.0).readCapacityUnits(1.0).writeCapacityUnits(2.0).build())
                .globalSecondaryIndexes(Map.of("g", Capacity.builder().capacityUnits(3.0).readCapacityUnits(1.0).writeCapacityUnits(2.0).build()))
                .build();
        ConsumedCapacity c = CapacityConverter.convert(sdk, Kind.WRITE);
        assertEquals(new ConsumedCapacity.Units(1.0, 2.0), c.table("t"));
        assertEquals(new ConsumedCapacity.Units(1.0, 2.0), c.index("t", "g"));
        assertEquals(2.0, c.readUnits());
        assertEquals(4.0, c.writeUnits());
    }

    @Test
    void totalOnlyFollowsTheOperationKind() {
        var sdk = software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity.builder().tableName("t").capacityUnits(10.0)
                .table(total(5.0)).globalSecondaryIndexes(Map.of("g", total(3.0))).localSecondaryIndexes(Map.of("l", total(2.0))).build();
        ConsumedCapacity w = CapacityConverter.convert(sdk, Kind.WRITE);
        assertEquals(new ConsumedCapacity.Units(0, 5.0), w.table("t"));
        assertEquals(new ConsumedCapacity.Units(0, 3.0), w.index("t", "g"));
        assertEquals(new ConsumedCapacity.Units(0, 2.0), w.index("t", "l"));
        assertEquals(10.0, w.writeUnits());
        ConsumedCapacity r = CapacityConverter.convert(sdk, Kind.READ);
        assertEquals(10.0, r.readUnits());
        assertEquals(0.0, r.writeUnits());
    }

    @Test
    void totalWithoutBreakdownBelongsToTheTable() {
        var sdk = software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity.builder().tableName("t").capacityUnits(0.5).build();
        assertEquals(new ConsumedCapacity.Units(0.5, 0), CapacityConverter.convert(sdk, Kind.READ).table("t"));
    }

    @Test
    void batchReportsAreSummedPerTable() {
        var a = software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity.builder().tableName("a").capacityUnits(1.0).table(total(1.0)).build();
        var b = software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity.builder().tableName("b").capacityUnits(2.0).table(total(2.0)).build();
        ConsumedCapacity c = CapacityConverter.convert(List.of(a, b, a), Kind.WRITE);
        assertEquals(2.0, c.table("a").write());
        assertEquals(2.0, c.table("b").write());
        assertEquals(4.0, c.writeUnits());
    }

    @Test
    void absentReportIsNone() {
        assertSame(ConsumedCapacity.NONE, CapacityConverter.convert((software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity) null, Kind.READ));
        assertSame(ConsumedCapacity.NONE, CapacityConverter.convert((List<software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity>) null,
                Kind.READ));
    }
}
