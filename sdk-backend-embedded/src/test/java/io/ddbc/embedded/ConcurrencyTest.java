package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.UpdateRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many threads on one backend. Seeded: the seed is in every failure message (override with -Dddbc.seed=N). */
class ConcurrencyTest {
    private static final long SEED = Long.getLong("ddbc.seed", System.nanoTime());
    private final EmbeddedBackend b = Fixture.backendWithTables();

    private static void runAll(int threads, List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> t : tasks) futures.add(pool.submit(t));
            for (Future<Void> f : futures) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void transactionsAreAtomicForTransactionalReaders() throws Exception {
        Key a = Key.of("id", "a");
        Key bKey = Key.of("id", "b");
        b.transactWrite(TransactWriteRequest.builder().put(Fixture.SIMPLE, Item.of("id", "a", "v", 0))
                .put(Fixture.SIMPLE, Item.of("id", "b", "v", 0)).build());
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Random r = new Random(SEED + t);
            boolean writer = t % 2 == 0;
            tasks.add(() -> {
                for (int i = 0; i < 500; i++) {
                    if (writer) {
                        int v = r.nextInt(1_000_000);
                        b.transactWrite(TransactWriteRequest.builder().put(Fixture.SIMPLE, Item.of("id", "a", "v", v))
                                .put(Fixture.SIMPLE, Item.of("id", "b", "v", v)).build());
                    } else {
                        TransactGetResult g = b.transactGet(TransactGetRequest.builder().get(Fixture.SIMPLE, a).get(Fixture.SIMPLE, bKey).build());
                        assertEquals(g.items().get(0).orElseThrow().get("v"), g.items().get(1).orElseThrow().get("v"), "seed " + SEED);
                    }
                }
                return null;
            });
        }
        runAll(4, tasks);
    }

    @Test
    void concurrentPutsGetDistinctPositionsAndAllLand() throws Exception {
        Set<Long> positions = ConcurrentHashMap.newKeySet();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < 1000; i++) {
                    var w = b.put(PutRequest.builder(Fixture.SIMPLE, Item.of("id", thread + "-" + i)).build());
                    positions.addAll(w.positions().asHashedMap().values());
                }
                return null;
            });
        }
        runAll(4, tasks);
        assertEquals(4000, positions.size(), "seed " + SEED);
        assertEquals(4000, b.stats().itemsStored());
        assertEquals(4000, b.stats().lastPosition());
    }

    @Test
    void atomicCountersAndConservedTransfers() throws Exception {
        Key counter = Key.of("id", "counter");
        for (int i = 0; i < 8; i++) Fixture.put(b, Fixture.SIMPLE, Item.of("id", "acct" + i, "balance", 100));
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Random r = new Random(SEED * 31 + t);
            tasks.add(() -> {
                for (int i = 0; i < 300; i++) {
                    b.update(UpdateRequest.builder(Fixture.SIMPLE, counter).expression("ADD n :one").value(":one", 1).build());
                    int from = r.nextInt(8);
                    int to = (from + 1 + r.nextInt(7)) % 8;
                    int amount = 1 + r.nextInt(30);
                    try {
                        b.transactWrite(TransactWriteRequest.builder()
                                .update(UpdateRequest.builder(Fixture.SIMPLE, Key.of("id", "acct" + from)).expression("SET balance = balance - :a")
                                        .condition("balance >= :a").value(":a", amount).build())
                                .update(UpdateRequest.builder(Fixture.SIMPLE, Key.of("id", "acct" + to)).expression("SET balance = balance + :a")
                                        .value(":a", amount).build()).build());
                    } catch (TransactionCanceledException e) {
                        assertTrue(e.reasons().get(0).isConditionFailure(), "seed " + SEED);
                    }
                    try {
                        b.update(UpdateRequest.builder(Fixture.SIMPLE, Key.of("id", "acct" + to)).expression("SET balance = balance - :a")
                                .condition("balance >= :a").value(":a", amount).build());
                        b.update(UpdateRequest.builder(Fixture.SIMPLE, Key.of("id", "acct" + from)).expression("SET balance = balance + :a")
                                .value(":a", amount).build());
                    } catch (ConditionFailedException e) {
                        // not enough money: nothing moved
                    }
                }
                return null;
            });
        }
        runAll(4, tasks);
        assertEquals(1200, Fixture.get(b, Fixture.SIMPLE, counter).getLong("n"), "seed " + SEED);
        long total = 0;
        for (int i = 0; i < 8; i++) {
            long balance = Fixture.get(b, Fixture.SIMPLE, Key.of("id", "acct" + i)).getLong("balance");
            assertTrue(balance >= 0, "seed " + SEED);
            total += balance;
        }
        assertEquals(800, total, "seed " + SEED);
    }
}
