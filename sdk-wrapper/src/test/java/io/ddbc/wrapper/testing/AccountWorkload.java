package io.ddbc.wrapper.testing;

import java.util.List;
import java.util.Random;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Plain Enhanced Client application code: deposits (read, modify, versioned update), account creation and
 * closing, each followed by reading back what was just written with the Enhanced Client's default
 * (eventually consistent) GetItem and Query. Counts every read that did not show the caller's own write.
 */
public final class AccountWorkload {
    /** What a run observed. */
    public record Outcome(int writes, int reads, int staleReads, int conflicts) {
    }

    private static final TableSchema<Account> SCHEMA = TableSchema.fromBean(Account.class);
    private final DynamoDbTable<Account> table;

    public AccountWorkload(DynamoDbEnhancedClient enhanced, String tableName) {
        this.table = enhanced.table(tableName, SCHEMA);
    }

    public void createTable() {
        table.createTable();
    }

    /** {@code rounds} operations on {@code keys} accounts of one owner, chosen by {@code seed}; one in ten closes the account. */
    public Outcome run(long seed, int rounds, int keys) {
        return run(seed, rounds, keys, true);
    }

    /** As {@link #run(long, int, int)}, with or without closing accounts. */
    public Outcome run(long seed, int rounds, int keys, boolean closes) {
        Random random = new Random(seed);
        int writes = 0;
        int reads = 0;
        int stale = 0;
        int conflicts = 0;
        for (int round = 0; round < rounds; round++) {
            String id = "acc-" + random.nextInt(keys);
            Key key = Key.builder().partitionValue("alice").sortValue(id).build();
            try {
                Account current = table.getItem(key);
                reads++;
                Long expected;
                if (current != null && random.nextInt(10) == 0 && closes) {
                    table.deleteItem(current);
                    expected = null;
                } else if (current == null) {
                    Account a = new Account();
                    a.setOwner("alice");
                    a.setId(id);
                    a.setBalance(100);
                    table.putItem(a);
                    expected = 1L;
                } else {
                    current.setBalance(current.getBalance() + 1 + random.nextInt(50));
                    expected = table.updateItem(current).getVersion();
                }
                writes++;
                Account again = table.getItem(key);
                reads++;
                if (!matches(again, expected)) stale++;
                if (random.nextBoolean()) {
                    List<Account> all = table.query(QueryConditional.keyEqualTo(Key.builder().partitionValue("alice").build())).items().stream().toList();
                    reads++;
                    Account listed = all.stream().filter(a -> a.getId().equals(id)).findFirst().orElse(null);
                    if (!matches(listed, expected)) stale++;
                }
            } catch (ConditionalCheckFailedException conflict) {
                // The read before the write returned an old version: the versioned write was refused.
                conflicts++;
            }
        }
        return new Outcome(writes, reads, stale, conflicts);
    }

    private static boolean matches(Account read, Long expectedVersion) {
        if (expectedVersion == null) return read == null;
        return read != null && expectedVersion.equals(read.getVersion());
    }
}
