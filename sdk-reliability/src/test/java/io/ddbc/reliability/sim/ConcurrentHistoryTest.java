package io.ddbc.reliability.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.OutcomeUnknownException;
import io.ddbc.api.TableSpec;
import io.ddbc.api.ThrottlingException;
import io.ddbc.core.CacheSpec;
import io.ddbc.core.Ddbc;
import io.ddbc.core.RetryPolicy;
import io.ddbc.embedded.EmbeddedControl;
import io.ddbc.reliability.sim.RegisterChecker.Call;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Real concurrency, unlike the single-threaded simulation: threads over two clients (one with the
 * write-through cache) overlap puts, deletes and strong gets (half of them through {@code executeAsync}) on a
 * few items of an embedded engine on real time that loses some write answers. Each item's history is then
 * checked for linearizability by a search for a legal order of the overlapping operations
 * ({@link RegisterChecker}), not against "the last acknowledged write"; a write whose answer was lost may
 * have taken effect or not. After settling, every replica must hold exactly the same items.
 * {@code -Dddbc.sim.concurrentRounds=N} runs more rounds (default 6).
 */
class ConcurrentHistoryTest {
    private static final int THREADS = 4;
    private static final int OPS_PER_THREAD = 14;
    private static final int KEYS = 3;

    @Test
    void overlappingStrongReadsAndWritesAreLinearizablePerItem() throws Exception {
        int rounds = Integer.getInteger("ddbc.sim.concurrentRounds", 6);
        Map<String, Integer> totals = new TreeMap<>();
        for (int round = 1; round <= rounds; round++) round(round, totals);
        System.out.println("concurrent histories: " + rounds + " rounds; " + totals);
        assertTrue(totals.getOrDefault("unknown writes", 0) > 0 && totals.getOrDefault("strong reads", 0) > 0
                && totals.getOrDefault("acked writes", 0) > 0, "the rounds must overlap reads, writes and lost answers: " + totals);
    }

    private void round(long seed, Map<String, Integer> totals) throws Exception {
        io.ddbc.spi.DdbcUrl url = io.ddbc.spi.DdbcUrl.parse("ddbc:embedded:mem?partitions=2&seed=" + seed);
        io.ddbc.spi.Backend backend = io.ddbc.spi.BackendProviders.find(url, getClass().getClassLoader()).open(url, new java.util.Properties());
        EmbeddedControl control = backend.unwrap(EmbeddedControl.class);
        try (backend;
             DdbcClient plain = Ddbc.builder().backend(backend).retry(RetryPolicy.exponential(2, Duration.ZERO)).build();
             DdbcClient cached = Ddbc.builder().backend(backend).cache(CacheSpec.writeThrough())
                     .retry(RetryPolicy.exponential(2, Duration.ZERO)).build()) {
            plain.createTable(TableSpec.builder("reg").partitionKey("id", AttributeValue.Type.S).build());
            {
                DdbcClient[] clients = {plain, cached};
                control.loseWriteResponses(0.15, seed);
                Map<Integer, List<Call>> history = new ConcurrentHashMap<>();
                for (int k = 0; k < KEYS; k++) history.put(k, java.util.Collections.synchronizedList(new ArrayList<>()));
                AtomicInteger unknown = new AtomicInteger();
                AtomicInteger acked = new AtomicInteger();
                AtomicInteger reads = new AtomicInteger();
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Thread> threads = new ArrayList<>();
                List<Throwable> crashes = java.util.Collections.synchronizedList(new ArrayList<>());
                for (int t = 0; t < THREADS; t++) {
                    int me = t;
                    Thread th = new Thread(() -> {
                        Random rnd = new Random(seed * 31 + me);
                        try {
                            start.await();
                            for (int i = 0; i < OPS_PER_THREAD; i++) {
                                DdbcClient c = clients[rnd.nextInt(2)];
                                int k = rnd.nextInt(KEYS);
                                boolean async = rnd.nextBoolean();
                                int what = rnd.nextInt(20);
                                String value = "t" + me + "-" + i;
                                long invoked = System.nanoTime();
                                if (what < 12) {
                                    String v = what < 10 ? value : null;
                                    try {
                                        if (v != null) {
                                            var b = c.table("reg").put(Item.of("id", "r" + k, "w", v));
                                            if (async) b.executeAsync().join(); else b.execute();
                                        } else {
                                            var b = c.table("reg").delete(Key.of("id", "r" + k));
                                            if (async) b.executeAsync().join(); else b.execute();
                                        }
                                        history.get(k).add(new Call(true, v, invoked, System.nanoTime()));
                                        acked.incrementAndGet();
                                    } catch (RuntimeException e) {
                                        if (!outcomeUnknown(e)) throw e;
                                        history.get(k).add(new Call(true, v, invoked, Long.MAX_VALUE));
                                        unknown.incrementAndGet();
                                    }
                                } else {
                                    try {
                                        var b = c.table("reg").get(Key.of("id", "r" + k)).consistency(Consistency.STRONG);
                                        var r = async ? b.executeAsync().join() : b.execute();
                                        history.get(k).add(new Call(false, r.item().map(it -> it.getString("w")).orElse(null), invoked,
                                                System.nanoTime()));
                                        reads.incrementAndGet();
                                    } catch (RuntimeException e) {
                                        if (!outcomeUnknown(e)) throw e; // a failed read tells nothing
                                    }
                                }
                            }
                        } catch (Throwable e) {
                            crashes.add(e);
                        }
                    }, "history-" + me);
                    threads.add(th);
                    th.start();
                }
                for (Thread th : threads) th.join();
                assertTrue(crashes.isEmpty(), "seed " + seed + ": unexpected exceptions " + crashes);
                control.loseWriteResponses(0, seed);
                for (var e : history.entrySet()) {
                    List<Call> calls = new ArrayList<>(e.getValue());
                    assertTrue(RegisterChecker.linearizable(calls, null),
                            "seed " + seed + ": no legal order of the operations on r" + e.getKey() + " explains their results: " + calls);
                }
                control.settle();
                List<List<Item>> a = control.replicaItems("reg", "az-a");
                assertEquals(a, control.replicaItems("reg", "az-b"), "seed " + seed + ": replicas az-a and az-b differ after settle");
                assertEquals(a, control.replicaItems("reg", "az-c"), "seed " + seed + ": replicas az-a and az-c differ after settle");
                totals.merge("unknown writes", unknown.get(), Integer::sum);
                totals.merge("acked writes", acked.get(), Integer::sum);
                totals.merge("strong reads", reads.get(), Integer::sum);
            }
        }
    }

