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

    // ------------------------------------------------------------- folded and unverified knowledge (issue 17)

    /** Enough keys to fold the oldest into the token's hashed buckets (16 are kept exactly). */
    static final int FOLDING_WRITES = 40;

    /** A backend whose every index query answers the same page: a wait would never end. */
    static RecordingBackend alwaysAnswering(Item... items) {
        return new RecordingBackend(false) {
            @Override
            public Page query(QueryRequest r) {
                super.query(r);
                return page(items);
            }
        };
    }

    /** Writes keys w0.. at version 5 through the session, so every bucket they fold into holds 5. */
    static void writeManyKeys(RecordingBackend b, DdbcSession s) {
        for (int i = 0; i < FOLDING_WRITES; i++) {
            String id = "w" + i;
            b.reply("UpdateItem", r -> WriteResult.of(Item.of("id", id, "customer", "mine", "v", 5), null, null));
            s.table("orders").update(Key.of("id", id)).expression("SET customer = :c").value(":c", "mine").execute();
        }
    }

    /** A key the session never wrote whose bucket holds a version above 1. */
    static Key bystanderInAFullBucket(SessionToken t) {
        for (int i = 0; ; i++) {
            Key k = Key.of("id", "bystander-" + i);
            if (t.exactVersion("orders", k) == 0 && t.knownVersion("orders", k) >= 5) return k;
        }
    }

    @Test
    void foldedKnowledgeNeverMakesAnIndexQueryWaitOrFail() {
        Item[] bystander = new Item[1];
        RecordingBackend b = new RecordingBackend(false) {
            @Override
            public Page query(QueryRequest r) {
                super.query(r);
                return page(bystander[0]);
            }
        };
        try (DdbcClient c = client(b)) {
            DdbcSession s = c.newSession();
            writeManyKeys(b, s);
            Key other = bystanderInAFullBucket(s.token());
            bystander[0] = Item.of("id", other.partitionValue().s(), "customer", "c", "v", 1);   // written by someone else, at 1
            Page p = s.table("orders").query().index("by_customer").keyCondition("customer = :c").value(":c", "c").execute();
            assertEquals(List.of(bystander[0]), p.items());
            assertEquals(1, b.sent(QueryRequest.class).size(), "a folded bucket is not waited for");
        }
    }

    @Test
    void afterFoldingASessionStillWaitsForItsOwnRecentWriteOnAnIndex() {
        RecordingBackend b = new RecordingBackend(false);
        try (DdbcClient c = client(b)) {
            DdbcSession s = c.newSession();
            writeManyKeys(b, s);
            b.reply("UpdateItem", r -> WriteResult.of(order(3), null, null));
            s.table("orders").update(K).expression("SET customer = :c").value(":c", "c").execute();
            b.reply("Query", r -> page(order(2)));
            b.reply("Query", r -> page(order(2)));
            b.reply("Query", r -> page(order(3)));
            Page p = s.table("orders").query().index("by_customer").keyCondition("customer = :c").value(":c", "c").execute();
            assertEquals(3, p.items().get(0).getLong("v"), "read-your-writes through the index");
            assertEquals(3, b.sent(QueryRequest.class).size());
        }
    }

    @Test
    void aCraftedUnsignedTokenCostsStrongReadsButNeverRefusesService() {
        RecordingBackend b = alwaysAnswering(order(1));
        b.reply("GetItem", r -> RecordingBackend.item(order(1), 0.5, null));
        b.reply("GetItem", r -> RecordingBackend.item(order(1), 1, null));
        try (DdbcClient c = client(b)) {
            // Built with the public API by anyone: it claims versions no item ever had.
            SessionToken crafted = SessionToken.empty(c.newSession().token().scope(), null).withVersion("orders", K, 1_000_000)
                    .withPositions(Positions.of("orders#0", 1_000_000));
            DdbcSession s = c.resumeSession(SessionToken.parse(crafted.serialize()));
            Page p = s.table("orders").query().index("by_customer").keyCondition("customer = :c").value(":c", "c")
                    .consistency(Consistency.SESSION).execute();
            assertEquals(1, p.items().get(0).getLong("v"));
            // Waited for up to the bound (it may be a real write another process made), then served, never refused.
            int queries = b.sent(QueryRequest.class).size();
            assertTrue(queries > 1 && queries < 30, "a bounded wait on what an unsigned token claims: " + queries + " queries");
            GetResult g = s.table("orders").get(K).consistency(Consistency.SESSION).execute();
            assertEquals(1, g.version().getAsLong());
            assertEquals(List.of(Consistency.EVENTUAL, Consistency.STRONG), b.sent(GetRequest.class).stream().map(GetRequest::consistency).toList(),
                    "the claim may upgrade a read to strong: capacity, not availability");
        }
    }

    @Test
    void aSessionResumedFromAnUnsignedTokenStillWaitsForItsOwnWrites() {
        RecordingBackend b = new RecordingBackend(false);
        try (DdbcClient c = client(b)) {
            SessionToken crafted = SessionToken.empty(c.newSession().token().scope(), null).withVersion("orders", Key.of("id", "o2"), 99);
            DdbcSession s = c.resumeSession(crafted);
            b.reply("UpdateItem", r -> WriteResult.of(order(3), null, null));
            s.table("orders").update(K).expression("SET customer = :c").value(":c", "c").execute();
            b.reply("Query", r -> page(order(2)));
            b.reply("Query", r -> page(order(3)));
            Page p = s.table("orders").query().index("by_customer").keyCondition("customer = :c").value(":c", "c").execute();
            assertEquals(3, p.items().get(0).getLong("v"), "what the session wrote in this client is vouched for");
            assertEquals(2, b.sent(QueryRequest.class).size());
        }
    }

    @Test
    void aSignedTokenCarriesItsRequirementsToAnotherClient() {
        byte[] key = "shared-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RecordingBackend b = new RecordingBackend(false).table(INDEXED);
        b.reply("UpdateItem", r -> WriteResult.of(order(3), null, null));
        b.reply("Query", r -> page(order(2)));
        b.reply("Query", r -> page(order(3)));
        try (DdbcClient c1 = Ddbc.builder().backend(b).retry(RetryPolicy.none()).sessionTokenSecret(key).build();
             DdbcClient c2 = Ddbc.builder().backend(b).retry(RetryPolicy.none()).sessionTokenSecret(key).build()) {
            DdbcSession s = c1.newSession();
            s.table("orders").update(K).expression("SET customer = :c").value(":c", "c").execute();
            DdbcSession moved = c2.resumeSession(SessionToken.parse(s.token().serialize()));
            Page p = moved.table("orders").query().index("by_customer").keyCondition("customer = :c").value(":c", "c").execute();
            assertEquals(3, p.items().get(0).getLong("v"), "a verified token's write is waited for in another process");
            assertEquals(2, b.sent(QueryRequest.class).size());
        }
    }

    @Test
    void mergingATokenWhoseBucketCoversAnExactKeyDoesNotInflateTheRequirement() {
        RecordingBackend b = alwaysAnswering(order(3));
        try (DdbcClient c = client(b)) {
            DdbcSession other = c.newSession();
            writeManyKeys(b, other);   // its buckets hold 5
            SessionToken folded = other.token();
            DdbcSession s = c.newSession();
            b.reply("UpdateItem", r -> WriteResult.of(order(3), null, null));
            s.table("orders").update(K).expression("SET customer = :c").value(":c", "c").execute();
            s.merge(folded);
            assertTrue(s.token().knownVersion("orders", K) >= 3);
            Page p = s.table("orders").query().index("by_customer").keyCondition("customer = :c").value(":c", "c").execute();
            assertEquals(3, p.items().get(0).getLong("v"));
            assertEquals(1, b.sent(QueryRequest.class).size(), "the other token's bucket is no exact requirement on K");
        }
    }
}
