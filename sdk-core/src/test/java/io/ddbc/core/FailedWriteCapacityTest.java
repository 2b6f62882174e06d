package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.ConditionCheck;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Expressions;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.api.TransactionCanceledException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * A refused conditional write is billed by DynamoDB like a write; the exception reports what it cost and the
 * client's {@code ddbc.capacity.write} meter counts it, so dashboards do not under-count contended tables.
 */
class FailedWriteCapacityTest {

    private static double writeUnits(SimpleMeterRegistry registry) {
        double total = 0;
        for (Counter c : registry.find("ddbc.capacity.write").counters()) total += c.count();
        return total;
    }

    @Test
    void aFailedConditionReportsAndMetersItsCapacity() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DdbcClient client = Ddbc.builder().url("ddbc:embedded:mem?time=virtual&seed=5").meterRegistry(registry).build()) {
            client.createTable(TableSpec.builder("cw_t").partitionKey("id", AttributeValue.Type.S).build());
            client.table("cw_t").put(Item.of("id", "a", "n", 1)).execute();
            double before = writeUnits(registry);
            assertEquals(1.0, before, "the put of a small item: 1 WCU");

            ConditionFailedException e = assertThrows(ConditionFailedException.class,
                    () -> client.table("cw_t").put(Item.of("id", "a", "n", 2)).condition("attribute_not_exists(id)").execute());
            assertNotNull(e.consumedCapacity().orElse(null), "the embedded engine always knows what a refusal cost");
            assertEquals(1.0, e.consumedCapacity().get().writeUnits(), "a refused write of a small item: 1 WCU");
            assertEquals(before + 1.0, writeUnits(registry), "the refusal is counted by ddbc.capacity.write");
        }
    }

    @Test
    void aCancelledTransactionReportsAndMetersItsCapacity() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DdbcClient client = Ddbc.builder().url("ddbc:embedded:mem?time=virtual&seed=5").meterRegistry(registry).build()) {
            client.createTable(TableSpec.builder("ct_t").partitionKey("id", AttributeValue.Type.S).build());
            double before = writeUnits(registry);
            TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> client.transactWrite()
                    .put("ct_t", Item.of("id", "b"))
                    .conditionCheck(ConditionCheck.of("ct_t", Key.of("id", "missing"), "attribute_exists(id)", Expressions.NONE))
                    .execute());
            double charged = e.consumedCapacity().orElseThrow().writeUnits();
            assertEquals(4.0, charged, "two actions on small items, each 2 WCU as a transactional write");
            assertEquals(before + charged, writeUnits(registry), "the cancelled transaction is counted by ddbc.capacity.write");
        }
    }
}
