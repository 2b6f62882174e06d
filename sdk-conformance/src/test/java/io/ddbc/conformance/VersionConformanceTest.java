package io.ddbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.api.ConditionCheck;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.Table;
import io.ddbc.api.TransactWriteResult;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.VersionConflictException;
import io.ddbc.api.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** ddbc's managed version attribute through the core client: expectVersion, conflicts, mutate, putIfAbsent. */
class VersionConformanceTest {

    @ConformanceTest
    void expectVersionGuardsUpdatesAndDeletes(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = f.client().table(f.versionedTable());
            Key key = Key.of("id", "x");
            WriteResult first = t.putIfAbsent(Item.of("id", "x", "n", 1)).execute();
            assertEquals(1, first.version().getAsLong());
            WriteResult second = t.update(key).expression("SET n = :n").value(":n", 5).expectVersion(1).execute();
            assertEquals(2, second.version().getAsLong());

            VersionConflictException c = assertThrows(VersionConflictException.class,
                    () -> t.update(key).expression("SET n = :n").value(":n", 6).expectVersion(1).execute());
            assertEquals(1, c.expectedVersion());
            assertEquals(2, c.actualVersion().getAsLong());
            assertEquals(5, c.currentItem().orElseThrow().getLong("n"));
            assertFalse(c.isRetryable());

            assertThrows(VersionConflictException.class, () -> t.delete(key).expectVersion(1).execute());
            assertThrows(VersionConflictException.class, () -> t.put(Item.of("id", "x", "n", 7)).expectVersion(3).execute());
            GetResult kept = t.get(key).consistency(Consistency.STRONG).execute();
            assertEquals(2, kept.version().getAsLong());
            assertEquals(5, kept.item().orElseThrow().getLong("n"));

            t.delete(key).expectVersion(2).execute();
            assertFalse(t.get(key).consistency(Consistency.STRONG).execute().exists());
        }
    }

    @ConformanceTest
    void putIfAbsentCreatesOnce(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = f.client().table(f.versionedTable());
            t.putIfAbsent(Item.of("id", "once", "n", 1)).execute();
            ConditionFailedException again = assertThrows(ConditionFailedException.class,
                    () -> t.putIfAbsent(Item.of("id", "once", "n", 2)).execute());
            assertEquals(1, again.currentItem().orElseThrow().getLong("n"));
            GetResult r = t.get(Key.of("id", "once")).consistency(Consistency.STRONG).execute();
            assertEquals(1, r.item().orElseThrow().getLong("n"));
            assertEquals(1, r.version().getAsLong());
        }
    }

    @ConformanceTest
    void concurrentMutateLosesNoUpdate(BackendUnderTest backend) throws Exception {
        int threads = 4;
        int each = 10;
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            DdbcClient client = f.client();
            Key counter = Key.of("id", "hits");
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Table t = client.newSession().table(table);
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int n = 0; n < each; n++) {
                            t.mutate(counter, item -> item.with("n", item.has("n") ? item.getLong("n") + 1 : 1));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> d : done) d.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
                assertEquals(true, pool.awaitTermination(10, TimeUnit.SECONDS));
            }
            GetResult r = client.table(table).get(counter).consistency(Consistency.STRONG).execute();
            assertEquals(threads * each, r.item().orElseThrow().getLong("n"), "no lost update");
            assertEquals(threads * each, r.version().getAsLong(), "one version per successful write");
        }
    }

    @ConformanceTest
    void transactionsCheckAndBumpVersions(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            DdbcClient c = f.client();
            c.table(table).put(Item.of("id", "a", "n", 1)).execute();
            TransactWriteResult ok = c.transactWrite()
                    .update(UpdateRequest.builder(table, Key.of("id", "a")).expression("SET n = :n").value(":n", 2).expectVersion(1).build())
                    .put(PutRequest.builder(table, Item.of("id", "b")).build()).execute();
            assertEquals(2, ok.versions().get(0).getAsLong());
            assertEquals(1, ok.versions().get(1).getAsLong());

            VersionConflictException e = assertThrows(VersionConflictException.class, () -> c.transactWrite()
                    .conditionCheck(ConditionCheck.version(table, Key.of("id", "a"), 1))
                    .put(PutRequest.builder(table, Item.of("id", "c")).build()).execute());
            assertEquals(2, e.actualVersion().getAsLong());
            assertFalse(c.table(table).get(Key.of("id", "c")).consistency(Consistency.STRONG).execute().exists());
        }
    }
}
