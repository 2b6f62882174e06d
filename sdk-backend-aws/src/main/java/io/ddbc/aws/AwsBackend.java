package io.ddbc.aws;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DdbcException;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.DeleteTableRequest;
import io.ddbc.api.DescribeTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.ListTablesRequest;
import io.ddbc.api.ListTablesResult;
import io.ddbc.api.Page;
import io.ddbc.api.Positions;
import io.ddbc.api.PutRequest;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.ServedBy;
import io.ddbc.api.TableDescription;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.TransactWriteResult;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.WriteResult;
import io.ddbc.aws.internal.CapacityConverter;
import io.ddbc.aws.internal.CapacityConverter.Kind;
import io.ddbc.aws.internal.ErrorMapper;
import io.ddbc.aws.internal.ErrorMapper.Target;
import io.ddbc.aws.internal.ModelConverter;
import io.ddbc.aws.internal.RequestMapper;
import io.ddbc.aws.internal.ResultMapper;
import io.ddbc.aws.internal.TableSpecConverter;
import io.ddbc.spi.Backend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * The ddbc {@link Backend} over AWS SDK for Java v2's {@link DynamoDbClient}: each ddbc request becomes
 * the matching DynamoDB call with {@code ReturnConsumedCapacity=INDEXES}; results and errors are
 * converted to ddbc's types. Sessions, managed versions, the cache and retries live in the client
 * core above it. Thread-safe (as the SDK client is).
 *
 * <p>Usually opened through its URL ({@code ddbc:aws://eu-west-1}, see {@link AwsBackendProvider}).
 * An application that already configured a {@code DynamoDbClient} wraps it; ddbc then does not close it:
 * <pre>{@code
 * DynamoDbClient sdk = DynamoDbClient.builder().region(Region.EU_WEST_1).build();
 * try (Backend backend = AwsBackend.wrap(sdk)) {
 *     GetResult r = backend.get(GetRequest.builder("accounts", Key.of("id", "alice")).consistency(Consistency.STRONG).build());
 * }
 * sdk.close();   // still the application's
 * }</pre>
 *
 * <p>What DynamoDB does not give: replica positions (results carry {@link Positions#NONE},
 * {@link #supportsPositions()} is false, {@link ServedBy#BACKEND}); and the managed version attribute,
 * which is ddbc's notion, so {@link #describeTable} returns a spec without one. Batch operations are
 * sent once: unprocessed keys and writes are returned for the core to retry.
 */
public final class AwsBackend implements Backend {
    /** Poll interval while waiting for a new table to become ACTIVE. */
    private static final Duration TABLE_POLL = Duration.ofMillis(500);
    private static final Duration TABLE_WAIT = Duration.ofMinutes(10);

    private final DynamoDbClient client;
    private final boolean ownsClient;
    private final String sessionScope;
    private final DynamoDbWaiter waiter;
    private final AtomicBoolean closed = new AtomicBoolean();

    AwsBackend(DynamoDbClient client, boolean ownsClient, String sessionScope) {
        if (client == null) throw new DdbcConfigException("AwsBackend needs a DynamoDbClient, got null");
        this.client = client;
        this.ownsClient = ownsClient;
        this.sessionScope = sessionScope;
        this.waiter = DynamoDbWaiter.builder().client(client)
                .overrideConfiguration(o -> o.backoffStrategyV2(BackoffStrategy.fixedDelay(TABLE_POLL)).waitTimeout(TABLE_WAIT)
                        .maxAttempts((int) (TABLE_WAIT.toMillis() / TABLE_POLL.toMillis())))
                .build();
    }

    /**
     * A backend over a client the application configured; {@link #close()} leaves the client open. The
     * session scope is {@code aws:<endpoint>} when the client has an endpoint override, else {@code aws:<region>}.
     *
     * @throws DdbcConfigException if the client cannot tell its region or endpoint (use {@link #wrap(DynamoDbClient, String)})
     */
    public static AwsBackend wrap(DynamoDbClient client) {
        if (client == null) throw new DdbcConfigException("AwsBackend.wrap needs a DynamoDbClient, got null");
        return new AwsBackend(client, false, scopeOf(client));
    }

    /**
     * A backend over a client the application configured, with the session scope given (session tokens
     * are accepted only by backends of the same scope; use one name per set of tables, e.g.
     * {@code aws:eu-west-1}). {@link #close()} leaves the client open.
     */
    public static AwsBackend wrap(DynamoDbClient client, String sessionScope) {
        if (sessionScope == null || sessionScope.isBlank()) {
            throw new DdbcConfigException("AwsBackend.wrap needs a non-empty session scope, e.g. 'aws:eu-west-1'");
        }
        return new AwsBackend(client, false, sessionScope);
    }

    /** {@code aws:<endpoint>} for an endpoint override, else {@code aws:<region>}. */
    static String scopeOf(DynamoDbClient client) {
        DynamoDbServiceClientConfiguration c = configurationOf(client);
        if (c == null || (c.region() == null && c.endpointOverride().isEmpty())) {
            throw new DdbcConfigException("Cannot tell the region or endpoint of the DynamoDbClient given; "
                    + "use AwsBackend.wrap(client, sessionScope)");
        }
        return c.endpointOverride().map(u -> "aws:" + u).orElseGet(() -> "aws:" + c.region().id());
    }

    private static DynamoDbServiceClientConfiguration configurationOf(DynamoDbClient client) {
        try {
            return client.serviceClientConfiguration();
        } catch (UnsupportedOperationException e) { // a hand-written DynamoDbClient implementation
            return null;
        }
    }

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public String sessionScope() {
        return sessionScope;
    }

    /** False: DynamoDB does not expose replica positions. */
    @Override
    public boolean supportsPositions() {
        return false;
    }

    @Override
    public GetResult get(GetRequest r) {
        GetItemResponse resp = call(new Target("GetItem", r.tableName(), r.key(), null), () -> client.getItem(RequestMapper.get(r)));
        return GetResult.of(ModelConverter.itemOrNull(resp.item()), CapacityConverter.convert(resp.consumedCapacity(), Kind.READ),
                ServedBy.BACKEND, Positions.NONE);
    }

    @Override
    public WriteResult put(PutRequest r) {
        PutItemResponse resp = call(target(r.operation(), r.tableName(), r.key(), r.condition()), () -> client.putItem(RequestMapper.put(r)));
        // DynamoDB's PutItem has no ALL_NEW; the new image is the item written
        var attributes = r.returnValues() == ReturnValues.ALL_NEW ? r.item() : ModelConverter.itemOrNull(resp.attributes());
        return WriteResult.of(attributes, CapacityConverter.convert(resp.consumedCapacity(), Kind.WRITE), Positions.NONE);
    }

    @Override
    public WriteResult update(UpdateRequest r) {
        var resp = call(target(r.operation(), r.tableName(), r.key(), r.condition()), () -> client.updateItem(RequestMapper.update(r)));
        return WriteResult.of(ModelConverter.itemOrNull(resp.attributes()), CapacityConverter.convert(resp.consumedCapacity(), Kind.WRITE),
                Positions.NONE);
    }

    @Override
    public WriteResult delete(DeleteRequest r) {
        var resp = call(target(r.operation(), r.tableName(), r.key(), r.condition()), () -> client.deleteItem(RequestMapper.delete(r)));
        return WriteResult.of(ModelConverter.itemOrNull(resp.attributes()), CapacityConverter.convert(resp.consumedCapacity(), Kind.WRITE),
                Positions.NONE);
    }

    @Override
    public Page query(QueryRequest r) {
        var resp = call(Target.of("Query", r.tableName()), () -> client.query(RequestMapper.query(r)));
        return ResultMapper.page(resp.items(), resp.count(), resp.scannedCount(), resp.lastEvaluatedKey(), resp.consumedCapacity());
    }

    @Override
    public Page scan(ScanRequest r) {
        var resp = call(Target.of("Scan", r.tableName()), () -> client.scan(RequestMapper.scan(r)));
        return ResultMapper.page(resp.items(), resp.count(), resp.scannedCount(), resp.lastEvaluatedKey(), resp.consumedCapacity());
    }

    /** Sent once; unprocessed keys come back in the result with the table's consistency and projection. */
    @Override
    public BatchGetResult batchGet(BatchGetRequest r) {
        var resp = call(Target.ofTables("BatchGetItem", r.tables().keySet()), () -> client.batchGetItem(RequestMapper.batchGet(r)));
        return ResultMapper.batchGet(r, resp);
    }

    /** Sent once; unprocessed writes come back in the result. */
    @Override
    public BatchWriteResult batchWrite(BatchWriteRequest r) {
        var resp = call(Target.ofTables("BatchWriteItem", r.writes().keySet()), () -> client.batchWriteItem(RequestMapper.batchWrite(r)));
        return ResultMapper.batchWrite(r, resp);
    }

    @Override
    public TransactGetResult transactGet(TransactGetRequest r) {
        TransactGetItemsResponse resp = call(Target.ofTables("TransactGetItems", tables(r.gets(), TransactGetRequest.Get::tableName)), () -> client.transactGetItems(RequestMapper.transactGet(r)));
        List<Optional<io.ddbc.api.Item>> items = new ArrayList<>(r.gets().size());
        for (ItemResponse i : resp.responses()) items.add(Optional.ofNullable(ModelConverter.itemOrNull(i.item())));
        return new TransactGetResult(items, CapacityConverter.convert(resp.consumedCapacity(), Kind.READ));
    }

    /** With the request's client token, so DynamoDB makes a retried transaction idempotent. */
    @Override
    public TransactWriteResult transactWrite(TransactWriteRequest r) {
        var sdkRequest = RequestMapper.transactWrite(r);
        TransactWriteItemsResponse resp = call(Target.ofTables("TransactWriteItems", tables(r.actions(), TransactWriteRequest.Action::tableName)), () -> client.transactWriteItems(sdkRequest));
        List<OptionalLong> versions = new ArrayList<>(r.actions().size());
        for (int i = 0; i < r.actions().size(); i++) versions.add(OptionalLong.empty()); // versions are the core's
        return new TransactWriteResult(versions, CapacityConverter.convert(resp.consumedCapacity(), Kind.WRITE), Positions.NONE);
    }

    /** Creates the table and waits (polling DescribeTable) until it is ACTIVE. */
    @Override
    public TableDescription createTable(CreateTableRequest r) {
        String table = r.spec().name();
        var sdkRequest = TableSpecConverter.toCreateRequest(r.spec());
        call(Target.of("CreateTable", table), () -> client.createTable(sdkRequest));
        WaiterResponse<DescribeTableResponse> done = call(Target.of("CreateTable (waiting for ACTIVE)", table),
                () -> waiter.waitUntilTableExists(b -> b.tableName(table)));
        DescribeTableResponse described = done.matched().response().orElseGet(() -> describe(table));
        return TableSpecConverter.fromSdk(described.table());
    }

    @Override
    public TableDescription describeTable(DescribeTableRequest r) {
        return TableSpecConverter.fromSdk(describe(r.tableName()).table());
    }

    private DescribeTableResponse describe(String table) {
        return call(Target.of("DescribeTable", table), () -> client.describeTable(b -> b.tableName(table)));
    }

    /**
     * Deletes the table; the description returned is the table's as it was, with status DELETING
     * (DynamoDB's DeleteTable response may omit the key schema, so the table is described first).
     */
    @Override
    public TableDescription deleteTable(DeleteTableRequest r) {
        TableDescription before = describeTable(new DescribeTableRequest(r.tableName()));
        var resp = call(Target.of("DeleteTable", r.tableName()), () -> client.deleteTable(b -> b.tableName(r.tableName())));
        String status = resp.tableDescription() == null ? "DELETING" : resp.tableDescription().tableStatusAsString();
        return new TableDescription(before.spec(), status, before.itemCount(), before.sizeBytes(), before.createdAt());
    }

    @Override
    public ListTablesResult listTables(ListTablesRequest r) {
        var resp = call(Target.of("ListTables", null),
                () -> client.listTables(b -> b.exclusiveStartTableName(r.exclusiveStartTableName()).limit(r.limit())));
        return new ListTablesResult(resp.tableNames(), Optional.ofNullable(resp.lastEvaluatedTableName()));
    }

    /** The {@link DynamoDbClient} (the application's or ddbc's own); otherwise as {@link Backend#unwrap}. */
    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(client)) return type.cast(client);
        return Backend.super.unwrap(type);
    }

    /** Closes the SDK client if ddbc built it; a wrapped client stays open. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            waiter.close();
        } finally {
            if (ownsClient) client.close();
        }
    }

    @Override
    public String toString() {
        return "AwsBackend{" + sessionScope + (ownsClient ? "" : ", application's client") + "}";
    }

    private static <T> List<String> tables(List<T> parts, java.util.function.Function<T, String> table) {
        List<String> out = new ArrayList<>(parts.size());
        for (T p : parts) out.add(table.apply(p));
        return out;
    }

    private static Target target(String operation, String table, io.ddbc.api.Key key, String condition) {
        return new Target(operation, table, key, condition);
    }

    /** Runs one SDK call, mapping its exceptions to ddbc's. */
    private <T> T call(Target target, Supplier<T> sdkCall) {
        if (closed.get()) throw new DdbcException("The aws backend " + sessionScope + " is closed (" + target.operation() + ")");
        try {
            return sdkCall.get();
        } catch (SdkException e) {
            throw ErrorMapper.map(e, target);
        }
    }
}