    /** A failure after which the write may or may not have been applied (or, for a read, that tells nothing). */
    private static boolean outcomeUnknown(Throwable e) {
        Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return c instanceof BackendUnavailableException || c instanceof OutcomeUnknownException || c instanceof ThrottlingException;
    }

    // ---------------------------------------------------------------------- the checker on known histories

    @Test
    void checkerRejectsAStaleReadAfterAnAnsweredWrite() {
        // w(a) answered at 10; a read invoked at 20 returns the initial absence: no legal order.
        assertFalse(RegisterChecker.linearizable(List.of(new Call(true, "a", 0, 10), new Call(false, null, 20, 30)), null));
    }

    @Test
    void checkerAcceptsEitherValueForAReadOverlappingAWrite() {
        assertTrue(RegisterChecker.linearizable(List.of(new Call(true, "a", 0, 30), new Call(false, null, 10, 20)), null));
        assertTrue(RegisterChecker.linearizable(List.of(new Call(true, "a", 0, 30), new Call(false, "a", 10, 20)), null));
    }

    @Test
    void checkerLetsAnUnknownWriteTakeEffectLaterOrNever() {
        Call lost = new Call(true, "b", 0, Long.MAX_VALUE);
        assertTrue(RegisterChecker.linearizable(List.of(lost, new Call(false, null, 10, 20)), null), "never");
        assertTrue(RegisterChecker.linearizable(List.of(lost, new Call(false, null, 10, 20), new Call(false, "b", 30, 40)), null), "later");
        // once seen it cannot be undone: absent after b was read is not explained by anything
        assertFalse(RegisterChecker.linearizable(List.of(lost, new Call(false, "b", 10, 20), new Call(false, null, 30, 40)), null));
    }

    @Test
    void checkerRejectsReadingAWriteBeforeItWasInvoked() {
        assertFalse(RegisterChecker.linearizable(List.of(new Call(false, "a", 0, 10), new Call(true, "a", 20, 30)), null));
    }

    @Test
    void checkerRejectsTwoReadsDisagreeingWithAnyOneOrder() {
        // a then b written one after the other; a later read of a after a read of b is not linearizable.
        assertFalse(RegisterChecker.linearizable(List.of(new Call(true, "a", 0, 10), new Call(true, "b", 20, 30),
                new Call(false, "b", 40, 50), new Call(false, "a", 60, 70)), null));
    }
}
