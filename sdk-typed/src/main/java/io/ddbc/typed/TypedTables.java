package io.ddbc.typed;

import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.ResourceNotFoundException;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The entry point of typed tables: binds a {@link DdbcClient} to classes mapped by the DynamoDB Enhanced
 * Client's annotations ({@code @DynamoDbBean}, {@code @DynamoDbImmutable}) or to any {@link TableSchema}.
 *
 * <p>A static entry point rather than a method of {@code DdbcClient}: ddbc's API module stays free of the
 * AWS SDK, and only applications that want typed tables take this module (and the Enhanced Client).
 *
 * <pre>{@code
 * @DynamoDbBean
 * public class Account {
 *     private String id; private long balance; private Long version;
 *     @DynamoDbPartitionKey public String getId() { return id; }
 *     @DynamoDbVersionAttribute public Long getVersion() { return version; }
 *     // other getters and setters
 * }
 *
 * TypedTable<Account> accounts = TypedTables.of(client).table("accounts", Account.class);
 * accounts.mutate(accounts.key("alice"), a -> { a.setBalance(a.getBalance() + 10); return a; });
 * TypedTable<Account> inSession = accounts.in(client.newSession());   // read-your-writes, per session
 * }</pre>
 */
public final class TypedTables {
    private final DdbcClient client;

    private TypedTables(DdbcClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Typed tables over {@code client}. */
    public static TypedTables of(DdbcClient client) {
        return new TypedTables(client);
    }

    /**
     * The table {@code name}, mapped with {@code TableSchema.fromClass(type)} (a {@code @DynamoDbBean} or a
     * {@code @DynamoDbImmutable} class). The Enhanced Client caches the schemas it builds; a typed table is
     * cheap to keep and thread-safe.
     *
     * @throws ResourceNotFoundException if the class has a version attribute and the table does not exist
     * @throws DdbcConfigException if the class's {@code @DynamoDbVersionAttribute} is not the table's version attribute
     */
    public <T> TypedTable<T> table(String name, Class<T> type) {
        return table(name, TableSchema.fromClass(type));
    }

    /**
     * The table {@code name}, mapped with {@code schema}. If the schema has a version attribute
     * ({@code @DynamoDbVersionAttribute}, or {@code VersionedRecordExtension.AttributeTags.versionAttribute()}
     * in a static schema), that one declaration is enough: it is declared to ddbc as the table's managed
     * version attribute when the table has none, and checked against it when it has one.
     *
     * @throws ResourceNotFoundException if the schema has a version attribute and the table does not exist
     * @throws DdbcConfigException if the table's version attribute is another one
     */
    public <T> TypedTable<T> table(String name, TableSchema<T> schema) {
        Objects.requireNonNull(schema, "schema");
        Optional<String> version = TypedTable.versionAttributeOf(schema);
        if (version.isPresent()) {
            Optional<String> declared = client.describeTable(name).spec().versionAttribute();
            if (declared.isEmpty()) {
                client.declareVersionAttribute(name, version.get());
            } else if (!declared.get().equals(version.get())) {
                // Two names for one version would let half the writers skip the other's check.
                throw new DdbcConfigException("Table '" + name + "' has managed version attribute '" + declared.get() + "', but "
                        + schema.itemType().rawClass().getName() + " marks '" + version.get()
                        + "' with @DynamoDbVersionAttribute; use one name");
            }
        }
        return new TypedTable<>(client, name, schema, version.orElse(null));
    }
}
