package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.*;

import io.ddbc.api.*;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.*;
import org.junit.jupiter.api.Test;

/** Optimistic concurrency on the real embedded engine. */
class MutateConcurrencyTest {
    static final Key COUNTER = Key.of("id", "hits");

    @Test
    void concurrentMutateFromManyThreadsLosesNoUpdate() throws Exception {
        int threads = 8;
        int each = 25;
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            DdbcClient client = f.client();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                CountDownLatch start = new CountDownLatch(1);
                for (int t = 0; t < threads; t++) {
                    DdbcSession s = client.newSession();
                    done.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < each; i++) {
                            s.table(EmbeddedFixture.COUNTERS).mutate(COUNTER,
                                    item -> item.with("n", item.has("n") ? item.getLong("n") + 1 : 1));
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> d : done) d.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            GetResult r = client.table(EmbeddedFixture.COUNTERS).get(COUNTER).consistency(Consistency.STRONG).execute();
            assertEquals(threads * each, r.item().orElseThrow().getLong("n"));
            assertEquals(threads * each, r.version().getAsLong(), "every successful write bumped the version once");
        }
    }

    @Test
    void versionConflictCarriesTheCurrentItemAndPutIfAbsentIsIdempotent() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            Table t = f.client().table(EmbeddedFixture.COUNTERS);
            WriteResult first = t.putIfAbsent(Item.of("id", "x", "n", 1)).execute();
            assertEquals(1, first.version().getAsLong());
            ConditionFailedException again = assertThrows(ConditionFailedException.class,
                    () -> t.putIfAbsent(Item.of("id", "x", "n", 2)).execute());
            assertEquals(1, again.currentItem().orElseThrow().getLong("n"));
            WriteResult second = t.update(Key.of("id", "x")).expression("SET n = :n").value(":n", 5).expectVersion(1).execute();
            assertEquals(2, second.version().getAsLong());
            VersionConflictException c = assertThrows(VersionConflictException.class,
                    () -> t.update(Key.of("id", "x")).expression("SET n = :n").value(":n", 6).expectVersion(1).execute());
            assertEquals(2, c.actualVersion().getAsLong());
            assertEquals(5, c.currentItem().orElseThrow().getLong("n"));
            assertThrows(VersionConflictException.class, () -> t.delete(Key.of("id", "x")).expectVersion(1).execute());
            t.delete(Key.of("id", "x")).expectVersion(2).execute();
            assertFalse(t.get(Key.of("id", "x")).consistency(Consistency.STRONG).execute().exists());
        }
    }

    @Test
    void transactionVersionConflictsAreReportedPerAction() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            DdbcClient c = f.client();
            c.table(EmbeddedFixture.COUNTERS).put(Item.of("id", "a", "n", 1)).execute();
            TransactWriteResult ok = c.transactWrite()
                    .update(UpdateRequest.builder(EmbeddedFixture.COUNTERS, Key.of("id", "a")).expression("SET n = :n").value(":n", 2)
                            .expectVersion(1).build())
                    .put(PutRequest.builder(EmbeddedFixture.COUNTERS, Item.of("id", "b")).build()).execute();
            assertEquals(2, ok.versions().get(0).getAsLong());
            assertEquals(1, ok.versions().get(1).getAsLong());
            VersionConflictException e = assertThrows(VersionConflictException.class, () -> c.transactWrite()
                    .conditionCheck(ConditionCheck.version(EmbeddedFixture.COUNTERS, Key.of("id", "a"), 1))
                    .put(PutRequest.builder(EmbeddedFixture.COUNTERS, Item.of("id", "c")).build()).execute());
            assertEquals(2, e.actualVersion().getAsLong());
        }
    }
}
