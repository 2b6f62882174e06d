package io.ddbc.embedded;

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
import io.ddbc.api.ValidationException;
import io.ddbc.api.WriteResult;
import io.ddbc.embedded.internal.engine.Engine;
import io.ddbc.embedded.internal.engine.TableState;
import io.ddbc.spi.Backend;
import java.util.UUID;

/**
 * The embedded engine as a {@link Backend}: an in-process DynamoDB with DynamoDB's semantics, limits and
 * capacity arithmetic. Pure Java, no threads of its own. Usually opened through its URL
 * ({@code ddbc:embedded:mem}); {@link #unwrap(Class)} with {@link EmbeddedControl} reaches its controls.
 *
 * <pre>{@code
 * try (EmbeddedBackend backend = EmbeddedBackend.inMemory(4)) {
 *     backend.createTable(new CreateTableRequest(TableSpec.builder("accounts").partitionKey("id", AttributeValue.Type.S).build()));
 *     backend.put(PutRequest.builder("accounts", Item.of("id", "alice", "balance", 0)).build());
 *     long items = backend.stats().itemsStored();
 * }
 * }</pre>
 */
public final class EmbeddedBackend implements Backend, EmbeddedControl {
    private final Engine engine;
    private final String scope;
    private volatile boolean closed;

    private EmbeddedBackend(int partitions) {
        this.engine = new Engine(partitions, System::nanoTime);
        // Each in-memory engine is its own data: session tokens of one must not be used on another.
        this.scope = "embedded:mem:" + UUID.randomUUID();
    }

    /**
     * An empty in-memory engine.
     *
     * @param partitions hash partitions per table, 1 to 1024
     * @throws ValidationException if {@code partitions} is out of range
     */
    public static EmbeddedBackend inMemory(int partitions) {
        if (partitions < 1 || partitions > 1024) {
            throw new ValidationException("partitions must be 1 to 1024, got " + partitions);
        }
        return new EmbeddedBackend(partitions);
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public String sessionScope() {
        return scope;
    }

    @Override
    public boolean supportsPositions() {
        return true;
    }

    @Override
    public GetResult get(GetRequest request) {
        return engine.get(request);
    }

    @Override
    public WriteResult put(PutRequest request) {
        return engine.put(request);
    }

    @Override
    public WriteResult update(UpdateRequest request) {
        return engine.update(request);
    }

    @Override
    public WriteResult delete(DeleteRequest request) {
        return engine.delete(request);
    }

    @Override
    public Page query(QueryRequest request) {
        return engine.query(request);
    }

    @Override
    public Page scan(ScanRequest request) {
        return engine.scan(request);
    }

    @Override
    public BatchGetResult batchGet(BatchGetRequest request) {
        return engine.batchGet(request);
    }

    @Override
    public BatchWriteResult batchWrite(BatchWriteRequest request) {
        return engine.batchWrite(request);
    }

    @Override
    public TransactGetResult transactGet(TransactGetRequest request) {
        return engine.transactGet(request);
    }

    @Override
    public TransactWriteResult transactWrite(TransactWriteRequest request) {
        return engine.transactWrite(request);
    }

    @Override
    public TableDescription createTable(CreateTableRequest request) {
        return engine.createTable(request);
    }

    @Override
    public TableDescription describeTable(DescribeTableRequest request) {
        return engine.describeTable(request);
    }

    @Override
    public TableDescription deleteTable(DeleteTableRequest request) {
        return engine.deleteTable(request);
    }

    @Override
    public ListTablesResult listTables(ListTablesRequest request) {
        return engine.listTables(request);
    }

    @Override
    public EmbeddedStats stats() {
        long items = 0;
        var all = engine.tables().all();
        for (TableState t : all) items += t.readReplica().itemCount();
        var s = engine.stats();
        return new EmbeddedStats(s.operations(), all.size(), items, engine.log().lastSequence(), s.conditionalCheckFailures(),
                s.transactionsCanceled(), s.idempotentReplays(), s.readUnits(), s.writeUnits());
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Releases nothing but marks the backend closed: the engine owns no threads or files. Idempotent. */
    @Override
    public void close() {
        closed = true;
    }
}
