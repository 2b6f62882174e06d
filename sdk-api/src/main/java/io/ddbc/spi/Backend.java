package io.ddbc.spi;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.DeleteTableRequest;
import io.ddbc.api.DescribeTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.ListTablesRequest;
import io.ddbc.api.ListTablesResult;
import io.ddbc.api.Page;
import io.ddbc.api.PutRequest;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.TableDescription;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.TransactWriteResult;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.WriteResult;

/**
 * What a backend implements: DynamoDB's operations, one request at a time, with DynamoDB's
 * semantics. The client core ({@code ddbc-core}) sits above it and adds sessions, managed versions,
 * the cache, metrics and retries, so a backend stays a faithful DynamoDB.
 *
 * <p>Contract, so the core can give the same guarantees on every backend:
 * <ul>
 *   <li>Reads arrive with consistency {@link io.ddbc.api.Consistency#EVENTUAL} or
 *       {@link io.ddbc.api.Consistency#STRONG} only (the core resolves defaults, SESSION and BOUNDED).
 *       An eventual read that carries {@code minPositions} must be answered by a replica that has applied
 *       them (see {@link io.ddbc.api.Positions#required(String)}), or by the leader if none has.</li>
 *   <li>Requests never carry {@code expectVersion}: the core turns managed versions into plain
 *       condition and update expressions.</li>
 *   <li>Results report the capacity consumed as DynamoDB computes it (with
 *       {@code ReturnConsumedCapacity=INDEXES}), {@link io.ddbc.api.ServedBy} and, where the backend
 *       has ordered replication logs, the {@link io.ddbc.api.Positions} of what they reflect.
 *       Positions must come from one counter per backend so they compare across partitions.</li>
 *   <li>Errors are {@link io.ddbc.api.DdbcException}s of DynamoDB's kinds; a conditional failure
 *       carries the current item when the request asked for it.</li>
 *   <li>Every method may be called from many threads at once.</li>
 *   <li>A multi-region backend (global tables) lists its {@link #regions()} and gives one view per
 *       region with {@link #region(String)}; all views share one {@link #sessionScope()}. Its positions
 *       name region-qualified partitions and come from one counter across regions. A region that is
 *       asked (through {@code minPositions}) for writes made in another region which it has not applied
 *       yet throws {@link io.ddbc.api.StaleReadException}: it never answers without them. The core then
 *       waits or routes the read to another region.</li>
 * </ul>
 *
 * <pre>{@code
 * Backend backend = provider.open(DdbcUrl.parse("ddbc:embedded:mem"), new Properties());
 * GetResult r = backend.get(GetRequest.builder("accounts", key).consistency(Consistency.STRONG).build());
 * }</pre>
 */
public interface Backend extends AutoCloseable {

    /** The backend's name, e.g. {@code embedded} or {@code aws}. */
    String name();

    /**
     * The identity session tokens are bound to: tokens made on one scope are refused on another. Stable
     * across processes for the same data (e.g. {@code aws:eu-west-1}).
     */
    String sessionScope();

    /** Whether results carry replica {@link io.ddbc.api.Positions} and reads honour {@code minPositions}. */
    boolean supportsPositions();

    /** GetItem. */
    GetResult get(GetRequest request);

    /** PutItem. */
    WriteResult put(PutRequest request);

    /** UpdateItem. */
    WriteResult update(UpdateRequest request);

    /** DeleteItem. */
    WriteResult delete(DeleteRequest request);

    /** Query, one page. */
    Page query(QueryRequest request);

    /** Scan, one page. */
    Page scan(ScanRequest request);

    /** BatchGetItem, once (unprocessed keys are returned, not retried). */
    BatchGetResult batchGet(BatchGetRequest request);

    /** BatchWriteItem, once (unprocessed writes are returned, not retried). */
    BatchWriteResult batchWrite(BatchWriteRequest request);

    /** TransactGetItems. */
    TransactGetResult transactGet(TransactGetRequest request);

    /** TransactWriteItems. */
    TransactWriteResult transactWrite(TransactWriteRequest request);

    /** CreateTable; returns once the table is active. */
    TableDescription createTable(CreateTableRequest request);

    /** DescribeTable. */
    TableDescription describeTable(DescribeTableRequest request);

    /** DeleteTable. */
    TableDescription deleteTable(DeleteTableRequest request);

    /** ListTables, one page. */
    ListTablesResult listTables(ListTablesRequest request);

    /**
     * Declares that an existing table has ddbc's managed version attribute {@code attribute}, where every
     * process that opens this backend will find it: from then on {@link #describeTable} returns a spec with that
     * attribute (in every region of a multi-region backend). Declaring the same attribute again does nothing.
     * {@link #createTable} with a spec that has a version attribute declares it the same way.
     *
     * @throws io.ddbc.api.ResourceNotFoundException if the table does not exist
     * @throws io.ddbc.api.DdbcConfigException if the table is declared with another attribute, or the backend
     *                                         cannot store declarations
     */
    default void declareVersionAttribute(String table, String attribute) {
        throw new io.ddbc.api.DdbcConfigException("The " + name() + " backend cannot store ddbc's version attribute declaration for table '"
                + table + "'; declare it on every client with DdbcClientBuilder.versionAttribute(table, attribute)");
    }

    /**
     * Waits before trying again (retry backoff, waiting for an index to catch up). Time belongs to the
     * backend: a backend on simulated time advances its clock instead of sleeping, so a retry or a wait
     * lets the simulated world move on. The default sleeps on the wall clock.
     *
     * @param duration how long to wait
     * @throws io.ddbc.api.DdbcException if interrupted (the interrupt flag is kept)
     */
    default void pause(java.time.Duration duration) {
        if (duration.isZero() || duration.isNegative()) return;
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.ddbc.api.DdbcException("Interrupted while waiting to retry", e);
        }
    }

    /**
     * The regions of a multi-region backend (global tables), home region first; an empty list for a
     * single-region backend. Every region holds every table; writes replicate between regions
     * asynchronously, last writer wins.
     */
    default java.util.List<String> regions() {
        return java.util.List.of();
    }

    /**
     * The view of this backend that serves one region: its own replicas, positions and faults, the same
     * tables and session scope. The backend itself serves its home region ({@code regions().get(0)}).
     * Views belong to the backend: closing the backend closes them; closing a view does nothing.
     *
     * @param region a name from {@link #regions()}
     * @throws io.ddbc.api.DdbcConfigException if the backend has no such region
     */
    default Backend region(String region) {
        throw new io.ddbc.api.DdbcConfigException("Backend '" + name() + "' is single-region; it has no region '" + region
                + "' (use a multi-region URL, e.g. ddbc:embedded:mem?regions=us-east-1,eu-west-1)");
    }

    /**
     * Backend-specific control or the underlying client (e.g. {@code EmbeddedControl},
     * {@code DynamoDbClient}); null if the backend has nothing of that type.
     */
    default <T> T unwrap(Class<T> type) {
        return type.isInstance(this) ? type.cast(this) : null;
    }

    /**
     * Lets the backend report its own metrics (replication lag, stale reads, throttles…) to the client's
     * registry. Called at most once, before requests are sent; the default reports nothing.
     */
    default void bindMetrics(MetricsSink sink) {
    }

    /** Releases every thread and connection the backend owns. Idempotent. */
    @Override
    void close();
}
