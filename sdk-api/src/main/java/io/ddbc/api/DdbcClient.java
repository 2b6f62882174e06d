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

    /**
     * Declares, once and for every process, that an existing table — for instance one created by
     * CloudFormation, CDK, Terraform or the plain SDK — has ddbc's managed version attribute {@code attribute}.
     * The declaration is stored with the backend (on AWS in the ddbc metadata table, see the aws backend's
     * {@code metadataTable} URL parameter); every client discovers it on its first use of the table and then
     * increments the attribute on every write and honours {@code expectVersion} and {@code mutate}. Declare
     * before writers start: a client that already used the table as unversioned keeps that view until it is
     * reopened. Tables created through ddbc with {@link TableSpec.Builder#versionAttribute} need no declaration.
     *
     * <pre>{@code
     * client.declareVersionAttribute("orders", "version");   // at deployment, once
     * }</pre>
     *
     * @throws ResourceNotFoundException if the table does not exist
     * @throws DdbcConfigException if the table is already declared with another attribute
     */
    void declareVersionAttribute(String table, String attribute);

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
     * The regions this client reaches, its home region first; empty when the backend is single-region.
     * Writes made in one region reach the others asynchronously (global tables, last writer wins).
     */
    default List<String> regions() {
        return List.of();
    }

    /** The region requests made directly on this client go to; null when the backend is single-region. */
    default String homeRegion() {
        return null;
    }

    /**
     * A new session whose reads and writes go to {@code homeRegion} (regional affinity). Its token says
     * which regions its writes were made in: read in another region, the session waits for that region
     * to catch up, routes the read to one that has, or throws {@link StaleReadException}.
     *
     * <pre>{@code
     * DdbcSession eu = client.newSession("eu-west-1");
     * }</pre>
     *
     * @throws DdbcConfigException if the client has no such region
     */
    default DdbcSession newSession(String homeRegion) {
        if (homeRegion == null) return newSession();
        throw new DdbcConfigException("This client is single-region; it has no region '" + homeRegion + "'");
    }

    /**
     * {@link #resumeSession(SessionToken)} with a home region: continues a session made in one region
     * (the token knows which) from another.
     *
     * @throws DdbcConfigException if the client has no such region
     * @throws SessionTokenException as {@link #resumeSession(SessionToken)}
     */
    default DdbcSession resumeSession(SessionToken token, String homeRegion) {
        if (homeRegion == null) return resumeSession(token);
        throw new DdbcConfigException("This client is single-region; it has no region '" + homeRegion + "'");
    }

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
