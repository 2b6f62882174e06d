package io.ddbc.test;

import io.ddbc.api.DdbcClient;

/**
 * An application scenario run by {@link DdbcAssertions#assertEventuallyConsistentSafe(int, SeededScenario)} on a
 * fresh engine per seed. It states its own invariant by throwing {@link AssertionError}.
 *
 * <pre>{@code
 * SeededScenario depositThenRead = (client, control) -> {
 *     BankService bank = new BankService(client);
 *     bank.createTable();
 *     bank.open("a");
 *     DdbcSession s = client.newSession();
 *     bank.deposit(s, "a", 5);
 *     assertEquals(5, bank.balance(s, "a", Consistency.SESSION));
 * };
 * }</pre>
 */
@FunctionalInterface
public interface SeededScenario {
    /** Runs once on a fresh client; {@code control.seed()} is the seed of this run. */
    void run(DdbcClient client, TestControl control) throws Exception;
}
