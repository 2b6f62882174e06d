package io.ddbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.TransactionConflictException;
import io.ddbc.api.UpdateRequest;
import io.ddbc.core.CacheSpec;
import io.ddbc.core.Ddbc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One client (three replicas with lag, real time, write-through cache) shared by 8 threads doing every
 * kind of operation at once: the only exceptions are the expected condition failures, and the final state
 * agrees with what was acknowledged (counters, a constant bank total, one winner per claim, each thread's
 * last writes).
 */
class SharedClientTest {
    private static final int THREADS = 8;
    private static final int STEPS = 120;
    private static final int ACCOUNTS = 5;
    private static final long START = 1000;
    private static final long SEED = Long.getLong("ddbc.seed", 20261123L);

    private final AtomicLong[] increments = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
    private final Map<String, Integer> claimWinners = new ConcurrentHashMap<>();
    private final Map<String, Long> lastOwnWrite = new ConcurrentHashMap<>();

    @Test
    void eightThreadsShareOneClient() throws Exception {
        try (DdbcClient client = Ddbc.builder().url("ddbc:embedded:mem?partitions=4").cache(CacheSpec.writeThrough()).build()) {
            client.createTable(TableSpec.builder("own").partitionKey("id", AttributeValue.Type.S).build());
            client.createTable(TableSpec.builder("ctr").partitionKey("id", AttributeValue.Type.S).versionAttribute("ver").build());
            client.createTable(TableSpec.builder("bank").partitionKey("id", AttributeValue.Type.S).build());
            for (int a = 0; a < ACCOUNTS; a++) client.table("bank").put(Item.of("id", "b" + a, "balance", START)).execute();

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    work(client, thread, new Random(SEED * 31 + thread));
                    return null;
                }));
            }
            go.countDown();
            try {
                for (Future<?> f : done) f.get(120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("seed " + SEED + " (-Dddbc.seed): a thread failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
            verify(client);
        }
    }

    private void work(DdbcClient client, int thread, Random rnd) throws Exception {
        DdbcSession session = client.newSession();
        for (int i = 0; i < STEPS; i++) {
            int dice = rnd.nextInt(100);
            String own = "o" + thread + "-" + rnd.nextInt(4);
            if (dice < 20) {
                long v = thread * 10_000L + i;
                session.table("own").put(Item.of("id", own, "v", v)).execute();
                lastOwnWrite.put(own, v);
                long seen = session.table("own").get(Key.of("id", own)).execute().item().orElseThrow().getLong("v");
                assertEquals(v, seen, "read-your-writes of " + own + ", seed " + SEED);
            } else if (dice < 35) {
                int c = rnd.nextInt(3);
                client.table("ctr").mutate(Key.of("id", "c" + c), it -> it.with("n", (it.has("n") ? it.getLong("n") : 0) + 1));
                increments[c].incrementAndGet();
            } else if (dice < 50) {
                transfer(client, rnd);
            } else if (dice < 60) {
                var r = client.transactGet();
                for (int a = 0; a < ACCOUNTS; a++) r.get("bank", Key.of("id", "b" + a));
                long total = r.execute().items().stream().mapToLong(o -> o.orElseThrow().getLong("balance")).sum();
                assertEquals(START * ACCOUNTS, total, "transactGet total, seed " + SEED);
            } else if (dice < 70) {
                String claim = "claim-" + rnd.nextInt(10);
                try {
                    client.table("own").putIfAbsent(Item.of("id", claim, "owner", thread)).execute();
                    Integer before = claimWinners.putIfAbsent(claim, thread);
                    assertEquals(null, before, claim + " won twice, seed " + SEED);
                } catch (ConditionFailedException expected) {
                    assertTrue(expected.currentItem().isPresent(), "the failed claim carries the winner's item");
                }
            } else if (dice < 80) {
                client.batchGet().add("own", Key.of("id", "o" + thread + "-0"), Key.of("id", "o" + thread + "-1"))
                        .consistency(Consistency.EVENTUAL).execute();
                client.table("own").query().keyCondition("id = :k").value(":k", own).consistency(Consistency.STRONG).execute();
            } else if (dice < 90) {
                client.executeAsync(GetRequest.builder("own", Key.of("id", own)).consistency(Consistency.STRONG).build()).get(30, TimeUnit.SECONDS);
            } else {
                client.table("bank").scan().consistency(Consistency.EVENTUAL).limit(2).stream().count();
            }
        }
    }

    private static void transfer(DdbcClient client, Random rnd) {
        int from = rnd.nextInt(ACCOUNTS);
        int to = (from + 1 + rnd.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        long amount = 1 + rnd.nextInt(400);
        try {
            client.transactWrite()
                    .update(UpdateRequest.builder("bank", Key.of("id", "b" + from)).expression("SET balance = balance - :a")
                            .condition("balance >= :a").value(":a", amount).build())
                    .update(UpdateRequest.builder("bank", Key.of("id", "b" + to)).expression("SET balance = balance + :a")
                            .value(":a", amount).build())
                    .execute();
        } catch (TransactionCanceledException | TransactionConflictException expected) {
            // insufficient funds, or a concurrent transaction on the same accounts: nothing applied
        }
    }

    private void verify(DdbcClient client) {
        for (int c = 0; c < 3; c++) {
            long n = client.table("ctr").get(Key.of("id", "c" + c)).consistency(Consistency.STRONG).execute().item()
                    .map(i -> i.getLong("n")).orElse(0L);
            assertEquals(increments[c].get(), n, "counter c" + c + " equals its acknowledged increments (no lost update), seed " + SEED);
        }
        long total = 0;
        for (int a = 0; a < ACCOUNTS; a++) {
            total += client.table("bank").get(Key.of("id", "b" + a)).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("balance");
        }
        assertEquals(START * ACCOUNTS, total, "bank total, seed " + SEED);
        claimWinners.forEach((claim, winner) -> assertEquals(winner, client.table("own").get(Key.of("id", claim))
                .consistency(Consistency.STRONG).execute().item().orElseThrow().getInt("owner"), claim + ", seed " + SEED));
        lastOwnWrite.forEach((key, v) -> assertEquals(v, client.table("own").get(Key.of("id", key)).consistency(Consistency.STRONG)
                .execute().item().orElseThrow().getLong("v"), key + ", seed " + SEED));
        assertTrue(increments[0].get() + increments[1].get() + increments[2].get() > 0 && !claimWinners.isEmpty(), "the workload ran");
    }
}
