package io.ddbc.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Billing;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.embedded.EmbeddedControl;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DdbcTest(seed = 3, lagMs = 100)
@DdbcTable(name = "accounts", partitionKey = "id", versionAttribute = "version")
@DdbcTable(name = "orders", partitionKey = "customer", sortKey = "n", sortKeyType = AttributeValue.Type.N,
        readCapacity = 5, writeCapacity = 7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DdbcExtensionTest {
    private static final Key ALICE = Key.of("id", "alice");

    @BeforeEach
    void seedAlice(DdbcClient client) {
        client.table("accounts").put(Item.of("id", "alice", "balance", 10)).execute();
    }

    @Test
    @Order(1)
    void tablesComeFromTheAnnotations(DdbcClient client) {
        TableSpec orders = client.describeTable("orders").spec();
        assertEquals("customer", orders.partitionKey().name());
        assertEquals(AttributeValue.Type.N, orders.sortKey().orElseThrow().type());
        assertEquals(Billing.provisioned(5, 7), orders.billing());
        assertEquals("version", client.describeTable("accounts").spec().versionAttribute().orElseThrow());
    }

    @Test
    @Order(2)
    void eachTestGetsAFreshEngineSharedWithItsBeforeEach(DdbcClient client) {
        // the engine of test 1 (or 3) would already hold 'marker'; this one only holds what @BeforeEach wrote
        assertFalse(client.table("accounts").get(Key.of("id", "marker")).consistency(Consistency.STRONG).execute().item().isPresent());
        client.table("accounts").put(Item.of("id", "marker")).execute();
        assertEquals(10, client.table("accounts").get(ALICE).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("balance"));
    }

    @Test
    @Order(3)
    void markerFromTheEarlierTestIsGone(DdbcClient client) {
        assertFalse(client.table("accounts").get(Key.of("id", "marker")).consistency(Consistency.STRONG).execute().item().isPresent());
    }

    @Test
    void controlWrapsTheEngineOfTheInjectedClient(DdbcClient client, TestControl control, EmbeddedControl engine) {
        assertSame(client.unwrap(EmbeddedControl.class), engine);
        assertSame(engine, control.engine());
        assertEquals(3, control.seed());
    }

    @Test
    void lagNextWritesMakesEventualReadsStaleUntilSettle(DdbcClient client, TestControl control) {
        control.settle();
        control.lagNextWrites(Duration.ofSeconds(30));
        client.table("accounts").put(Item.of("id", "alice", "balance", 99)).execute();
        int stale = 0;
        for (int i = 0; i < 40; i++) {
            long seen = client.table("accounts").get(ALICE).execute().item().orElseThrow().getLong("balance");
            if (seen == 10) stale++;
        }
        assertTrue(stale > 0, "40 eventual reads within a 30 s lag spike never hit the lagging follower");
        assertTrue(control.stats().staleReads() >= stale);
        control.settle();
        for (int i = 0; i < 20; i++) {
            assertEquals(99, client.table("accounts").get(ALICE).execute().item().orElseThrow().getLong("balance"), "after settle");
        }
    }

    @Test
    void failoverKeepsAcknowledgedWrites(DdbcClient client, TestControl control) {
        client.table("accounts").put(Item.of("id", "alice", "balance", 42)).execute();
        long before = control.stats().failovers();
        control.failoverLeader("accounts", ALICE);
        assertEquals(before + 1, control.stats().failovers());
        assertEquals(42, client.table("accounts").get(ALICE).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("balance"));
    }

    @Test
    void throttleIsRiddenOutByTheRetryPolicy(DdbcClient client, TestControl control) {
        control.throttle("accounts", Duration.ofMillis(20));
        client.table("accounts").put(Item.of("id", "bob", "balance", 1)).execute();
        assertTrue(control.stats().throttles() > 0, "the write was never throttled");
        assertEquals(1, client.table("accounts").get(Key.of("id", "bob")).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("balance"));
    }
}
