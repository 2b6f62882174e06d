package io.ddbc.samples.gsi;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcOperations;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Item;
import io.ddbc.api.Projection;
import io.ddbc.api.TableSpec;
import java.util.Optional;

/**
 * Users found by e-mail through a global secondary index. A GSI is always eventually consistent
 * — DynamoDB refuses strong reads on it — so a user who just signed up may not be found by e-mail
 * yet. Queried through a session, ddbc waits (bounded) until the index reflects the session's own
 * writes.
 *
 * <pre>{@code
 * UserDirectory users = new UserDirectory(client);
 * users.register(session, "u1", "ann@example.com");
 * users.findByEmail(session, "ann@example.com");   // found, even right after the write
 * }</pre>
 */
public final class UserDirectory {
    /** Users by id with the {@code by_email} index. */
    public static final String TABLE = "users";
    /** The e-mail index. */
    public static final String INDEX = "by_email";

    private final DdbcClient client;

    /** A directory over a client. */
    public UserDirectory(DdbcClient client) {
        this.client = client;
    }

    /** Creates the users table and its e-mail index if absent. */
    public void createTable() {
        if (!client.listTables().contains(TABLE)) {
            client.createTable(TableSpec.builder(TABLE).partitionKey("userId", AttributeValue.Type.S)
                    .globalIndex(IndexSpec.global(INDEX).partitionKey("email", AttributeValue.Type.S)
                            .projection(Projection.keysOnly()).build())
                    .build());
        }
    }

    /** Registers a user. */
    public void register(DdbcOperations ops, String userId, String email) {
        ops.table(TABLE).put(Item.of("userId", userId, "email", email)).execute();
    }

    /** The user id registered with an e-mail, through {@code ops} at its default consistency. */
    public Optional<String> findByEmail(DdbcOperations ops, String email) {
        return ops.table(TABLE).query().index(INDEX).keyCondition("email = :e").value(":e", email)
                .stream().findFirst().map(i -> i.getString("userId"));
    }

    /** The same lookup, explicitly eventual: may miss a user registered a moment ago. */
    public Optional<String> findByEmailEventually(String email) {
        return client.table(TABLE).query().index(INDEX).keyCondition("email = :e").value(":e", email)
                .consistency(Consistency.EVENTUAL).stream().findFirst().map(i -> i.getString("userId"));
    }
}
