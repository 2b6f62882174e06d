package io.ddbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Page;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ServedBy;
import io.ddbc.api.Table;
import io.ddbc.core.CacheSpec;
import io.ddbc.core.Ddbc;
import java.time.Duration;

/** The core's write-through cache behaves the same over every backend: hits cost nothing and say CACHE. */
class CacheConformanceTest {

    private static DdbcClient cached(Fixture f) {
        return f.client(Ddbc.builder().cache(CacheSpec.writeThrough().ttl(Duration.ofMinutes(5)).queryCache(true)));
    }

    @ConformanceTest
    void writesFillTheCacheAndEventualOrSessionReadsHitItForFree(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            DdbcSession s = cached(f).newSession();
            Table t = s.table(table);
            Key key = Key.of("id", "c");
            t.put(Item.of("id", "c", "n", 1)).execute();
            t.update(key).expression("SET n = :n").value(":n", 2).execute();

            for (Consistency level : new Consistency[] {Consistency.EVENTUAL, Consistency.SESSION}) {
                GetResult hit = t.get(key).consistency(level).execute();
                assertEquals(ServedBy.CACHE, hit.servedBy(), level.toString());
                assertTrue(hit.consumedCapacity().isZero(), level + ": " + hit.consumedCapacity());
                assertEquals(2, hit.item().orElseThrow().getInt("n"));
                assertEquals(2, hit.version().getAsLong());
            }
            GetResult strong = t.get(key).consistency(Consistency.STRONG).execute();
            assertTrue(backend.backendServedBy().contains(strong.servedBy()), "strong bypasses the cache: " + strong.servedBy());
            assertEquals(1.0, strong.consumedCapacity().readUnits(), 1e-9);
        }
    }

    @ConformanceTest
    void strongReadsRefreshAndFailedConditionsAndDeletesInvalidate(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.plainTable();
            Table cachedTable = cached(f).table(table);
            Table other = f.client().table(table);
            Key key = Key.of("id", "a");
            cachedTable.put(Item.of("id", "a", "n", 1)).execute();
            other.put(Item.of("id", "a", "n", 2)).execute(); // behind the cache's back
            assertEquals(1, cachedTable.get(key).consistency(Consistency.EVENTUAL).execute().item().orElseThrow().getInt("n"),
                    "eventual may serve the cached value");
            assertEquals(2, cachedTable.get(key).consistency(Consistency.STRONG).execute().item().orElseThrow().getInt("n"));
            GetResult refreshed = cachedTable.get(key).consistency(Consistency.EVENTUAL).execute();
            assertEquals(ServedBy.CACHE, refreshed.servedBy());
            assertEquals(2, refreshed.item().orElseThrow().getInt("n"), "the strong read refreshed the cache");

            other.put(Item.of("id", "a", "n", 3)).execute();
            assertThrows(ConditionFailedException.class,
                    () -> cachedTable.put(Item.of("id", "a", "n", 4)).condition("n = :two").value(":two", 2).execute());
            GetResult afterFailure = cachedTable.get(key).consistency(Consistency.STRONG).execute();
            assertEquals(3, afterFailure.item().orElseThrow().getInt("n"));

            cachedTable.delete(key).execute();
            GetResult gone = cachedTable.get(key).consistency(Consistency.EVENTUAL).execute();
            assertFalse(gone.exists());
        }
    }

    @ConformanceTest
    void queryCacheHitsUntilTheSamePartitionKeyIsWritten(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = cached(f).table(f.plainTable());
            t.put(Item.of("id", "a", "n", 1)).execute();
            QueryRequest.Builder q = t.query().keyCondition("id = :id").value(":id", "a").consistency(Consistency.EVENTUAL);
            Page first = waitForItems(q);
            assertTrue(f.under.backendServedBy().contains(first.servedBy()), first.servedBy().toString());
            Page hit = q.execute();
            assertEquals(ServedBy.CACHE, hit.servedBy());
            assertTrue(hit.consumedCapacity().isZero());
            assertEquals(first.items(), hit.items());
            t.update(Key.of("id", "a")).expression("SET n = :n").value(":n", 2).execute();
            assertFalse(q.execute().servedBy() == ServedBy.CACHE, "a write to the partition key drops the cached query");
        }
    }

    /** The first eventual query may run before a lagging replica has the item; retry (bounded) until it does. */
    private static Page waitForItems(QueryRequest.Builder q) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Page p;
        do {
            p = q.execute();
        } while (p.items().isEmpty() && System.nanoTime() < deadline);
        assertEquals(1, p.items().size());
        return p;
    }
}
