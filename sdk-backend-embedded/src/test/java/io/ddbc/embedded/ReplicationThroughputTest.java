package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TableSpec;
import org.junit.jupiter.api.Test;

/**
 * Measures issue 5's throughput target — three replicas (real time, default lag) against the single node on
 * single-item PutItem and GetItem (eventual) — and prints it; it asserts correctness only, never timing. Both are measured in this run, single thread,
 * small items, windows interleaved (best of three per configuration, to ride out a shared machine's noise).
 * Figures go to BENCHMARKS.md ("Embedded replication (issue 5)"); reproduce with
 * {@code mvn -B -q -pl sdk-backend-embedded -am verify -Dtest=ReplicationThroughputTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReplicationThroughputTest {
    private static final int KEYS = 10_000;
    private static final long WINDOW_NANOS = 300_000_000L;

    private static EmbeddedBackend open(int replicas) {
        EmbeddedBackend b = Replicated.open("ddbc:embedded:mem?replicas=" + replicas + "&seed=11");
        b.createTable(new CreateTableRequest(TableSpec.builder("bench").partitionKey("id", AttributeValue.Type.S).build()));
        return b;
    }

    private static PutRequest[] puts() {
        PutRequest[] p = new PutRequest[KEYS];
        for (int i = 0; i < KEYS; i++) p[i] = PutRequest.builder("bench", Item.of("id", "k" + i, "name", "user" + i, "balance", i, "ok", true)).build();
        return p;
    }

    private static GetRequest[] gets() {
        GetRequest[] g = new GetRequest[KEYS];
        for (int i = 0; i < KEYS; i++) g[i] = GetRequest.builder("bench", Key.of("id", "k" + i)).consistency(Consistency.EVENTUAL).build();
        return g;
    }

    private static double putRate(EmbeddedBackend b, PutRequest[] puts) {
        long n = 0;
        long start = System.nanoTime();
        long end = start + WINDOW_NANOS;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) b.put(puts[(int) (n++ % KEYS)]);
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static double getRate(EmbeddedBackend b, GetRequest[] gets) {
        long n = 0;
        long found = 0;
        long start = System.nanoTime();
        long end = start + WINDOW_NANOS;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) if (b.get(gets[(int) (n++ % KEYS)]).item().isPresent()) found++;
        }
        assertEquals(n, found, "every key was written before the timed gets");
        return n / ((System.nanoTime() - start) / 1e9);
    }

    @Test
    void measuresThreeReplicasAgainstTheSingleNode() {
        PutRequest[] puts = puts();
        GetRequest[] gets = gets();
        double[] put = new double[2];
        double[] get = new double[2];
        try (EmbeddedBackend single = open(1); EmbeddedBackend three = open(3)) {
            EmbeddedBackend[] engines = {single, three};
            for (EmbeddedBackend e : engines) {
                for (PutRequest p : puts) e.put(p);
                putRate(e, puts);   // warm-up
                getRate(e, gets);
            }
            // On a shared machine a window can lose its core to another process: measure interleaved rounds
            // and keep each configuration's best.
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 2; i++) {
                    put[i] = Math.max(put[i], putRate(engines[i], puts));
                    get[i] = Math.max(get[i], getRate(engines[i], gets));
                }
            }
        }
        System.out.printf("ReplicationThroughputTest: PutItem replicas=1 %,.0f/s replicas=3 %,.0f/s (%.0f%%); "
                        + "GetItem eventual replicas=1 %,.0f/s replicas=3 %,.0f/s (%.0f%%)%n",
                put[0], put[1], 100 * put[1] / put[0], get[0], get[1], 100 * get[1] / get[0]);
        // No timing assertion: CI machines are shared, so a ratio asserted here would fail for reasons that are
        // not the code's. The target (>= 50%) is tracked in BENCHMARKS.md; this test checks the timed reads found
        // every item and prints the figures.
        assertTrue(put[0] > 0 && put[1] > 0 && get[0] > 0 && get[1] > 0, "every configuration was measured");
    }
}
