package io.ddbc.api;

import java.util.List;

/**
 * A connection to a backend (the embedded engine or AWS DynamoDB): thread-safe, meant to be shared
 * and closed once at shutdown. Obtain one from {@code io.ddbc.core.Ddbc}.
 *
 * <pre>{@code
 * try (DdbcClient client = Ddbc.connect("ddbc:embedded:mem?replicas=3&seed=42")) {
 *     client.createTable(TableSpec.builder("accounts").partitionKey("id", AttributeValue.Type.S).build());
 *     client.table("accounts").put(Item.of("id", "alice", "balance", 0)).execute();
 *     DdbcSession session = client.newSession();
 * }
 * }</pre>
 */
public interface DdbcClient extends DdbcOperations, AutoCloseable {

    /** Creates a table (and waits until it is active). */
    TableDescription createTable(TableSpec spec);

    /** Describes a table. @throws ResourceNotFoundException if it does not exist */
    TableDescription describeTable(String name);

    /** Deletes a table. @throws ResourceNotFoundException if it does not exist */
    void deleteTable(String name);

    /** The names of all tables, every page. */
    List<String> listTables();

    /** A new session with default consistency {@link Consistency#SESSION}. */
    DdbcSession newSession();

    /**
     * A session that continues from a token, e.g. one serialized by another process.
     *
     * @throws SessionTokenException if the token is for another backend, or unsigned/forged when the client
     *     requires signed tokens
     */
    DdbcSession resumeSession(SessionToken token);

    /**
     * Backend-specific control, e.g. {@code client.unwrap(EmbeddedControl.class)}.
     *
     * @throws DdbcConfigException if neither the client nor its backend provides that type
     */
    <T> T unwrap(Class<T> type);

    /** Releases every thread and connection; later operations fail with a clear error. Idempotent. */
    @Override
    void close();
}
