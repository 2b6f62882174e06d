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
