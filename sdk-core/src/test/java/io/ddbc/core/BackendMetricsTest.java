package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The backend's own meters reach the registry the application gave the client. */
class BackendMetricsTest {

    @Test
    void embeddedReplicationMetersAreRegisteredOnTheClientsRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DdbcClient client = Ddbc.builder().url("ddbc:embedded:mem?time=virtual&seed=3&lagMs=50")
                .meterRegistry(registry).build()) {
            client.createTable(TableSpec.builder("meters").partitionKey("id", AttributeValue.Type.S).build());
            for (int i = 0; i < 300; i++) {
                client.table("meters").put(Item.of("id", "k" + (i % 10), "n", i)).execute();
                client.table("meters").get(Key.of("id", "k" + (i % 10))).consistency(Consistency.EVENTUAL).execute();
            }
            Counter stale = registry.find("ddbc.embedded.stale_reads").counter();
            assertNotNull(stale, "stale-read counter registered: " + registry.getMetersAsString());
            assertTrue(stale.count() > 0, "eventual reads right after writes on a lagging engine are sometimes stale");
            assertNotNull(registry.find("ddbc.embedded.replication.lag").gauge(), registry.getMetersAsString());
        }
    }

    @Test
    void withoutARegistryNothingIsBound() {
        try (DdbcClient client = Ddbc.connect("ddbc:embedded:mem?time=virtual&seed=3")) {
            client.createTable(TableSpec.builder("meters").partitionKey("id", AttributeValue.Type.S).build());
            client.table("meters").put(Item.of("id", "a")).execute();
            assertTrue(client.table("meters").get(Key.of("id", "a")).consistency(Consistency.STRONG).execute().exists());
        }
    }
}
