package io.ddbc.core.internal;

import static org.junit.jupiter.api.Assertions.*;

import io.ddbc.api.*;
import io.ddbc.core.Ddbc;
import io.ddbc.core.RetryPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Session paths of a backend without positions (like AWS): indexes, batch gets, deletes, batch writes. */
class SessionPathsTest {
    static final TableSpec INDEXED = TableSpec.builder("orders").partitionKey("id", AttributeValue.Type.S).versionAttribute("v")
            .globalIndex(IndexSpec.global("by_customer").partitionKey("customer", AttributeValue.Type.S).build()).build();
    static final Key K = Key.of("id", "o1");

    static DdbcClient client(RecordingBackend b) {
        return Ddbc.builder().backend(b.table(INDEXED)).retry(RetryPolicy.none()).build();
    }

    static Item order(long v) {
        return Item.of("id", "o1", "customer", "c", "v", v);
    }

    static Page page(Item... items) {
        return new Page(List.of(items), items.length, items.length, null, null, null, null);
    }

    @Test
    void sessionIndexQueryWaitsUntilTheIndexReflectsTheSessionsWrites() {
        RecordingBackend b = new RecordingBackend(false);
        b.reply("UpdateItem", r -> WriteResult.of(order(3), null, null));
        b.reply("Query", r -> page(order(2)));
        b.reply("Query", r -> page(order(2)));
        b.reply("Query", r -> page(order(3)));
        try (DdbcClient c = client(b)) {
            DdbcSession s = c.newSession();
            s.table("orders").update(K).expression("SET customer = :c").value(":c", "c").execute();
            Page p = s.table("orders").query().index("by_customer").keyCondition("customer = :c").value(":c", "c").execute();
            assertEquals(3, p.items().get(0).getLong("v"));
            List<QueryRequest> sent = b.sent(QueryRequest.class);
            assertEquals(3, sent.size());
            assertTrue(sent.stream().allMatch(q -> q.consistency() == Consistency.EVENTUAL), "strong reads are not allowed on a GSI");
        }
    }

    @Test
    void sessionIndexQueryThatNeverCatchesUpFailsClearly() {
        RecordingBackend b = new RecordingBackend(false) {
            @Override
            public Page query(QueryRequest r) {
                super.query(r);
                return page(order(1));
            }
        };
        b.reply("UpdateItem", r -> WriteResult.of(order(2), null, null));
        try (DdbcClient c = client(b)) {
            DdbcSession s = c.newSession();
            s.table("orders").update(K).expression("SET customer = :c").value(":c", "c").execute();
            StaleReadException e = assertThrows(StaleReadException.class,
                    () -> s.table("orders").query().index("by_customer").keyCondition("customer = :c").value(":c", "c").execute());
            assertTrue(e.getMessage().contains("by_customer"), e.getMessage());
            assertEquals(2, e.requiredVersion());
        }
    }

    @Test
    void sessionBatchGetReReadsStaleItemsStrongly() {
        RecordingBackend b = new RecordingBackend(false);
        b.reply("UpdateItem", r -> WriteResult.of(order(4), null, null));
        b.reply("BatchGetItem", r -> new BatchGetResult(Map.of("orders", List.of(order(3))), Map.of(), null, null));
        b.reply("BatchGetItem", r -> new BatchGetResult(Map.of("orders", List.of(order(4))), Map.of(), null, null));
        try (DdbcClient c = client(b)) {
            DdbcSession s = c.newSession();
            s.table("orders").update(K).expression("SET customer = :c").value(":c", "c").execute();
            BatchGetResult r = s.batchGet().add("orders", K).execute();
            assertEquals(List.of(order(4)), r.items("orders"));
            List<BatchGetRequest> sent = b.sent(BatchGetRequest.class);
            assertEquals(Consistency.EVENTUAL, sent.get(0).tables().get("orders").consistency());
            assertEquals(Consistency.STRONG, sent.get(1).tables().get("orders").consistency());
        }
    }

    @Test
    void afterADeleteTheSessionRefusesTheOldImage() {
        RecordingBackend b = new RecordingBackend(false);
        b.reply("DeleteItem", r -> WriteResult.of(order(5), null, null));
        b.reply("GetItem", r -> RecordingBackend.item(order(5), 0.5, null));
        b.reply("GetItem", r -> RecordingBackend.item(null, 1, null));
        try (DdbcClient c = client(b)) {
            DdbcSession s = c.newSession();
            WriteResult d = s.table("orders").delete(K).execute();
            assertTrue(d.attributes().isEmpty(), "ALL_OLD was asked internally only");
            assertEquals(ReturnValues.ALL_OLD, b.sent(DeleteRequest.class).get(0).returnValues());
            assertFalse(s.table("orders").get(K).execute().exists());
            assertEquals(List.of(Consistency.EVENTUAL, Consistency.STRONG),
                    b.sent(GetRequest.class).stream().map(GetRequest::consistency).toList());
        }
    }

