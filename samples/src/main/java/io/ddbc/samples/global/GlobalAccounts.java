package io.ddbc.samples.global;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcOperations;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.api.VersionConflictException;
import java.util.Optional;

/**
 * The seeds' global tables story: users and balances in a table replicated across regions, each region
 * accepting writes, last writer wins. Each method takes the {@link DdbcOperations} to act through — a
 * session (or client) whose home region is where the request runs:
 *
 * <pre>{@code
 * GlobalAccounts accounts = new GlobalAccounts(client);
 * DdbcSession us = client.newSession("us-east-1");
 * DdbcSession eu = client.newSession("eu-west-1");
 * accounts.rename(us, "12345", "Alice");          // T0
 * accounts.rename(eu, "12345", "Bob");            // T0 + 50 ms: after replication every region says Bob
 * accounts.deposit(eu, "acct-1", 30);             // versioned read-modify-write, retried on conflicts
 * }</pre>
 *
 * <p>Three ways to change a balance, from unsafe to safe across regions:
 * <ul>
 *   <li>{@link #writeBalance(DdbcOperations, String, long)}: a plain write of a value read earlier. Two
 *       regions doing it at once both succeed and last writer wins keeps one: a deposit is lost.</li>
 *   <li>{@link #writeBalance(DdbcOperations, String, long, long)}: the seeds' conditional write on the
 *       version read. It detects a conflicting write that has already replicated to the region that takes
 *       it, but a write still in flight from another region is invisible to the check.</li>
 *   <li>{@link #deposit(DdbcOperations, String, long)} on a client with owner write affinity
 *       ({@code WriteAffinity.byPartitionKey()}): every write of an account is checked in the one region
 *       that owns it, so every conflict is detected and retried.</li>
 * </ul>
 */
public final class GlobalAccounts {
    /** Users by id: names, last writer wins, no version. */
    public static final String USERS = "global-users";
    /** Balances by account id without a version (for the lost-update demonstration). */
    public static final String WALLETS = "global-wallets";
    /** Balances by account id, versioned ({@code version}). */
    public static final String ACCOUNTS = "global-accounts";

    /** A balance and the version it was read at. */
    public record Balance(long amount, long version) {
    }

    private final DdbcClient client;

    /** The service over a client connected to a multi-region backend. */
    public GlobalAccounts(DdbcClient client) {
        this.client = client;
    }

    /** Creates both tables if absent (in every region: they are global tables). */
    public void createTables() {
        var existing = client.listTables();
        if (!existing.contains(USERS)) {
            client.createTable(TableSpec.builder(USERS).partitionKey("userId", AttributeValue.Type.S).build());
        }
        if (!existing.contains(WALLETS)) {
            client.createTable(TableSpec.builder(WALLETS).partitionKey("accountId", AttributeValue.Type.S).build());
        }
        if (!existing.contains(ACCOUNTS)) {
            client.createTable(TableSpec.builder(ACCOUNTS).partitionKey("accountId", AttributeValue.Type.S).versionAttribute("version").build());
        }
    }

    /** The seeds' {@code SET #name = :name}, in the region of {@code where}. */
    public void rename(DdbcOperations where, String userId, String name) {
        where.table(USERS).update(Key.of("userId", userId)).expression("SET #name = :name")
                .name("#name", "name").value(":name", name).execute();
    }

    /** A user's name as {@code where}'s region has it. */
    public Optional<String> name(DdbcOperations where, String userId, Consistency consistency) {
        return where.table(USERS).get(Key.of("userId", userId)).consistency(consistency).execute().item().map(i -> i.getString("name"));
    }

    /** An unversioned balance as {@code where}'s region has it. */
    public long plainBalance(DdbcOperations where, String accountId, Consistency consistency) {
        return where.table(WALLETS).get(Key.of("accountId", accountId)).consistency(consistency).execute()
                .item().map(i -> i.getLong("balance")).orElse(0L);
    }

    /** Overwrites an unversioned balance with a value computed from an earlier read: last writer wins. */
    public void writeBalance(DdbcOperations where, String accountId, long amount) {
        where.table(WALLETS).put(Item.of("accountId", accountId, "balance", amount)).execute();
    }

    /** A versioned balance as {@code where} reads it (its session's consistency). */
    public Balance balance(DdbcOperations where, String accountId) {
        GetResult r = where.table(ACCOUNTS).get(Key.of("accountId", accountId)).execute();
        return new Balance(r.item().map(i -> i.getLong("balance")).orElse(0L), r.version().orElse(0L));
    }

    /** A versioned balance read strongly in {@code where}'s region. */
    public long strongBalance(DdbcOperations where, String accountId) {
        return where.table(ACCOUNTS).get(Key.of("accountId", accountId)).consistency(Consistency.STRONG).execute()
                .item().map(i -> i.getLong("balance")).orElse(0L);
    }

    /**
     * The seeds' conflict-aware update: writes {@code amount} only if the account is still at
     * {@code seenVersion} in the region that takes the write.
     *
     * @throws VersionConflictException if that region has a newer version
     */
    public void writeBalance(DdbcOperations where, String accountId, long amount, long seenVersion) {
        where.table(ACCOUNTS).put(Item.of("accountId", accountId, "balance", amount)).expectVersion(seenVersion).execute();
    }

    /** Adds {@code amount}: read, add, write conditional on the version, again on a conflict. */
    public void deposit(DdbcOperations where, String accountId, long amount) {
        where.table(ACCOUNTS).mutate(Key.of("accountId", accountId),
                i -> i.with("balance", (i.has("balance") ? i.getLong("balance") : 0) + amount));
    }
}
