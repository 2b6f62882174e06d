package io.ddbc.test;

import io.ddbc.api.DdbcClient;
import io.ddbc.embedded.EmbeddedControl;
import io.ddbc.test.internal.EngineConfig;
import io.ddbc.test.internal.Seeds;

/**
 * Assertions that explore many seeds of the embedded engine under high replication lag (median 200 ms, 5% of
 * records 2 s late, virtual time), so code that reads stale data it does not tolerate fails in a unit test.
 *
 * <pre>{@code
 * DdbcAssertions.assertEventuallyConsistentSafe(100, (client, control) -> {
 *     BankService bank = new BankService(client);
 *     bank.createTable();
 *     bank.open("a");
 *     DdbcSession s = client.newSession();
 *     bank.deposit(s, "a", 5);
 *     assertEquals(5, bank.balance(s, "a", Consistency.SESSION), "my own deposit must show");
 * });
 * }</pre>
 */
public final class DdbcAssertions {
    private DdbcAssertions() {
    }

    /**
     * Runs {@code scenario} on a fresh high-lag engine for each of {@code seeds} seeds (1, 2, ...; only
     * {@code -Dddbc.seed} when set) and fails on the first seed whose run throws an {@link AssertionError}.
     *
     * @throws SeedFailure naming the seed, with the scenario's assertion as its cause
     * @throws IllegalStateException if the scenario throws anything else (a bug, not a violated invariant)
     */
    public static void assertEventuallyConsistentSafe(int seeds, SeededScenario scenario) {
        for (long seed : Seeds.sequence(seeds, 1)) {
            try {
                runWithSeed(seed, scenario);
            } catch (AssertionError violated) {
                SeedFailure failure = new SeedFailure(seed, violated);
                System.err.println("[ddbc-test] assertEventuallyConsistentSafe " + failure.getMessage());
                throw failure;
            }
        }
    }

    /**
     * Runs {@code scenario} once on a fresh high-lag engine opened with {@code seed}: the exact replay of one run of
     * {@link #assertEventuallyConsistentSafe}. Whatever the scenario throws is rethrown.
     */
    public static void runWithSeed(long seed, SeededScenario scenario) {
        try (DdbcClient client = EngineConfig.highLag(seed).connect()) {
            scenario.run(client, new TestControl(client.unwrap(EmbeddedControl.class), seed));
        } catch (AssertionError | RuntimeException e) {
            if (e instanceof AssertionError) throw (AssertionError) e;
            throw new IllegalStateException("scenario threw under seed " + seed + " (not an AssertionError): " + e, e);
        } catch (Exception e) {
            throw new IllegalStateException("scenario threw under seed " + seed + " (not an AssertionError): " + e, e);
        }
    }
}
