package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.SessionToken;
import io.ddbc.api.StaleReadException;
import io.ddbc.api.TableSpec;
import io.ddbc.api.TransactGetResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-region session reads on a two-region backend without positions (AWS global tables' situation):
 * a session written in us-east-1 and resumed in eu-west-1 is served in eu-west-1 once it has caught up,
 * waits (virtual time) for it, is routed to us-east-1, or is refused — never answered stale.
 */
class GlobalSessionsTest {
    static final String US = "us-east-1";
    static final String EU = "eu-west-1";
    static final String COUNTERS = "counters";
    static final String NOTES = "notes";
    static final Key K = Key.of("id", "k1");

    GlobalTestBackend backend;
    SimpleMeterRegistry meters;
    DdbcClient client;

    @BeforeEach
    void open() {
        backend = new GlobalTestBackend(US, EU);
        meters = new SimpleMeterRegistry();
        client = Ddbc.builder().backend(backend).meterRegistry(meters).build();
        createTables(client);
    }

    @AfterEach
    void close() {
        client.close();
        backend.close();
    }

    /** The tables of the two-region tests: {@code counters} (managed version) and {@code notes} (unversioned), keyed by id. */
    static void createTables(DdbcClient client) {
        client.createTable(TableSpec.builder(COUNTERS).partitionKey("id", AttributeValue.Type.S).versionAttribute("version").build());
        client.createTable(TableSpec.builder(NOTES).partitionKey("id", AttributeValue.Type.S).build());
    }

    /** A session in us-east-1 that wrote n to both tables; its token. */
    private SessionToken writtenInUs(long n) {
        DdbcSession us = client.newSession(US);
        us.table(COUNTERS).put(Item.of("id", "k1", "n", n)).execute();
        us.table(NOTES).put(Item.of("id", "k1", "n", n)).execute();
        return us.token();
    }

    private double outcome(String outcome) {
        var c = meters.find("ddbc.session.cross_region").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void tokensRememberTheRegionsTheSessionUsed() {
        assertEquals(List.of(US, EU), client.regions());
        assertEquals(US, client.homeRegion());
        SessionToken t = writtenInUs(1);
        assertEquals(List.of(US), List.copyOf(t.regions()));
        backend.sync();
        DdbcSession eu = client.resumeSession(t, EU);
        assertEquals(EU, eu.homeRegion());
        eu.table(COUNTERS).get(K).execute();
        assertEquals(List.of(EU, US), List.copyOf(eu.token().regions()));
        assertEquals(List.of(US, EU), List.copyOf(SessionToken.parse(eu.token().serialize()).regions()).stream().sorted(
                java.util.Comparator.reverseOrder()).toList());
    }

    @Test
    void servedAtHomeOnceHomeHasCaughtUp() {
        SessionToken t = writtenInUs(7);
        backend.sync();
        long usReads = backend.regions.get(US).reads.get();
        GetResult r = client.resumeSession(t, EU).table(COUNTERS).get(K).execute();
        assertEquals(7, r.item().orElseThrow().getLong("n"));
        assertEquals(usReads, backend.regions.get(US).reads.get(), "no read may go to us-east-1");
        assertEquals(1, outcome("caught_up"));
    }

    @Test
    void waitsOnTheBackendClockUntilHomeCatchesUp() {
        SessionToken t = writtenInUs(8);
        backend.syncAfter(Duration.ofMillis(300));
        long usReads = backend.regions.get(US).reads.get();
        GetResult r = client.resumeSession(t, EU).table(COUNTERS).get(K).execute();
        assertEquals(8, r.item().orElseThrow().getLong("n"));
        assertTrue(backend.clockMillis.get() >= 300, "virtual time moved: " + backend.clockMillis.get());
        assertEquals(usReads, backend.regions.get(US).reads.get());
        assertEquals(1, outcome("waited"));
    }

    @Test
    void routedToTheWritingRegionWhenHomeDoesNotCatchUpInTime() {
        SessionToken t = writtenInUs(9);
        GetResult r = client.resumeSession(t, EU).table(COUNTERS).get(K).execute();
        assertEquals(9, r.item().orElseThrow().getLong("n"));
        assertTrue(backend.clockMillis.get() >= 2000, "waited the default 2 s first: " + backend.clockMillis.get());
        assertEquals(1, outcome("routed"));
        // eu-west-1 still has nothing: an eventual read there shows it, the session read never did.
        assertTrue(client.newSession(EU).table(COUNTERS).get(K).consistency(Consistency.EVENTUAL).execute().item().isEmpty());
    }

    @Test
    void zeroWaitRoutesAtOnce() {
        try (DdbcClient eager = Ddbc.builder().backend(backend).crossRegionWait(Duration.ZERO).build()) {
            DdbcSession us = eager.newSession(US);
            us.table(COUNTERS).put(Item.of("id", "k1", "n", 3)).execute();
            GetResult r = eager.resumeSession(us.token(), EU).table(COUNTERS).get(K).execute();
            assertEquals(3, r.item().orElseThrow().getLong("n"));
            assertEquals(0, backend.clockMillis.get());
        }
    }

    @Test
    void refusedWhenNoRegionCanServe() {
        SessionToken t = writtenInUs(10);
        backend.regions.get(US).unreachable = true;
        StaleReadException e = assertThrows(StaleReadException.class, () -> client.resumeSession(t, EU).table(COUNTERS).get(K).execute());
        assertEquals(COUNTERS, e.tableName());
        assertEquals(K, e.key());
        assertTrue(e.getMessage().contains("'" + EU + "'") && e.getMessage().contains("[" + US + "]"), e.getMessage());
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
        assertEquals(1, outcome("refused"));
    }

    @Test
    void unversionedItemsCannotBeProvedElsewhereSoTheyAreRoutedWithoutWaiting() {
        SessionToken t = writtenInUs(11);
        backend.sync();   // eu-west-1 even has the item, but nothing shows it
        GetResult r = client.resumeSession(t, EU).table(NOTES).get(K).execute();
        assertEquals(11, r.item().orElseThrow().getLong("n"));
        assertEquals(0, backend.clockMillis.get(), "waiting cannot help an unverifiable read");
        assertEquals(1, outcome("routed"));
        backend.regions.get(US).unreachable = true;
        assertThrows(StaleReadException.class, () -> client.resumeSession(t, EU).table(NOTES).get(K).execute());
    }

    @Test
    void queriesScansBatchesAndTransactionsUseTheSameRouting() {
        SessionToken t = writtenInUs(12);
        DdbcSession eu = client.resumeSession(t, EU);
        long euReads = backend.regions.get(EU).reads.get();
        List<Item> items = eu.table(NOTES).query().keyCondition("id = :k").value(":k", "k1").execute().items();
        assertEquals(1, items.size(), "the query was answered where the write is");
        assertEquals(1, eu.table(COUNTERS).scan().execute().items().size());
        BatchGetResult b = eu.batchGet().add(COUNTERS, List.of(K)).execute();
        assertEquals(12, b.items(COUNTERS).get(0).getLong("n"));
        TransactGetResult tg = eu.transactGet().get(COUNTERS, K).get(NOTES, K).execute();
        assertEquals(12, tg.items().get(0).orElseThrow().getLong("n"));
        assertEquals(12, tg.items().get(1).orElseThrow().getLong("n"));
        assertTrue(outcome("routed") >= 4, "routed: " + outcome("routed"));
        assertTrue(backend.regions.get(EU).reads.get() >= euReads, "eu-west-1 was asked first");
    }

    @Test
    void aSessionThatNeverLeftHomeReadsExactlyAsBefore() {
        DdbcSession eu = client.newSession(EU);
        eu.table(COUNTERS).put(Item.of("id", "k1", "n", 1)).execute();
        assertEquals(1, eu.table(COUNTERS).get(K).execute().item().orElseThrow().getLong("n"));
        assertEquals(0, outcome("caught_up") + outcome("waited") + outcome("routed") + outcome("refused"));
        assertEquals(List.of(EU), List.copyOf(eu.token().regions()));
    }

    @Test
    void strongReadsStayInTheHomeRegion() {
        SessionToken t = writtenInUs(13);
        GetResult r = client.resumeSession(t, EU).table(COUNTERS).get(K).consistency(Consistency.STRONG).execute();
        assertTrue(r.item().isEmpty(), "strong within eu-west-1, which has not received the write");
    }

    @Test
    void minVersionReadsWaitAndRouteToo() {
        SessionToken t = writtenInUs(14);
        backend.syncAfter(Duration.ofMillis(100));
        GetResult r = client.newSession(EU).table(COUNTERS).get(K).minVersion(1).execute();
        assertEquals(14, r.item().orElseThrow().getLong("n"));
        assertFalse(t.regions().isEmpty());
    }

    @Test
    void singleRegionClientsKeepRegionlessTokens() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            DdbcClient c = f.client();
            assertTrue(c.regions().isEmpty());
            assertNull(c.homeRegion());
            DdbcSession s = c.newSession();
            s.table(EmbeddedFixture.NOTES).put(Item.of("id", "a")).execute();
            assertNull(s.token().region());
            assertNull(s.homeRegion());
        }
    }

    @Test
    void metersAreTaggedWithTheirRegion() {
        client.newSession(EU).table(NOTES).put(Item.of("id", "m", "n", 1)).execute();
        client.table(NOTES).get(Key.of("id", "m")).execute();
        assertTrue(meters.find("ddbc.requests").tag("region", EU).tag("op", "PutItem").timer() != null);
        assertTrue(meters.find("ddbc.requests").tag("region", US).tag("op", "GetItem").timer() != null);
        assertNull(meters.find("ddbc.requests").tag("region", US).tag("op", "PutItem").timer());
    }

    @Test
    void asyncReadsAreRoutedLikeSyncOnes() {
        SessionToken t = writtenInUs(15);
        GetResult r = client.resumeSession(t, EU).table(COUNTERS).get(K).executeAsync().join();
        assertEquals(15, r.item().orElseThrow().getLong("n"));
        assertEquals(1, outcome("routed"));
    }

    @Test
    void clientLevelReadsHonourTheImplicitSessionAcrossOwnerRegions() {
        try (DdbcClient c = Ddbc.builder().backend(backend).defaultConsistency(Consistency.SESSION)
                .writeAffinity(WriteAffinity.of((table, key) -> EU)).build()) {
            c.table(NOTES).put(Item.of("id", "i", "n", 16)).execute();           // taken by eu-west-1, home is us-east-1
            assertEquals(16, c.table(NOTES).get(Key.of("id", "i")).execute().item().orElseThrow().getLong("n"));
            assertTrue(c.table(NOTES).get(Key.of("id", "i")).consistency(Consistency.EVENTUAL).execute().item().isEmpty(),
                    "us-east-1 itself has not received it");
        }
    }

    @Test
    void aMovedSessionsUpdateWaitsForItsEarlierWritesOrGoesWhereTheyAre() {
        SessionToken t = writtenInUs(1);
        DdbcSession eu = client.resumeSession(t, EU);
        eu.table(COUNTERS).update(K).expression("SET n = n + :one").value(":one", 1).execute();   // eu-west-1 lacks n = 1: routed
        assertEquals(0, backend.regions.get(EU).writes.get(), "not written in eu-west-1, which lacks the session's write");
        backend.sync();
        assertEquals(2, eu.table(COUNTERS).get(K).execute().item().orElseThrow().getLong("n"));
        backend.syncAfter(Duration.ofMillis(200));
        DdbcSession us = client.resumeSession(eu.token(), US);
        us.table(COUNTERS).update(K).expression("SET n = n + :one").value(":one", 1).execute();
        long euWrites = backend.regions.get(EU).writes.get();
        DdbcSession euAgain = client.resumeSession(us.token(), EU);
        euAgain.table(COUNTERS).mutate(K, i -> i.toBuilder().put("n", i.getLong("n") + 1).build());   // waits for the sync
        assertEquals(euWrites + 1, backend.regions.get(EU).writes.get(), "written in eu-west-1 once it caught up");
        backend.sync();
        assertEquals(4, euAgain.table(COUNTERS).get(K).execute().item().orElseThrow().getLong("n"), "no increment lost");
        assertTrue(backend.conflicts.isEmpty(), backend.conflicts.toString());
    }

    @Test
    void blindWritesOfUnversionedItemsAreNotHeldBack() {
        SessionToken t = writtenInUs(1);
        client.resumeSession(t, EU).table(NOTES).put(Item.of("id", "k1", "n", 2)).execute();
        assertEquals(1, backend.regions.get(EU).writes.get());
        assertEquals(0, outcome("caught_up") + outcome("waited") + outcome("routed"));
    }

    @Test
    void aMovedSessionsTransactionIsHeldToTheSameRule() {
        SessionToken t = writtenInUs(1);
        DdbcSession eu = client.resumeSession(t, EU);
        eu.transactWrite().update(io.ddbc.api.UpdateRequest.builder(COUNTERS, K).expression("SET n = n + :one").value(":one", 1).build())
                .put(NOTES, Item.of("id", "k2", "n", 1)).execute();
        assertEquals(0, backend.regions.get(EU).writes.get(), "eu-west-1 lacks the session's write: the transaction ran in us-east-1");
        backend.sync();
        assertEquals(2, eu.table(COUNTERS).get(K).execute().item().orElseThrow().getLong("n"));
        assertEquals(1, outcome("routed"), "the transaction was routed, then the read was served at home");
    }

    @Test
    void batchAndTransactionalReadsOfUnversionedItemsAreRoutedWithoutWaiting() {
        SessionToken t = writtenInUs(17);
        backend.sync();
        DdbcSession eu = client.resumeSession(t, EU);
        assertEquals(17, eu.batchGet().add(NOTES, List.of(K)).execute().items(NOTES).get(0).getLong("n"));
        assertEquals(17, eu.transactGet().get(NOTES, K).execute().items().get(0).orElseThrow().getLong("n"));
        assertEquals(0, backend.clockMillis.get(), "nothing in eu-west-1 can show the session's write: no waiting");
        assertEquals(2, outcome("routed"));
    }

    @Test
    void versionedBatchAndTransactionalReadsWaitForHome() {
        SessionToken t = writtenInUs(18);
        backend.syncAfter(Duration.ofMillis(150));
        DdbcSession eu = client.resumeSession(t, EU);
        long usReads = backend.regions.get(US).reads.get();
        assertEquals(18, eu.batchGet().add(COUNTERS, List.of(K)).execute().items(COUNTERS).get(0).getLong("n"));
        assertEquals(18, eu.transactGet().get(COUNTERS, K).execute().items().get(0).orElseThrow().getLong("n"));
        assertEquals(usReads, backend.regions.get(US).reads.get(), "served in eu-west-1 after waiting");
        assertEquals(1, outcome("waited"));
        assertEquals(1, outcome("caught_up"));
    }

    /**
     * Issue 17: proving a region has the session's writes needs exact knowledge. A key the session never wrote,
     * whose hashed bucket holds other keys' higher versions, is read (strongly at most) in another region — by
     * get, batch get and transactional get — never refused.
     */
    @Test
    void aFoldedBucketNeverRefusesACrossRegionRead() {
        DdbcSession us = client.newSession(US);
        for (int i = 0; i < 40; i++) {
            Key k = Key.of("id", "w" + i);
            us.table(COUNTERS).put(Item.of("id", "w" + i, "n", 1)).execute();
            us.table(COUNTERS).update(k).expression("SET n = :n").value(":n", 2).execute();
            us.table(COUNTERS).update(k).expression("SET n = :n").value(":n", 3).execute();   // version 3
        }
        Key bystander = null;
        for (int i = 0; bystander == null; i++) {
            Key k = Key.of("id", "bystander-" + i);
            if (us.token().exactVersion(COUNTERS, k) == 0 && us.token().knownVersion(COUNTERS, k) >= 3) bystander = k;
        }
        client.newSession(US).table(COUNTERS).put(Item.of("id", bystander.partitionValue().s(), "n", 7)).execute();   // version 1
        backend.sync();
        DdbcSession eu = client.resumeSession(us.token(), EU);
        assertEquals(7, eu.table(COUNTERS).get(bystander).execute().item().orElseThrow().getLong("n"));
        assertEquals(1, eu.batchGet().add(COUNTERS, List.of(bystander)).execute().items(COUNTERS).size());
        assertEquals(7, eu.transactGet().get(COUNTERS, bystander).execute().items().get(0).orElseThrow().getLong("n"));
        // The exact knowledge is still enforced: the session's last write reads back in eu-west-1.
        assertEquals(3, eu.table(COUNTERS).get(Key.of("id", "w39")).execute().item().orElseThrow().getLong("n"));
    }
}
