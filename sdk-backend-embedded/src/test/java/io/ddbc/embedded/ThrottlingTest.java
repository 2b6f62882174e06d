package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Billing;
import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TableSpec;
import io.ddbc.api.ThrottlingException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Provisioned throughput on virtual time (service latency off, so only {@code advance} refills): token
 * buckets hold 300 s of the provisioned rate, refill at that rate, admit while positive, and take what each
 * request consumed.
 */
class ThrottlingTest {
    private final EmbeddedBackend b = Replicated.open("ddbc:embedded:mem?time=virtual&seed=3&serviceLatencyMs=0");

    private void table(String name, Billing billing, IndexSpec gsi) {
        TableSpec.Builder t = TableSpec.builder(name).partitionKey("id", AttributeValue.Type.S).billing(billing);
        if (gsi != null) t.globalIndex(gsi);
        b.createTable(new CreateTableRequest(t.build()));
    }

    /** Puts small (1 WCU) items until throttled; returns how many succeeded. */
    private int putsUntilThrottled(String table, int max) {
        for (int i = 0; i < max; i++) {
            try {
                b.put(PutRequest.builder(table, Item.of("id", "k" + (i % 50), "g", "x")).build());
            } catch (ThrottlingException e) {
                return i;
            }
        }
        return max;
    }

    private int eventualGetsUntilThrottled(String table, Consistency c, int max) {
        for (int i = 0; i < max; i++) {
            try {
                b.get(GetRequest.builder(table, Key.of("id", "k1")).consistency(c).build());
            } catch (ThrottlingException e) {
                return i;
            }
        }
        return max;
    }

    @Test
    void provisionedWritesBurst300SecondsThenRefillAtTheRate() {
        table("ledger", Billing.provisioned(5, 10), null);
        assertEquals(3000, putsUntilThrottled("ledger", 5000), "10 WCU × 300 s of burst credit");
        ThrottlingException e = Fixture.fails(ThrottlingException.class, "table 'ledger'",
                () -> b.put(PutRequest.builder("ledger", Item.of("id", "z")).build()));
        assertTrue(e.isRetryable() && e.getMessage().contains("write capacity") && e.getMessage().contains("ProvisionedThroughputExceeded"),
                e.getMessage());
        b.advance(Duration.ofSeconds(1));
        assertEquals(10, putsUntilThrottled("ledger", 100), "one second refills 10 units");
        b.advance(Duration.ofMillis(500));
        assertEquals(5, putsUntilThrottled("ledger", 100));
        b.advance(Duration.ofSeconds(10_000));
        assertEquals(3000, putsUntilThrottled("ledger", 5000), "credit is capped at 300 s");
        assertEquals(5, b.stats().throttles(), "each of the five refusals counted");
    }

    @Test
    void provisionedReadsChargeHalfForEventualAndOneForStrong() {
        table("ledger", Billing.provisioned(5, 10), null);
        b.put(PutRequest.builder("ledger", Item.of("id", "k1")).build());
        assertEquals(3000, eventualGetsUntilThrottled("ledger", Consistency.EVENTUAL, 5000), "5 RCU × 300 s at ½ unit per read");
        b.advance(Duration.ofSeconds(2));
        assertEquals(10, eventualGetsUntilThrottled("ledger", Consistency.STRONG, 100), "10 units refilled, 1 per strong read");
        Fixture.fails(ThrottlingException.class, "read capacity", () -> b.get(GetRequest.builder("ledger", Key.of("id", "k1")).build()));
    }

    @Test
    void aProvisionedGlobalIndexThrottlesBaseWrites() {
        table("ledger", Billing.provisioned(100, 100),
                IndexSpec.global("by_g").partitionKey("g", AttributeValue.Type.S).throughput(Billing.provisioned(1, 1)).build());
        // Each put of a new item writes one index entry (1 WCU on by_g); overwrites with the same entry write none.
        int ok = 0;
        for (int i = 0; i < 400; i++) {
            try {
                b.put(PutRequest.builder("ledger", Item.of("id", "n" + i, "g", "x")).build());
                ok++;
            } catch (ThrottlingException e) {
                assertTrue(e.getMessage().contains("index 'by_g'"), e.getMessage());
                break;
            }
        }
        assertEquals(300, ok, "1 WCU × 300 s on the index");
    }

    @Test
    void onDemandTablesAreNotThrottledAndStormsAre() {
        table("ledger", Billing.onDemand(), null);
        assertEquals(20_000, putsUntilThrottled("ledger", 20_000));
        b.throttle("ledger", Duration.ofSeconds(2));
        Fixture.fails(ThrottlingException.class, "throttle storm", () -> b.put(PutRequest.builder("ledger", Item.of("id", "z")).build()));
        Fixture.fails(ThrottlingException.class, "table 'ledger'", () -> b.get(GetRequest.builder("ledger", Key.of("id", "z")).build()));
        assertEquals("throttle ledger for 2000ms", b.stats().faults().get(0));
        b.advance(Duration.ofSeconds(2));
        b.put(PutRequest.builder("ledger", Item.of("id", "z")).build());
        assertEquals(2, b.stats().throttles());
    }
}
