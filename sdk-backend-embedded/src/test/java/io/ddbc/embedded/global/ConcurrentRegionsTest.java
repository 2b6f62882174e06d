package io.ddbc.embedded.global;

import static io.ddbc.embedded.global.Global.ACCOUNTS;
import static io.ddbc.embedded.global.Global.EU;
import static io.ddbc.embedded.global.Global.US;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Positions;
import io.ddbc.api.PutRequest;
import io.ddbc.api.StaleReadException;
import io.ddbc.embedded.EmbeddedBackend;
import io.ddbc.spi.MetricsSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Real time, many threads writing the same keys in two regions: the regions converge and nothing throws in delivery. */
class ConcurrentRegionsTest {

    @Test
    void concurrentWritersInTwoRegionsConvergeOnRealTime() throws Exception {
        try (EmbeddedBackend us = Global.withAccounts((EmbeddedBackend) Global.open(
                "ddbc:embedded:mem?regions=us-east-1,eu-west-1&regionLagMs=2&regionLagSpikeProbability=0&lagMs=1&gsiLagMs=1"))) {
            EmbeddedBackend eu = us.region(EU);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                EmbeddedBackend region = t % 2 == 0 ? us : eu;
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        region.put(PutRequest.builder(ACCOUNTS, Item.of("id", "k" + (i % 10), "t", thread, "i", i, "ownerId", "o" + i % 3))
                                .build());
                    }
                }));
            }
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            us.settle();
            for (int k = 0; k < 10; k++) assertEquals(Global.strong(us, "k" + k), Global.strong(eu, "k" + k), "k" + k);
            assertEquals(0, us.stats().deliveryFailures());
            assertEquals(0, eu.stats().crossRegionPending());
            assertEquals(0, us.stats().crossRegionPending());
            assertTrue(eu.stats().replicatedWrites() + us.stats().replicatedWrites() > 0);
        }
    }

    @Test
    void aFloorRequirementCoversThePartitionsOfOtherRegions() {
        try (EmbeddedBackend us = Global.twoRegions(31, "")) {
            EmbeddedBackend eu = us.region(EU);
            Positions folded = Global.put(us, Item.of("id", "alice")).positions().capped(0);
            assertTrue(folded.asHashedMap().isEmpty() && folded.floor() > 0, "a token that kept only a floor");
            GetRequest read = GetRequest.builder(ACCOUNTS, Global.key("alice")).minPositions(folded).build();
            StaleReadException e = assertThrows(StaleReadException.class, () -> eu.get(read));
            assertTrue(e.getMessage().contains(US), e.getMessage());
            us.settle();
            assertTrue(eu.get(read).item().isPresent());
        }
    }

    @Test
    void metricsCarryTheRegion() {
        Map<String, Supplier<Number>> gauges = new ConcurrentHashMap<>();
        try (EmbeddedBackend us = Global.twoRegions(32, "")) {
            us.bindMetrics(new MetricsSink() {
                @Override
                public void gauge(String name, Map<String, String> tags, Supplier<Number> value) {
                    gauges.put(name + new java.util.TreeMap<>(tags), value);
                }

                @Override
                public void count(String name, Map<String, String> tags, double amount) {
                }
            });
            Global.put(us, Item.of("id", "alice"));
            assertEquals(1, gauges.get("ddbc.embedded.region.pending{region=eu-west-1}").get().intValue());
            assertEquals(0, gauges.get("ddbc.embedded.region.pending{region=us-east-1}").get().intValue());
            assertTrue(gauges.containsKey("ddbc.embedded.replication.lag{az=az-b, region=eu-west-1}"), gauges.keySet().toString());
            us.settle();
            assertEquals(0, gauges.get("ddbc.embedded.region.pending{region=eu-west-1}").get().intValue());
        }
    }
}
