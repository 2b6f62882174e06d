package io.ddbc.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

@DdbcTest
@DdbcTable(name = "tbl", partitionKey = "id")
class RepeatedWithSeedsTest {
    private static final Set<Long> SEEN = new ConcurrentSkipListSet<>();

    @RepeatedWithSeeds(value = 3, firstSeed = 40)
    void eachRunGetsItsSeedAndAFreshEngine(long seed, TestControl control, DdbcClient client) {
        assertEquals(seed, control.seed());
        assertEquals(false, client.table("tbl").get(Key.of("id", "x")).consistency(Consistency.STRONG).execute().item().isPresent());
        client.table("tbl").put(Item.of("id", "x")).execute();
        SEEN.add(seed);
    }

    @AfterAll
    static void allSeedsRan() {
        if (System.getProperty("ddbc.seed") == null) assertEquals(Set.of(40L, 41L, 42L), SEEN);
    }

    @Test
    void aFailingRunIsReportedWithItsSeedAndReplaysAlone() {
        List<Throwable> failures = run(FailsOnSeed7.class);
        assertEquals(1, failures.size(), "exactly the run with seed 7 fails: " + failures);
        SeedFailure failure = assertInstanceOf(SeedFailure.class, failures.get(0));
        assertEquals(7, failure.seed());
        assertInstanceOf(AssertionError.class, failure.getCause());
        assertEquals(true, failure.getMessage().contains("-Dddbc.seed=7"), failure.getMessage());

        String previous = System.setProperty("ddbc.seed", "6");
        try {
            assertEquals(List.of(), run(FailsOnSeed7.class), "with -Dddbc.seed=6 only seed 6 runs, and it passes");
            FailsOnSeed7.RAN.clear();
            System.setProperty("ddbc.seed", "7");
            assertEquals(1, run(FailsOnSeed7.class).size());
            assertEquals(List.of(7L), FailsOnSeed7.RAN);
        } finally {
            if (previous == null) System.clearProperty("ddbc.seed");
            else System.setProperty("ddbc.seed", previous);
        }
    }

    private static List<Throwable> run(Class<?> testClass) {
        List<Throwable> failures = new ArrayList<>();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(), new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                result.getThrowable().ifPresent(failures::add);
            }
        });
        return failures;
    }

    /** Run only through the launcher above (surefire skips nested classes). */
    @DdbcTest
    static class FailsOnSeed7 {
        static final List<Long> RAN = new java.util.concurrent.CopyOnWriteArrayList<>();

        @RepeatedWithSeeds(value = 10)
        void failsOnlyOnSeed7(long seed) {
            RAN.add(seed);
            assertEquals(false, seed == 7, "seed 7 is unlucky");
        }
    }
}
