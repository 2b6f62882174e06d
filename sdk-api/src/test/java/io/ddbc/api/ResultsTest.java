package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResultsTest {

    private static final Key KEY = Key.of("id", "a");

    @Test
    void missingPartsDefaultToNothingRatherThanNull() {
        GetResult g = new GetResult(null, null, null, null, null);
        assertFalse(g.exists());
        assertTrue(g.version().isEmpty());
        assertSame(ConsumedCapacity.NONE, g.consumedCapacity());
        assertEquals(ServedBy.BACKEND, g.servedBy(), "a backend that cannot say where it read reports BACKEND");
        assertSame(Positions.NONE, g.positions());
        WriteResult w = new WriteResult(null, null, null, null);
        assertTrue(w.attributes().isEmpty());
        assertSame(ConsumedCapacity.NONE, w.consumedCapacity());
        Page p = new Page(List.of(), 0, 0, null, null, null, null);
        assertFalse(p.hasMore());
        assertSame(Positions.NONE, p.positions());
        assertTrue(new TransactWriteResult(null, null, null).versions().isEmpty());
        assertTrue(new BatchWriteResult(null, null, null).unprocessed().isEmpty());
        assertTrue(new ListTablesResult(List.of("a"), null).lastEvaluatedTableName().isEmpty());
    }

    @Test
    void getResultHelpers() {
        Item item = Item.of("id", "a");
        GetResult g = GetResult.of(item, ConsumedCapacity.ofTable("t", 1, 0), ServedBy.LEADER, Positions.of("p", 4));
        assertTrue(g.exists());
        GetResult v = g.withVersion(3);
        assertEquals(3, v.version().getAsLong());
        assertEquals(item, v.item().orElseThrow());
        GetResult cached = v.servedAs(ServedBy.CACHE, ConsumedCapacity.NONE);
        assertEquals(ServedBy.CACHE, cached.servedBy());
        assertTrue(cached.consumedCapacity().isZero());
        assertEquals(3, cached.version().getAsLong());
        assertEquals(4, cached.positions().required("p"));
        assertFalse(GetResult.of(null, null, null, null).exists());
    }

    @Test
    void writeResultHelpers() {
        WriteResult w = WriteResult.of(null, ConsumedCapacity.ofTable("t", 0, 1), null).withVersion(2).withAttributes(Item.of("x", 1));
        assertEquals(2, w.version().getAsLong());
        assertEquals(Item.of("x", 1), w.attributes().orElseThrow());
        assertEquals(1.0, w.consumedCapacity().writeUnits());
    }

    @Test
    void resultsCopyTheirCollections() {
        List<Item> items = new ArrayList<>(List.of(Item.of("id", 1)));
        Page p = new Page(items, 1, 1, Optional.of(Item.of("id", 1)), null, null, null);
        items.clear();
        assertEquals(1, p.items().size());
        assertTrue(p.hasMore());
        assertThrows(UnsupportedOperationException.class, () -> p.items().add(Item.empty()));

        Map<String, List<Item>> byTable = new LinkedHashMap<>();
        byTable.put("t", new ArrayList<>(List.of(Item.of("id", 1))));
        BatchGetResult b = new BatchGetResult(byTable, null, null, null);
        byTable.get("t").clear();
        assertEquals(1, b.items("t").size());
        assertTrue(b.items("other").isEmpty());
        assertFalse(b.hasUnprocessed());

        List<Optional<Item>> got = new ArrayList<>(List.of(Optional.empty()));
        TransactGetResult tg = new TransactGetResult(got, null);
        got.clear();
        assertEquals(1, tg.items().size());
        assertEquals(List.of(OptionalLong.of(1)), new TransactWriteResult(List.of(OptionalLong.of(1)), null, null).versions());
    }

    @Test
    void unprocessedMeansAtLeastOneKeyOrWriteLeft() {
        BatchGetRequest.TableKeys empty = new BatchGetRequest.TableKeys(List.of(), null, null, null);
        BatchGetRequest.TableKeys one = new BatchGetRequest.TableKeys(List.of(KEY), Consistency.STRONG, null, null);
        assertFalse(new BatchGetResult(Map.of(), Map.of("t", empty), null, null).hasUnprocessed());
        assertTrue(new BatchGetResult(Map.of(), Map.of("t", one), null, null).hasUnprocessed());
        assertEquals(Consistency.STRONG, one.withKeys(List.of(KEY, KEY)).consistency(), "a retry keeps the table's consistency");
        assertEquals(Consistency.EVENTUAL, one.withConsistency(Consistency.EVENTUAL).consistency());
        assertFalse(new BatchWriteResult(Map.of("t", List.of()), null, null).hasUnprocessed());
        assertTrue(new BatchWriteResult(Map.of("t", List.of(BatchWriteRequest.Write.delete(KEY))), null, null).hasUnprocessed());
    }

    @Test
    void tableDescriptionNeedsSpecAndStatus() {
        TableSpec spec = TableSpec.builder("tbl").partitionKey("id", AttributeValue.Type.S).build();
        assertEquals("tbl", new TableDescription(spec, "ACTIVE", 0, 0, null).name());
        assertThrows(ValidationException.class, () -> new TableDescription(null, "ACTIVE", 0, 0, null));
        assertThrows(ValidationException.class, () -> new TableDescription(spec, null, 0, 0, null));
    }
}
