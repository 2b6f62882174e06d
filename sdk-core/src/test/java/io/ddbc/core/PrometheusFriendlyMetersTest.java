package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The meters scrape well into Prometheus: every meter is described (# HELP), one name always has one set of
 * label keys, reads say where they were served and transactions which tables they touched.
 */
class PrometheusFriendlyMetersTest {

    @Test
    void everyMeterIsDescribedAndEachNameHasOneLabelSet() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DdbcClient client = Ddbc.builder().url("ddbc:embedded:mem?time=virtual&seed=3").meterRegistry(registry)
                .cache(CacheSpec.writeThrough()).build()) {
            client.createTable(TableSpec.builder("accounts").partitionKey("id", AttributeValue.Type.S).versionAttribute("version").build());
            client.createTable(TableSpec.builder("orders").partitionKey("id", AttributeValue.Type.S).build());
            DdbcSession session = client.newSession();
            for (int i = 0; i < 20; i++) {
                session.table("accounts").put(Item.of("id", "a" + i, "balance", i)).execute();
                session.table("accounts").get(Key.of("id", "a" + i)).execute();
                client.table("accounts").get(Key.of("id", "a" + i)).consistency(Consistency.EVENTUAL).execute();
                client.table("accounts").get(Key.of("id", "a" + i)).consistency(Consistency.STRONG).execute();
            }
            client.table("accounts").query().keyCondition("id = :id").value(":id", "a1").stream().count();
            client.transactWrite().put("orders", Item.of("id", "o1")).put("accounts", Item.of("id", "t1", "balance", 1)).execute();
            client.batchGet().add("orders", Key.of("id", "o1")).execute();

            Map<String, Set<String>> labelKeys = new HashMap<>();
            for (Meter m : registry.getMeters()) {
                String name = m.getId().getName();
                assertNotNull(m.getId().getDescription(), "meter without description: " + m.getId());
                assertFalse(m.getId().getDescription().isBlank(), "meter without description: " + m.getId());
                Set<String> keys = m.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toCollection(TreeSet::new));
                Set<String> before = labelKeys.putIfAbsent(name, keys);
                if (before != null) assertEquals(before, keys, "two label sets for " + name);
            }

            java.util.Collection<Meter> reads = registry.find("ddbc.requests").tag("op", "GetItem").meters();
            Set<String> servedBy = reads.stream().map(m -> m.getId().getTag("served_by")).collect(Collectors.toSet());
            assertTrue(servedBy.contains("leader"), "served_by of reads: " + servedBy);
            assertTrue(servedBy.contains("follower") || servedBy.contains("cache"), "served_by of reads: " + servedBy);
            assertEquals("-", registry.find("ddbc.requests").tag("op", "PutItem").meters().iterator().next().getId().getTag("served_by"));
            assertNotNull(registry.find("ddbc.requests").tags("op", "TransactWriteItems", "table", "accounts,orders").timer(),
                    "transaction tagged with its tables: " + registry.find("ddbc.requests").tag("op", "TransactWriteItems").meters());
            assertNotNull(registry.find("ddbc.requests").tags("op", "BatchGetItem", "table", "orders").timer());
        }
    }
}
