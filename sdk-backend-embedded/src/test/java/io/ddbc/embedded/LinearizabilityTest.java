package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Consistency;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.embedded.LinearizabilityChecker.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Strong reads are linearizable per item: concurrent clients on real time with replication lag write unique
 * values and read strongly while leaders fail over underneath; each item's history must be linearizable.
 */
class LinearizabilityTest {
    private static final long SEED = Long.getLong("ddbc.seed", System.nanoTime());
    private static final int CLIENTS = 3;
    private static final int OPS_PER_CLIENT = 12;

    @Test
    void theCheckerRejectsAStaleReadAfterACompletedWrite() {
        List<Op> bad = List.of(new Op(true, 1, 0, 10), new Op(false, LinearizabilityChecker.ABSENT, 20, 30));
        assertFalse(LinearizabilityChecker.linearizable(bad, LinearizabilityChecker.ABSENT));
        List<Op> overlapping = List.of(new Op(true, 1, 0, 30), new Op(false, LinearizabilityChecker.ABSENT, 10, 20),
                new Op(false, 1, 15, 40));
        assertTrue(LinearizabilityChecker.linearizable(overlapping, LinearizabilityChecker.ABSENT));
        List<Op> flipFlop = List.of(new Op(true, 1, 0, 5), new Op(true, 2, 0, 5), new Op(false, 1, 10, 20), new Op(false, 2, 21, 30),
                new Op(false, 1, 31, 40));
        assertFalse(LinearizabilityChecker.linearizable(flipFlop, LinearizabilityChecker.ABSENT), "a value cannot come back");
    }

    @Test
    void strongReadsAreLinearizableUnderConcurrencyLagAndFailovers() throws Exception {
        Random seeds = new Random(SEED);
        try (EmbeddedBackend b = Replicated.open("ddbc:embedded:mem?replicas=3&partitions=2&lagMs=5&seed=" + SEED)) {
            b.createTable(new io.ddbc.api.CreateTableRequest(io.ddbc.api.TableSpec.builder(Replicated.ACCOUNTS)
                    .partitionKey("id", io.ddbc.api.AttributeValue.Type.S).build()));
            for (int round = 0; round < 15; round++) {
                String id = "item" + round;
                List<List<Op>> perClient = runRound(b, id, seeds.nextLong());
                List<Op> history = new ArrayList<>();
                perClient.forEach(history::addAll);
                assertEquals(CLIENTS * OPS_PER_CLIENT, history.size());
                assertTrue(LinearizabilityChecker.linearizable(history, LinearizabilityChecker.ABSENT),
                        "history of " + id + " is not linearizable, seed " + SEED + ": " + history);
            }
            assertTrue(b.stats().failovers() > 0, "leaders failed over during the run, seed " + SEED);
        }
    }

    private static List<List<Op>> runRound(EmbeddedBackend b, String id, long seed) throws InterruptedException {
        List<List<Op>> perClient = Collections.synchronizedList(new ArrayList<>());
        AtomicLong nextValue = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random rnd = new Random(seed + c);
            threads.add(new Thread(() -> {
                List<Op> mine = new ArrayList<>();
                try {
                    start.await();
                    for (int i = 0; i < OPS_PER_CLIENT; i++) {
                        if (rnd.nextInt(3) == 0) {
                            long v = nextValue.incrementAndGet();
                            long t0 = System.nanoTime();
                            b.put(PutRequest.builder(Replicated.ACCOUNTS, Item.of("id", id, "balance", v)).build());
                            mine.add(new Op(true, v, t0, System.nanoTime()));
                        } else {
                            long t0 = System.nanoTime();
                            Long seen = Replicated.balance(Replicated.read(b, id, Consistency.STRONG));
                            mine.add(new Op(false, seen == null ? LinearizabilityChecker.ABSENT : seen, t0, System.nanoTime()));
                        }
                        if (rnd.nextInt(4) == 0) Thread.onSpinWait();
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
                perClient.add(mine);
            }));
        }
        Thread chaos = new Thread(() -> {
            try {
                start.await();
                for (int i = 0; i < 3; i++) {
                    b.failoverLeader(Replicated.ACCOUNTS, Key.of("id", id));
                    Thread.sleep(0, 200_000);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        threads.add(chaos);
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) t.join(30_000);
        if (failure.get() != null) throw new AssertionError("seed " + SEED, failure.get());
        return perClient;
    }
}
