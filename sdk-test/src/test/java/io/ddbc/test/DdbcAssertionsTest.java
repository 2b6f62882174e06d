package io.ddbc.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcOperations;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DdbcAssertionsTest {
    /** Writes a counter 20 times and reads it back after each write, through {@code reader} at {@code consistency}. */
    private static SeededScenario readYourWrites(boolean session, Consistency consistency) {
        return (client, control) -> {
            client.createTable(TableSpec.builder("counter").partitionKey("id", AttributeValue.Type.S).build());
            DdbcOperations ops = session ? client.newSession() : client;
            for (int i = 1; i <= 20; i++) {
                ops.table("counter").put(Item.of("id", "k", "n", i)).execute();
                long seen = ops.table("counter").get(Key.of("id", "k")).consistency(consistency).execute().item().map(x -> x.getLong("n")).orElse(0L);
                assertEquals(i, seen, "read after write " + i);
            }
        };
    }

    @Test
    void eventualReadAfterWriteFailsUnderSomeSeedAndTheSeedReplays() {
        SeededScenario naive = readYourWrites(false, Consistency.EVENTUAL);
        SeedFailure failure = assertThrows(SeedFailure.class, () -> DdbcAssertions.assertEventuallyConsistentSafe(30, naive));
        assertInstanceOf(AssertionError.class, failure.getCause());
        assertTrue(failure.seed() >= 1 && failure.seed() <= 30, "seed " + failure.seed());
        AssertionError replay = assertThrows(AssertionError.class, () -> DdbcAssertions.runWithSeed(failure.seed(), naive));
        assertEquals(failure.getCause().getMessage(), replay.getMessage(), "a replay fails exactly as the reported run did");
    }

    @Test
    void sessionReadAfterWritePassesEverySeed() {
        DdbcAssertions.assertEventuallyConsistentSafe(30, readYourWrites(true, Consistency.SESSION));
    }

    @Test
    void eachSeedGetsAFreshEngineWithThatSeed() {
        List<Long> seeds = new CopyOnWriteArrayList<>();
        DdbcAssertions.assertEventuallyConsistentSafe(4, (client, control) -> {
            assertEquals(List.of(), client.listTables());
            client.createTable(TableSpec.builder("fresh").partitionKey("id", AttributeValue.Type.S).build());
            seeds.add(control.seed());
        });
        assertEquals(System.getProperty("ddbc.seed") == null ? List.of(1L, 2L, 3L, 4L) : seeds, seeds);
    }

    @Test
    void aScenarioThatThrowsSomethingElseIsABugNotAnInvariant() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DdbcAssertions.assertEventuallyConsistentSafe(3, (client, control) -> client.table("missing").get(Key.of("id", "x")).execute()));
        assertTrue(e.getMessage().contains("seed 1"), e.getMessage());
    }

    @Test
    void aBadReplaySeedPropertyIsNamed() {
        String previous = System.setProperty("ddbc.seed", "seven");
        try {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DdbcAssertions.assertEventuallyConsistentSafe(3, (DdbcClient c, TestControl t) -> { }));
            assertTrue(e.getMessage().contains("ddbc.seed"), e.getMessage());
        } finally {
            if (previous == null) System.clearProperty("ddbc.seed");
            else System.setProperty("ddbc.seed", previous);
        }
    }

}
