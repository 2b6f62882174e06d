package io.ddbc.samples.bank;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;

/**
 * The "deposit, then show the new balance on the receipt" flow, in two versions: the naive one every DynamoDB
 * tutorial writes (write, then an eventually consistent read) and the fixed one (both through one session).
 * Test scope only: it exists to show that {@code ddbc-test} catches the naive version.
 *
 * <pre>{@code
 * long shown = DepositReceipt.FIXED.deposit(client, bank, "alice", 500);
 * }</pre>
 */
public interface DepositReceipt {
    /** Deposits {@code amount} and returns the balance the receipt shows. */
    long deposit(DdbcClient client, BankService bank, String accountId, long amount);

    /** Wrong under replication lag: the read may hit a follower that has not seen the deposit yet. */
    DepositReceipt NAIVE = (client, bank, accountId, amount) -> {
        bank.deposit(client, accountId, amount);
        return bank.balance(client, accountId, Consistency.EVENTUAL);
    };

    /** Right: a session read is guaranteed to see the session's own deposit (read-your-writes). */
    DepositReceipt FIXED = (client, bank, accountId, amount) -> {
        DdbcSession session = client.newSession();
        bank.deposit(session, accountId, amount);
        return bank.balance(session, accountId, Consistency.SESSION);
    };
}
