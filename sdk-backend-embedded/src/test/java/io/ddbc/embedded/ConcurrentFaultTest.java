package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Real time, concurrent writers (each owning its keys) while another thread crashes, isolates, restarts and
 * heals one AZ at a time and fails leaders over: after healing and settling, every key holds its writer's
 * last acknowledged value on every replica.
 */
class ConcurrentFaultTest {
    private static final long SEED = Long.getLong("ddbc.seed", System.nanoTime());
    private static final List<String> AZS = List.of("az-a", "az-b", "az-c");

    @Test
    void acknowledgedWritesSurviveFaultsUnderConcurrency() throws Exception {
        Map<String, Long> acked = new ConcurrentHashMap<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (EmbeddedBackend b = Replicated.open("ddbc:embedded:mem?partitions=4&lagMs=3&seed=" + SEED)) {
            b.createTable(new CreateTableRequest(TableSpec.builder(Replicated.ACCOUNTS).partitionKey("id", AttributeValue.Type.S).build()));
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                threads.add(new Thread(() -> {
                    Random rnd = new Random(SEED + writer);
                    try {
                        for (long v = 1; v <= 3000; v++) {
                            String id = "w" + writer + "-" + rnd.nextInt(20);
                            try {
                                b.put(PutRequest.builder(Replicated.ACCOUNTS, Item.of("id", id, "balance", v)).build());
                                acked.put(id, v);
                            } catch (BackendUnavailableException e) {
                                // Not acknowledged (a fault raced the write); the previous value stays the expected one.
                            }
                        }
                    } catch (Throwable t) {
                        failure.set(t);
                    }
                }));
            }
            Thread chaos = new Thread(() -> {
                Random rnd = new Random(SEED);
                try {
                    while (!stop.get()) {
                        String az = AZS.get(rnd.nextInt(3));
                        boolean crash = rnd.nextBoolean();
                        if (crash) b.crashReplica(az);
                        else b.isolateAz(az);
                        Thread.sleep(rnd.nextInt(5));
                        if (crash) b.restartReplica(az);
                        else b.healAz(az);
                        b.failoverLeader(Replicated.ACCOUNTS, Key.of("id", "w0-" + rnd.nextInt(20)));
                        Thread.sleep(rnd.nextInt(5));
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            threads.forEach(Thread::start);
            chaos.start();
            for (Thread t : threads) t.join(60_000);
            stop.set(true);
            chaos.join(10_000);
            if (failure.get() != null) throw new AssertionError("seed " + SEED, failure.get());
            b.settle();
            for (Map.Entry<String, Long> e : acked.entrySet()) {
                for (int i = 0; i < 15; i++) {
                    Long seen = Replicated.balance(Replicated.read(b, e.getKey(), i == 0 ? Consistency.STRONG : Consistency.EVENTUAL));
                    assertEquals(e.getValue(), seen, "key " + e.getKey() + ", seed " + SEED);
                }
            }
            assertEquals(0, b.stats().deliveryFailures(), "seed " + SEED);
        }
    }
}
