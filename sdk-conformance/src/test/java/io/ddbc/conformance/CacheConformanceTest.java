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
            Table cachedTable = cached(f).newSession().table(table);
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
            // SESSION, not EVENTUAL: after the cache drops the entry, an eventual read may meet a lagging replica.
            GetResult gone = cachedTable.get(key).consistency(Consistency.SESSION).execute();
            assertFalse(gone.exists(), "the delete dropped the cached item");
        }
    }

    @ConformanceTest
    void queryCacheHitsUntilTheSamePartitionKeyIsWritten(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = cached(f).table(f.plainTable());
            t.put(Item.of("id", "a", "n", 1)).execute();
            QueryRequest.Builder q = t.query().keyCondition("id = :id").value(":id", "a").consistency(Consistency.EVENTUAL);
            // Eventual: on lagging replicas the loaded page may not show the put yet; the cache rules hold either way.
            Page loaded = q.execute();
            assertTrue(backend.backendServedBy().contains(loaded.servedBy()), loaded.servedBy().toString());
            assertTrue(loaded.consumedCapacity().readUnits() > 0);
            Page hit = q.execute();
            assertEquals(ServedBy.CACHE, hit.servedBy());
            assertTrue(hit.consumedCapacity().isZero());
            assertEquals(loaded.items(), hit.items());

            t.put(Item.of("id", "b", "n", 1)).execute();
            assertEquals(ServedBy.CACHE, q.execute().servedBy(), "a write to another partition key keeps the cached query");
            t.update(Key.of("id", "a")).expression("SET n = :n").value(":n", 2).execute();
            Page reloaded = q.execute();
            assertTrue(backend.backendServedBy().contains(reloaded.servedBy()), "a write to the partition key drops the cached query");
            assertTrue(reloaded.consumedCapacity().readUnits() > 0);
        }
    }
}
