package io.ddbc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.StaleReadException;
import io.ddbc.samples.gsi.UserDirectory;
import io.ddbc.samples.inventory.InventoryService;
import io.ddbc.samples.orders.OrderService;
import io.ddbc.samples.profile.ProfileService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One promise per sample, each on the lagging embedded engine by default. */
class OtherSamplesTest {
    private DdbcClient client;

    @BeforeEach
    void open() {
        client = SampleFixture.connect();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void inventoryNeverOversellsUnderConcurrentBuyers() throws Exception {
        InventoryService inventory = new InventoryService(client);
        inventory.createTable();
        inventory.restock("sku", 40);
        AtomicInteger bought = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) if (inventory.buy("sku", 1)) bought.incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(40, bought.get(), "80 attempts on 40 units");
        assertEquals(0, inventory.stock("sku"));
        assertEquals(40, inventory.sold("sku"));
    }

    @Test
    void ordersConfirmationAndOwnViewShowTheOrderJustPlaced() {
        OrderService orders = new OrderService(client);
        orders.createTable();
        DdbcSession session = client.newSession();
        for (int i = 0; i < 50; i++) {
            String id = String.format("o-%03d", i);
            orders.place(session, "alice", id, 100);
            assertTrue(orders.confirmation("alice", id).isPresent(), "confirmation of " + id);
            assertEquals(i + 1, orders.myOrders(session, "alice").size(), "own orders after " + id);
        }
        assertThrows(ConditionFailedException.class, () -> orders.place(session, "alice", "o-000", 100),
                "a retried order must not be placed twice");
    }

    @Test
    void profileReadWithTheVersionTokenIsNeverOlder() {
        ProfileService profiles = new ProfileService(client);
        profiles.createTable();
        for (int i = 0; i < 50; i++) {
            long token = profiles.rename("u1", "name-" + i);
            var profile = profiles.get("u1", token);
            assertEquals("name-" + i, profile.getString("name"));
            assertTrue(profile.getLong("version") >= token);
        }
        long current = profiles.rename("u1", "last");
        StaleReadException e = assertThrows(StaleReadException.class, () -> profiles.get("u1", current + 5));
        assertEquals(current + 5, e.requiredVersion());
    }

    @Test
    void sessionIndexQueryFindsTheUserJustRegistered() {
        UserDirectory users = new UserDirectory(client);
        users.createTable();
        for (int i = 0; i < 50; i++) {
            DdbcSession session = client.newSession();
            users.register(session, "u" + i, "u" + i + "@example.com");
            assertEquals("u" + i, users.findByEmail(session, "u" + i + "@example.com").orElse(null), "user u" + i);
        }
    }
}
