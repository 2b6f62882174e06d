package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.*;

import io.ddbc.api.*;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.*;
import org.junit.jupiter.api.Test;

/** The write-through cache rules on the embedded engine. */
class CacheBehaviourTest {
    static final Key K = Key.of("id", "a");

    static DdbcClientBuilder cached() {
        return Ddbc.builder().cache(CacheSpec.writeThrough().ttl(Duration.ofMinutes(5)).queryCache(true));
    }

    @Test
    void writesPutTheNewImageAndEventualReadsHitWithoutCapacity() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            Table t = f.client(cached()).table(EmbeddedFixture.COUNTERS);
            t.update(K).expression("SET n = :n").value(":n", 1).execute();
            GetResult hit = t.get(K).consistency(Consistency.EVENTUAL).execute();
            assertEquals(ServedBy.CACHE, hit.servedBy());
            assertTrue(hit.consumedCapacity().isZero());
            assertEquals(1, hit.version().getAsLong());
            assertEquals(1, hit.item().orElseThrow().getLong("n"));
        }
    }

    @Test
    void strongReadsAlwaysGoToTheBackendAndRefresh() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            Table cachedTable = f.client(cached()).table(EmbeddedFixture.NOTES);
            Table other = f.client().table(EmbeddedFixture.NOTES);
            cachedTable.put(Item.of("id", "a", "n", 1)).execute();
            other.put(Item.of("id", "a", "n", 2)).execute();                  // behind the cache's back
            assertEquals(1, cachedTable.get(K).consistency(Consistency.EVENTUAL).execute().item().orElseThrow().getLong("n"));
            GetResult strong = cachedTable.get(K).consistency(Consistency.STRONG).execute();
            assertNotEquals(ServedBy.CACHE, strong.servedBy());
            assertEquals(2, strong.item().orElseThrow().getLong("n"));
            assertEquals(2, cachedTable.get(K).consistency(Consistency.EVENTUAL).execute().item().orElseThrow().getLong("n"));
        }
    }

    @Test
    void failedConditionsAndDeletesInvalidate() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            Table cachedTable = f.client(cached()).table(EmbeddedFixture.NOTES);
            Table other = f.client().table(EmbeddedFixture.NOTES);
            cachedTable.put(Item.of("id", "a", "n", 1)).execute();
            other.put(Item.of("id", "a", "n", 2)).execute();
            assertThrows(ConditionFailedException.class,
                    () -> cachedTable.put(Item.of("id", "a", "n", 3)).condition("n = :one").value(":one", 1).execute());
            GetResult after = cachedTable.get(K).consistency(Consistency.EVENTUAL).execute();
            assertNotEquals(ServedBy.CACHE, after.servedBy());
            assertEquals(2, after.item().orElseThrow().getLong("n"));
            cachedTable.delete(K).execute();
            // SESSION (the client's implicit session): an eventual read could legitimately be answered by the
            // lagging follower that has not applied the delete yet.
            GetResult gone = cachedTable.get(K).consistency(Consistency.SESSION).execute();
            assertFalse(gone.exists());
            assertNotEquals(ServedBy.CACHE, gone.servedBy());
            assertEquals(ServedBy.CACHE, cachedTable.get(K).consistency(Consistency.EVENTUAL).execute().servedBy(), "negative entry");
        }
    }

    @Test
    void concurrentMissesLoadOncePerKey() throws Exception {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            f.client().table(EmbeddedFixture.NOTES).put(Item.of("id", "a", "n", 1)).execute();
            DdbcClient c = f.client(cached());
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CyclicBarrier barrier = new CyclicBarrier(threads);
            List<Future<GetResult>> results = new ArrayList<>();
            try {
                for (int i = 0; i < threads; i++) {
                    results.add(pool.submit(() -> {
                        barrier.await();
                        return c.table(EmbeddedFixture.NOTES).get(K).consistency(Consistency.EVENTUAL).execute();
                    }));
                }
                int fromBackend = 0;
                for (Future<GetResult> r : results) if (r.get(30, TimeUnit.SECONDS).servedBy() != ServedBy.CACHE) fromBackend++;
                assertEquals(1, fromBackend, "one load for " + threads + " concurrent misses");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void queryCacheIsDroppedByWritesToTheSamePartitionKey() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            Table t = f.client(cached()).table(EmbeddedFixture.NOTES);
            t.put(Item.of("id", "a", "n", 1)).execute();
            QueryRequest.Builder q = t.query().keyCondition("id = :id").value(":id", "a").consistency(Consistency.EVENTUAL);
            assertNotEquals(ServedBy.CACHE, q.execute().servedBy());
            assertEquals(ServedBy.CACHE, q.execute().servedBy());
            t.put(Item.of("id", "b", "n", 1)).execute();                        // another partition key: still cached
            assertEquals(ServedBy.CACHE, q.execute().servedBy());
            t.update(K).expression("SET n = :n").value(":n", 2).execute();
            Page fresh = q.execute();
            assertNotEquals(ServedBy.CACHE, fresh.servedBy());
            assertEquals(2, fresh.items().get(0).getLong("n"));
        }
    }

    @Test
    void cacheMetricsAreBoundThroughCaffeine() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            Table t = f.client(cached().meterRegistry(registry)).table(EmbeddedFixture.NOTES);
            t.put(Item.of("id", "a")).execute();
            t.get(K).consistency(Consistency.EVENTUAL).execute();
            assertEquals(1.0, registry.get("cache.gets").tag("cache", "ddbc.cache").tag("result", "hit").functionCounter().count());
        }
    }
}
