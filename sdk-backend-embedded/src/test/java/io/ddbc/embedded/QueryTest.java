package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Consistency;
import io.ddbc.api.Item;
import io.ddbc.api.Page;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.Select;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueryTest {
    private final EmbeddedBackend b = Fixture.backendWithTables();

    @BeforeEach
    void fill() {
        for (int i = 1; i <= 10; i++) {
            Fixture.put(b, Fixture.SORTED, Item.of("pk", "p", "sk", i, "email", "e" + (i % 2), "status", i <= 5 ? "low" : "high",
                    "rank", 100 - i, "score", i * 10, "note", "n" + i));
        }
        Fixture.put(b, Fixture.SORTED, Item.of("pk", "q", "sk", 1, "email", "e1"));
    }

    private QueryRequest.Builder q(String keyCondition) {
        return QueryRequest.builder(Fixture.SORTED).keyCondition(keyCondition).value(":p", "p");
    }

    private static List<Long> sks(Page p) {
        List<Long> out = new ArrayList<>();
        for (Item i : p.items()) out.add(i.getLong("sk"));
        return out;
    }

    @Test
    void sortKeyConditionsAndOrder() {
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), sks(b.query(q("pk = :p").build())));
        assertEquals(List.of(10L, 9L, 8L), sks(b.query(q("pk = :p AND sk > :s").value(":s", 7).scanIndexForward(false).build())));
        assertEquals(List.of(3L, 4L, 5L), sks(b.query(q("pk = :p AND sk BETWEEN :a AND :b").value(":a", 3).value(":b", 5).build())));
        assertEquals(List.of(1L, 2L), sks(b.query(q("pk = :p AND sk < :s").value(":s", 3).build())));
        assertEquals(List.of(4L), sks(b.query(q("pk = :p AND sk = :s").value(":s", 4).build())));
    }

    @Test
    void limitAndExclusiveStartKeyPage() {
        Page first = b.query(q("pk = :p").limit(4).build());
        assertEquals(List.of(1L, 2L, 3L, 4L), sks(first));
        Item lek = first.lastEvaluatedKey().orElseThrow();
        assertEquals(Item.of("pk", "p", "sk", 4), lek);
        Page second = b.query(q("pk = :p").limit(4).exclusiveStartKey(lek).build());
        assertEquals(List.of(5L, 6L, 7L, 8L), sks(second));
        Fixture.invalid("The provided starting key does not match the range key predicate",
                () -> b.query(q("pk = :p").exclusiveStartKey(Item.of("pk", "q", "sk", 1)).build()));
    }

    @Test
    void lastEvaluatedKeyWheneverLimitStopsTheQuery() {
        Page toEnd = b.query(q("pk = :p AND sk > :s").value(":s", 8).limit(2).build());
        assertEquals(List.of(9L, 10L), sks(toEnd));
        assertTrue(toEnd.hasMore(), "Limit reached: DynamoDB does not look ahead");
        Page between = b.query(q("pk = :p AND sk BETWEEN :a AND :b").value(":a", 3).value(":b", 4).limit(2).build());
        // Even at the inclusive end of the range (this test asserted DynamoDB Local's omission before issue 18).
        assertTrue(between.hasMore(), "Limit reached at the range's last key: still no look-ahead");
        Page backwards = b.query(q("pk = :p AND sk BETWEEN :a AND :b").value(":a", 3).value(":b", 4).limit(2).scanIndexForward(false).build());
        assertEquals(List.of(4L, 3L), sks(backwards));
        assertTrue(backwards.hasMore());
        Page equal = b.query(q("pk = :p AND sk = :s").value(":s", 4).limit(1).build());
        assertEquals(Item.of("pk", "p", "sk", 4), equal.lastEvaluatedKey().orElseThrow(), "sk = :s with Limit 1");
        Page after = b.query(q("pk = :p").exclusiveStartKey(toEnd.lastEvaluatedKey().orElseThrow()).build());
        assertEquals(0, after.count());
        assertEquals(0.5, after.consumedCapacity().readUnits(), "an empty page still costs the minimum");
    }

    @Test
    void filterOnKeyAttributesIsRejectedAndFilterDoesNotReduceCapacity() {
        Fixture.invalid("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
                () -> b.query(q("pk = :p").filter("sk > :s").value(":s", 1).build()));
        Page all = b.query(q("pk = :p").build());
        Page filtered = b.query(q("pk = :p").filter("score > :s").value(":s", 50).build());
        assertEquals(5, filtered.count());
        assertEquals(10, filtered.scannedCount());
        assertEquals(all.consumedCapacity(), filtered.consumedCapacity());
    }

    @Test
    void keyConditionMustUseTheKeySchema() {
        Fixture.invalid("Query condition missed key schema element: pk",
                () -> b.query(QueryRequest.builder(Fixture.SORTED).keyCondition("email = :e").value(":e", "x").build()));
        Fixture.invalid("Condition parameter type does not match schema type",
                () -> b.query(QueryRequest.builder(Fixture.SORTED).keyCondition("pk = :e").value(":e", 5).build()));
    }

    @Test
    void countSelect() {
        Page p = b.query(q("pk = :p").select(Select.COUNT).build());
        assertEquals(10, p.count());
        assertTrue(p.items().isEmpty());
    }

    @Test
    void globalIndexQueryIsEventualAndChargedOnTheIndex() {
        Page p = b.query(QueryRequest.builder(Fixture.SORTED).index("by_email").keyCondition("email = :e").value(":e", "e1").build());
        assertEquals(6, p.count());
        assertEquals(0.0, p.consumedCapacity().table(Fixture.SORTED).read());
        assertTrue(p.consumedCapacity().index(Fixture.SORTED, "by_email").read() > 0);
        Fixture.invalid("Consistent read cannot be true when querying a GSI",
                () -> b.query(QueryRequest.builder(Fixture.SORTED).index("by_email").keyCondition("email = :e").value(":e", "e1")
                        .consistency(Consistency.STRONG).build()));
    }

    @Test
    void keysOnlyIndexReturnsKeysAndRefusesAllAttributes() {
        Page p = b.query(QueryRequest.builder(Fixture.SORTED).index("by_status").keyCondition("#s = :s").name("#s", "status")
                .value(":s", "high").build());
        assertEquals(5, p.count());
        assertEquals(Item.of("pk", "p", "sk", 6, "status", "high"), p.items().get(0));
        Fixture.invalid("Select type ALL_ATTRIBUTES is not supported for global secondary index by_status",
                () -> b.query(QueryRequest.builder(Fixture.SORTED).index("by_status").keyCondition("#s = :s").name("#s", "status")
                        .value(":s", "high").select(Select.ALL_ATTRIBUTES).build()));
    }

    @Test
    void localIndexOrdersBySortKeyAndFetchesNonProjectedAttributes() {
        Page p = b.query(QueryRequest.builder(Fixture.SORTED).index("by_rank").keyCondition("pk = :p").value(":p", "p").limit(2).build());
        assertEquals(List.of(10L, 9L), sks(p));
        assertEquals(Item.of("pk", "p", "sk", 10, "rank", 90, "score", 100), p.items().get(0));
        assertEquals(Item.of("pk", "p", "sk", 9, "rank", 91), p.lastEvaluatedKey().orElseThrow());
        Page all = b.query(QueryRequest.builder(Fixture.SORTED).index("by_rank").keyCondition("pk = :p").value(":p", "p").limit(1)
                .select(Select.ALL_ATTRIBUTES).consistency(Consistency.STRONG).build());
        assertEquals("n10", all.items().get(0).getString("note"));
        assertTrue(all.consumedCapacity().table(Fixture.SORTED).read() > 0, "base item fetch is charged on the table");
    }

    @Test
    void unknownIndexAndAllProjectedWithoutIndex() {
        Fixture.invalid("The table does not have the specified index: nosuch",
                () -> b.query(q("pk = :p").index("nosuch").build()));
        Fixture.invalid("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
                () -> b.query(q("pk = :p").select(Select.ALL_PROJECTED_ATTRIBUTES).build()));
        assertFalse(b.query(q("pk = :p").build()).hasMore());
    }
}
