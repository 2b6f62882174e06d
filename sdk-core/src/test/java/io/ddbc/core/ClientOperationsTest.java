package io.ddbc.core;

import io.ddbc.api.ServedBy;

import io.ddbc.api.GetResult;

import io.ddbc.api.Consistency;

import static org.junit.jupiter.api.Assertions.*;

import io.ddbc.api.*;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fluent API end to end on the embedded engine: pagination, async, batches, defaults, policies. */
class ClientOperationsTest {

    @Test
    void queriesPageLazilyThroughTheClient() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            DdbcClient c = f.client();
            c.createTable(TableSpec.builder("events").partitionKey("pk", AttributeValue.Type.S).sortKey("sk", AttributeValue.Type.N).build());
            for (int i = 0; i < 30; i++) c.table("events").put(Item.of("pk", "p", "sk", i)).execute();
            QueryRequest.Builder q = c.table("events").query().keyCondition("pk = :p").value(":p", "p").limit(7)
                    .consistency(Consistency.STRONG);
            List<Page> pages = java.util.stream.StreamSupport.stream(q.pages().spliterator(), false).collect(Collectors.toList());
            assertTrue(pages.size() >= 5, "pages: " + pages.size());
            List<Long> sks = q.stream().map(i -> i.getLong("sk")).collect(Collectors.toList());
            assertEquals(IntStream.range(0, 30).mapToObj(Long::valueOf).collect(Collectors.toList()), sks);
            assertEquals(30, c.table("events").scan().consistency(Consistency.STRONG).stream().count());
        }
    }

    @Test
    void boundedReadsAreServedStronglyNeverStaler() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            Table t = f.client().table(EmbeddedFixture.COUNTERS);
            t.put(Item.of("id", "b", "n", 1)).execute();
            GetResult bounded = t.get(Key.of("id", "b")).consistency(Consistency.bounded(java.time.Duration.ofMillis(10))).execute();
            GetResult strong = t.get(Key.of("id", "b")).consistency(Consistency.STRONG).execute();
            assertEquals(strong.consumedCapacity().readUnits(), bounded.consumedCapacity().readUnits(), "charged as a strong read");
            assertEquals(1.0, bounded.consumedCapacity().readUnits());
            assertEquals(ServedBy.LEADER, bounded.servedBy());
        }
    }

    @Test
    void asyncTwinsComplete() throws Exception {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            Table t = f.client().table(EmbeddedFixture.COUNTERS);
            CompletableFuture<WriteResult> w = t.put(Item.of("id", "a", "n", 1)).executeAsync();
            assertEquals(1, w.get().version().getAsLong());
            // A strong read: an eventual one may be answered by the lagging follower.
            assertEquals(1, t.get(Key.of("id", "a")).consistency(Consistency.STRONG).executeAsync().get()
                    .item().orElseThrow().getLong("n"));
        }
    }

    @Test
    void batchesAndTransactGetsRunThroughTheClient() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            DdbcClient c = f.client();
            c.batchWrite().put(EmbeddedFixture.NOTES, Item.of("id", "a")).put(EmbeddedFixture.NOTES, Item.of("id", "b")).execute();
            BatchGetResult r = c.batchGet().add(EmbeddedFixture.NOTES, Key.of("id", "a"), Key.of("id", "b")).consistency(Consistency.STRONG).execute();
            assertEquals(2, r.items(EmbeddedFixture.NOTES).size());
            TransactGetResult tg = c.transactGet().get(EmbeddedFixture.NOTES, Key.of("id", "a")).get(EmbeddedFixture.NOTES, Key.of("id", "zz")).execute();
            assertTrue(tg.items().get(0).isPresent());
            assertTrue(tg.items().get(1).isEmpty());
        }
    }

    @Test
    void consistencyDefaultsResolveRequestThenTableThenClient() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            DdbcClient c = f.client(Ddbc.builder().defaultConsistency(Consistency.EVENTUAL).tableConsistency(EmbeddedFixture.NOTES, Consistency.STRONG));
            c.table(EmbeddedFixture.NOTES).put(Item.of("id", "a")).execute();
            c.table(EmbeddedFixture.COUNTERS).put(Item.of("id", "a")).execute();
            assertEquals(1.0, c.table(EmbeddedFixture.NOTES).get(Key.of("id", "a")).execute().consumedCapacity().readUnits());
            assertEquals(0.5, c.table(EmbeddedFixture.NOTES).get(Key.of("id", "a")).consistency(Consistency.EVENTUAL).execute()
                    .consumedCapacity().readUnits());
            assertEquals(0.5, c.table(EmbeddedFixture.COUNTERS).get(Key.of("id", "a")).execute().consumedCapacity().readUnits());
            assertEquals(Consistency.SESSION, c.newSession().defaultConsistency());
        }
    }

    @Test
    void strongReadsOnAGlobalIndexAreRejectedByTheBackend() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            DdbcClient c = f.client();
            c.createTable(TableSpec.builder("users").partitionKey("id", AttributeValue.Type.S)
                    .globalIndex(IndexSpec.global("by_email").partitionKey("email", AttributeValue.Type.S).build()).build());
            assertThrows(ValidationException.class, () -> c.table("users").query().index("by_email").keyCondition("email = :e")
                    .value(":e", "x").consistency(Consistency.STRONG).execute());
        }
    }

    @Test
    void projectedReadsStillKnowTheVersionButReturnOnlyWhatWasAsked() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            Table t = f.client().table(EmbeddedFixture.COUNTERS);
            t.put(Item.of("id", "a", "n", 7, "m", 8)).execute();
            GetResult r = t.get(Key.of("id", "a")).projection("n").consistency(Consistency.STRONG).execute();
            assertEquals(Item.of("n", 7), r.item().orElseThrow());
            assertEquals(1, r.version().getAsLong());
            GetResult withVersion = t.get(Key.of("id", "a")).projection("n, #v").name("#v", "version").consistency(Consistency.STRONG).execute();
            assertEquals(Item.of("n", 7, "version", 1), withVersion.item().orElseThrow());
        }
    }

    @Test
    void policiesAreImmutableAndValidated() {
        RetryPolicy p = RetryPolicy.exponential(5, Duration.ofMillis(10));
        RetryPolicy q = p.maxDelay(Duration.ofMillis(40));
        assertEquals(Duration.ofSeconds(1), p.maxDelay());
        assertEquals(Duration.ofMillis(40), q.maxDelay());
        for (int i = 1; i < 20; i++) assertTrue(q.delayAfter(i).compareTo(Duration.ofMillis(40)) < 0);
        assertEquals(1, RetryPolicy.none().maxAttempts());
        assertThrows(io.ddbc.api.DdbcConfigException.class, () -> RetryPolicy.exponential(0, Duration.ZERO));
        CacheSpec c = CacheSpec.writeThrough();
        assertFalse(c.queryCacheEnabled());
        assertTrue(c.queryCache(true).queryCacheEnabled());
        assertThrows(io.ddbc.api.DdbcConfigException.class, () -> c.ttl(Duration.ZERO));
        assertThrows(io.ddbc.api.DdbcConfigException.class, () -> c.maximumSize(0));
    }
}
