package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.OutcomeUnknownException;
import io.ddbc.api.Table;
import io.ddbc.api.ValidationException;
import io.ddbc.embedded.EmbeddedControl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/**
 * Unknown outcomes produced by the embedded engine's lose-the-answer fault ({@link EmbeddedControl#loseWriteResponses}):
 * applied once, acknowledged when ddbc can prove it, never applied twice.
 */
class UnknownOutcomeTest {
    private static final Key COUNTER = Key.of("id", "c");

    @Test
    void mutateUnderLostAnswersCountsExactly() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            DdbcClient client = f.client(Ddbc.builder().meterRegistry(registry));
            Table t = client.table(EmbeddedFixture.COUNTERS);
            t.put(Item.of("id", "c", "n", 0)).execute();
            EmbeddedControl control = client.unwrap(EmbeddedControl.class);
            control.loseWriteResponses(0.3, EmbeddedFixture.seed());
            int acked = 0;
            for (int i = 0; i < 200; i++) {
                t.mutate(COUNTER, item -> item.with("n", item.getLong("n") + 1));
                acked++;
            }
            control.loseWriteResponses(0, 0);
            long lost = control.lostWriteResponses();
            assertTrue(lost > 30, "the fault fired: " + lost);
            Item now = t.get(COUNTER).consistency(Consistency.STRONG).execute().item().orElseThrow();
            assertEquals(acked, now.getLong("n"), "every acknowledged increment applied exactly once (" + lost + " answers lost)");
            assertEquals(acked + 1, now.getLong("version"));
            assertFalse(now.has("ddbc_w"));
            double applied = registry.get("ddbc.writes.unknown_outcome").tag("resolution", "applied").counter().count();
            assertEquals(lost, (long) applied, "each lost answer resolved as applied by its marker");
        }
    }

    @Test
    void unversionedArithmeticIsNeverAppliedTwice() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            DdbcClient client = f.client();
            Table t = client.table(EmbeddedFixture.NOTES);
            t.put(Item.of("id", "c", "n", 0)).execute();
            EmbeddedControl control = client.unwrap(EmbeddedControl.class);
            control.loseWriteResponses(0.25, EmbeddedFixture.seed());
            int acked = 0;
            int unknown = 0;
            for (int i = 0; i < 200; i++) {
                try {
                    t.update(COUNTER).expression("SET n = n + :one").condition("attribute_exists(id)").value(":one", 1).execute();
                    acked++;
                } catch (OutcomeUnknownException e) {
                    unknown++;
                }
            }
            control.loseWriteResponses(0, 0);
            long n = t.get(COUNTER).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("n");
            assertTrue(unknown > 20, "the fault fired: " + unknown);
            // This fault only loses answers of applied writes, so here every unknown outcome was in fact applied once.
            assertEquals(acked + unknown, n, "applied once each, never twice (acked " + acked + ", unknown " + unknown + ")");
        }
    }

    @Test
    void theFaultCountsAndValidates() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            DdbcClient client = f.client();
            EmbeddedControl control = client.unwrap(EmbeddedControl.class);
            assertThrows(ValidationException.class, () -> control.loseWriteResponses(-1));
            assertThrows(ValidationException.class, () -> control.loseWriteResponses(1.5, 1));
            control.loseWriteResponses(2);
            Table t = client.table(EmbeddedFixture.NOTES);
            t.put(Item.of("id", "a")).execute();   // idempotent: retried through both losses
            assertEquals(2, control.lostWriteResponses());
            control.loseWriteResponses(1);
            control.loseWriteResponses(0);          // cancels what is pending
            t.put(Item.of("id", "b")).execute();
            assertEquals(2, control.lostWriteResponses());
        }
    }

    @Test
    void aFreshSessionsMutateOnALaggingEngineNeverSeesAnExistingItemAsAbsent() {
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            DdbcClient writer = f.client();
            DdbcClient other = f.client();
            for (int i = 0; i < 50; i++) {
                writer.table(EmbeddedFixture.COUNTERS).put(Item.of("id", "k" + i, "n", 1)).execute();
                // Right after the write, one follower may not have it yet: without a read that cannot miss the item,
                // getLong fails on an "absent" item.
                other.newSession().table(EmbeddedFixture.COUNTERS).mutate(Key.of("id", "k" + i), item -> item.with("n", item.getLong("n") + 1));
            }
            for (int i = 0; i < 50; i++) {
                assertEquals(2, writer.table(EmbeddedFixture.COUNTERS).get(Key.of("id", "k" + i)).consistency(Consistency.STRONG).execute()
                        .item().orElseThrow().getLong("n"));
            }
        }
    }
}