    @Test
    void batchPutsToAVersionedTableAreRefusedNamingTheTable() {
        RecordingBackend b = new RecordingBackend(false);
        try (DdbcClient c = client(b)) {
            ValidationException e = assertThrows(ValidationException.class, () -> c.batchWrite().put("orders", order(1)).execute());
            assertTrue(e.getMessage().contains("'orders'") && e.getMessage().contains("'v'"), e.getMessage());
            assertTrue(b.sent(BatchWriteRequest.class).isEmpty());
        }
    }

    @Test
    void aResumedTokenCarriesKnownVersionsToAnotherClient() {
        RecordingBackend b = new RecordingBackend(false);
        b.reply("UpdateItem", r -> WriteResult.of(order(7), null, null));
        b.reply("GetItem", r -> RecordingBackend.item(order(6), 0.5, null));
        b.reply("GetItem", r -> RecordingBackend.item(order(7), 1, null));
        try (DdbcClient c1 = client(b); DdbcClient c2 = client(b)) {
            DdbcSession s = c1.newSession();
            s.table("orders").update(K).expression("SET customer = :c").value(":c", "c").execute();
            DdbcSession moved = c2.resumeSession(SessionToken.parse(s.token().serialize()));
            assertEquals(7, moved.table("orders").get(K).execute().version().getAsLong());
        }
    }

    @Test
    void versionAttributeOfATableCreatedThroughTheClientIsKeptWhenTheBackendForgetsIt() {
        TableSpec plain = TableSpec.builder("legacy").partitionKey("id", AttributeValue.Type.S).build();
        RecordingBackend b = new RecordingBackend(false) {
            @Override
            public TableDescription describeTable(DescribeTableRequest r) {
                super.describeTable(r);
                return new TableDescription(plain, "ACTIVE", 0, 0, null);   // like AWS: no ddbc metadata
            }
        };
        try (DdbcClient creator = client(b); DdbcClient declared = Ddbc.builder().backend(b).versionAttribute("legacy", "rev").build();
             DdbcClient unaware = Ddbc.builder().backend(b).build()) {
            creator.createTable(TableSpec.builder("legacy").partitionKey("id", AttributeValue.Type.S).versionAttribute("rev").build());
            assertEquals(1, creator.table("legacy").put(Item.of("id", "a")).expectVersion(0).execute().version().getAsLong());
            assertEquals(1, declared.table("legacy").put(Item.of("id", "a")).expectVersion(0).execute().version().getAsLong());
            assertThrows(ValidationException.class, () -> unaware.table("legacy").put(Item.of("id", "a")).expectVersion(0).execute());
        }
    }

    @Test
    void aCachedSessionMissThatNeedsAnUpgradeLoadsOnceAndIsCached() {
        RecordingBackend b = new RecordingBackend(false);
        b.reply("UpdateItem", r -> WriteResult.of(order(4), null, null));   // UPDATED_OLD: the image before, v4
        b.reply("GetItem", r -> RecordingBackend.item(order(4), 0.5, null));
        b.reply("GetItem", r -> RecordingBackend.item(order(5), 1, null));
        try (DdbcClient c = Ddbc.builder().backend(b.table(INDEXED)).cache(io.ddbc.core.CacheSpec.writeThrough())
                .retry(RetryPolicy.none()).build()) {
            DdbcSession writer = c.newSession();
            writer.table("orders").update(K).expression("SET customer = :c").value(":c", "c").returnValues(ReturnValues.UPDATED_OLD).execute();
            DdbcSession s = c.resumeSession(writer.token());
            assertEquals(5, s.table("orders").get(K).execute().version().getAsLong());
            GetResult again = s.table("orders").get(K).execute();
            assertEquals(ServedBy.CACHE, again.servedBy());
            assertEquals(5, again.version().getAsLong());
            assertEquals(2, b.sent(GetRequest.class).size());
        }
    }

    @Test
    void aTransactionUpdateWithoutExpectedVersionIsReadBackSoTheSessionSeesIt() {
        RecordingBackend b = new RecordingBackend(false);
        b.reply("GetItem", r -> RecordingBackend.item(Item.of("v", 9), 1, null));   // the read-back after the transaction
        b.reply("GetItem", r -> RecordingBackend.item(order(8), 0.5, null));        // a stale eventual read
        b.reply("GetItem", r -> RecordingBackend.item(order(9), 1, null));
        try (DdbcClient c = client(b)) {
            DdbcSession s = c.newSession();
            s.transactWrite().update(UpdateRequest.builder("orders", K).expression("SET customer = :c").value(":c", "d").build()).execute();
            assertEquals(9, s.table("orders").get(K).execute().version().getAsLong());
            assertEquals(List.of(Consistency.STRONG, Consistency.EVENTUAL, Consistency.STRONG),
                    b.sent(GetRequest.class).stream().map(GetRequest::consistency).toList());
        }
    }
}
