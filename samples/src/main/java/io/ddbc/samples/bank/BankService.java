package io.ddbc.samples.bank;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcOperations;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.api.UpdateRequest;
import java.math.BigDecimal;

/**
 * The seeds' bank: deposits, balance reads at a chosen consistency, and transfers as one
 * idempotent transaction. Balances are whole cents in a number attribute.
 *
 * <pre>{@code
 * BankService bank = new BankService(client);
 * bank.open("alice");
 * bank.deposit(session, "alice", 500);
 * long balance = bank.balance(session, "alice", Consistency.SESSION);
 * }</pre>
 */
public final class BankService {
    /** The table of accounts: partition key {@code id}, managed version {@code version}. */
    public static final String TABLE = "bank_accounts";

    private final DdbcClient client;

    /** A bank over a client; {@link #createTable()} once before use. */
    public BankService(DdbcClient client) {
        this.client = client;
    }

    /** Creates the accounts table if it does not exist. */
    public void createTable() {
        if (!client.listTables().contains(TABLE)) {
            client.createTable(TableSpec.builder(TABLE).partitionKey("id", AttributeValue.Type.S).versionAttribute("version").build());
        }
    }

    /** Opens an account with a zero balance; opening it again is a no-op. */
    public void open(String accountId) {
        try {
            client.table(TABLE).putIfAbsent(Item.of("id", accountId, "balance", 0)).execute();
        } catch (io.ddbc.api.ConditionFailedException alreadyOpen) {
            // idempotent: the account exists
        }
    }

    /** Adds {@code amount} to the balance through {@code ops} (a session or the client). */
    public void deposit(DdbcOperations ops, String accountId, long amount) {
        ops.table(TABLE).update(Key.of("id", accountId))
                .expression("SET balance = balance + :d").value(":d", amount).execute();
    }

    /** The balance read at the given consistency through {@code ops}; 0 if the account is unknown. */
    public long balance(DdbcOperations ops, String accountId, Consistency consistency) {
        return read(ops, accountId, consistency).item().map(i -> i.getLong("balance")).orElse(0L);
    }

    /** The raw read, so callers can see capacity and where it was served. */
    public GetResult read(DdbcOperations ops, String accountId, Consistency consistency) {
        return ops.table(TABLE).get(Key.of("id", accountId)).consistency(consistency).execute();
    }

    /**
     * Moves {@code amount} from one account to another atomically; refuses to overdraw. The
     * {@code transferId} makes a retried transfer apply once (DynamoDB's client request token).
     *
     * @throws io.ddbc.api.TransactionCanceledException if the source balance is too low
     */
    public void transfer(DdbcOperations ops, String transferId, String from, String to, long amount) {
        ops.transactWrite()
                .update(UpdateRequest.builder(TABLE, Key.of("id", from)).expression("SET balance = balance - :a")
                        .condition("balance >= :a").value(":a", amount).build())
                .update(UpdateRequest.builder(TABLE, Key.of("id", to)).expression("SET balance = balance + :a")
                        .value(":a", amount).build())
                .clientToken(transferId)
                .execute();
    }

    /** The sum of all balances, read strongly: constant under transfers. */
    public BigDecimal total() {
        return client.table(TABLE).scan().consistency(Consistency.STRONG).stream()
                .map(i -> i.getNumber("balance")).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
