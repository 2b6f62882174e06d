package io.ddbc.wrapper;

import io.ddbc.api.BatchGetResult;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.DdbcException;
import io.ddbc.api.DescribeTableRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.ListTablesResult;
import io.ddbc.api.Page;
import io.ddbc.api.TableSpec;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactWriteResult;
import io.ddbc.api.WriteResult;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import io.ddbc.wrapper.internal.FacadeErrors;
import io.ddbc.wrapper.internal.FacadeRequests;
import io.ddbc.wrapper.internal.FacadeResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A {@link DynamoDbClient} over a ddbc {@link Backend} — typically the embedded engine — so that code
 * written against the AWS SDK (or the Enhanced Client) runs against its replication lag, capacity
 * arithmetic and faults. SDK requests and responses are converted with the aws module's converters;
 * ddbc exceptions become the SDK exceptions DynamoDB would raise ({@code ConditionalCheckFailedException},
 * {@code TransactionCanceledException}, ...).
 *
 * <pre>{@code
 * try (EmbeddedDynamoDbClient sdk = EmbeddedDynamoDbClient.open("ddbc:embedded:mem")) {
 *     DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder()
 *             .dynamoDbClient(DdbcDynamoDbClient.wrap(sdk, options)).build();
 *     ...
 * }
 * }</pre>
 *
 * Supported: GetItem, PutItem, UpdateItem, DeleteItem, Query, Scan, BatchGetItem, BatchWriteItem,
 * TransactGetItems, TransactWriteItems, CreateTable, DescribeTable, DeleteTable, ListTables, with the
 * expression parameters (the legacy AttributesToGet/KeyConditions/Expected/... are refused with a
 * ValidationException). Other operations (PartiQL, backups, TTL, streams...) are not modelled by the
 * engine and throw the SDK interface's {@code UnsupportedOperationException}. Thread-safe.
 */
public final class EmbeddedDynamoDbClient implements DynamoDbClient {
    private final Backend backend;
    private final boolean owns;
    private final Map<String, TableSpec> specs = new ConcurrentHashMap<>();
    private final FacadeRequests requests;
    private final FacadeResponses responses;

    private EmbeddedDynamoDbClient(Backend backend, boolean owns) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.owns = owns;
        this.requests = new FacadeRequests(this::spec);
        this.responses = new FacadeResponses(this::spec);
    }

    /** A facade over {@code backend}, which stays the caller's (not closed by {@link #close()}). */
    public static EmbeddedDynamoDbClient over(Backend backend) {
        return new EmbeddedDynamoDbClient(backend, false);
    }

    /** A facade over the backend a ddbc URL names (e.g. {@code ddbc:embedded:mem}); closed with the facade. */
    public static EmbeddedDynamoDbClient open(String url) {
        DdbcUrl parsed = DdbcUrl.parse(url);
        return new EmbeddedDynamoDbClient(BackendProviders.find(parsed, EmbeddedDynamoDbClient.class.getClassLoader()).open(parsed, new Properties()), true);
    }

    /** The backend underneath, e.g. to reach {@code EmbeddedControl} with {@code backend().unwrap(...)}. */
    public Backend backend() {
        return backend;
    }

    private TableSpec spec(String table) {
        return specs.computeIfAbsent(table, t -> backend.describeTable(new DescribeTableRequest(t)).spec());
    }

    /** Runs a backend call, turning ddbc exceptions into the SDK's. */
    private static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (DdbcException e) {
            throw FacadeErrors.toSdk(e);
        }
    }

    @Override
    public GetItemResponse getItem(GetItemRequest r) {
        return call(() -> {
            GetResult g = backend.get(requests.get(r));
            return GetItemResponse.builder().item(FacadeResponses.item(g.item().orElse(null)))
                    .consumedCapacity(responses.capacityOne(g.consumedCapacity(), r.returnConsumedCapacity(), r.tableName())).build();
        });
    }

    @Override
    public PutItemResponse putItem(PutItemRequest r) {
        return call(() -> {
            WriteResult w = backend.put(requests.put(r));
            return PutItemResponse.builder().attributes(FacadeResponses.item(w.attributes().orElse(null)))
                    .consumedCapacity(responses.capacityOne(w.consumedCapacity(), r.returnConsumedCapacity(), r.tableName())).build();
        });
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest r) {
        return call(() -> {
            WriteResult w = backend.update(requests.update(r));
            return UpdateItemResponse.builder().attributes(FacadeResponses.item(w.attributes().orElse(null)))
                    .consumedCapacity(responses.capacityOne(w.consumedCapacity(), r.returnConsumedCapacity(), r.tableName())).build();
        });
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest r) {
        return call(() -> {
            WriteResult w = backend.delete(requests.delete(r));
            return DeleteItemResponse.builder().attributes(FacadeResponses.item(w.attributes().orElse(null)))
                    .consumedCapacity(responses.capacityOne(w.consumedCapacity(), r.returnConsumedCapacity(), r.tableName())).build();
        });
    }

    @Override
    public QueryResponse query(QueryRequest r) {
        return call(() -> {
            Page p = backend.query(requests.query(r));
            return QueryResponse.builder().items(FacadeResponses.items(p.items())).count(p.count()).scannedCount(p.scannedCount())
                    .lastEvaluatedKey(FacadeResponses.item(p.lastEvaluatedKey().orElse(null)))
                    .consumedCapacity(responses.capacityOne(p.consumedCapacity(), r.returnConsumedCapacity(), r.tableName())).build();
        });
    }

    @Override
    public ScanResponse scan(ScanRequest r) {
        return call(() -> {
            Page p = backend.scan(requests.scan(r));
            return ScanResponse.builder().items(FacadeResponses.items(p.items())).count(p.count()).scannedCount(p.scannedCount())
                    .lastEvaluatedKey(FacadeResponses.item(p.lastEvaluatedKey().orElse(null)))
                    .consumedCapacity(responses.capacityOne(p.consumedCapacity(), r.returnConsumedCapacity(), r.tableName())).build();
        });
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest r) {
        return call(() -> {
            BatchGetResult b = backend.batchGet(requests.batchGet(r));
            return BatchGetItemResponse.builder().responses(FacadeResponses.batchItems(b)).unprocessedKeys(FacadeResponses.unprocessedKeys(b))
                    .consumedCapacity(responses.capacity(b.consumedCapacity(), r.returnConsumedCapacity())).build();
        });
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest r) {
        return call(() -> {
            BatchWriteResult b = backend.batchWrite(requests.batchWrite(r));
            return BatchWriteItemResponse.builder().unprocessedItems(FacadeResponses.unprocessedWrites(b))
                    .consumedCapacity(responses.capacity(b.consumedCapacity(), r.returnConsumedCapacity())).build();
        });
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest r) {
        return call(() -> {
            TransactWriteResult t = backend.transactWrite(requests.transactWrite(r));
            return TransactWriteItemsResponse.builder().consumedCapacity(responses.capacity(t.consumedCapacity(), r.returnConsumedCapacity())).build();
        });
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest r) {
        return call(() -> {
            TransactGetResult t = backend.transactGet(requests.transactGet(r));
            List<ItemResponse> items = new ArrayList<>();
            for (Optional<io.ddbc.api.Item> i : t.items()) items.add(ItemResponse.builder().item(FacadeResponses.item(i.orElse(null))).build());
            return TransactGetItemsResponse.builder().responses(items)
                    .consumedCapacity(responses.capacity(t.consumedCapacity(), r.returnConsumedCapacity())).build();
        });
    }

    @Override
    public CreateTableResponse createTable(CreateTableRequest r) {
        return call(() -> {
            TableSpec spec = FacadeResponses.spec(r);
            io.ddbc.api.TableDescription d = backend.createTable(new io.ddbc.api.CreateTableRequest(spec));
            specs.remove(r.tableName());
            return CreateTableResponse.builder().tableDescription(FacadeResponses.description(d)).build();
        });
    }

    @Override
    public DescribeTableResponse describeTable(software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest r) {
        return call(() -> DescribeTableResponse.builder()
                .table(FacadeResponses.description(backend.describeTable(new DescribeTableRequest(r.tableName())))).build());
    }

    @Override
    public DeleteTableResponse deleteTable(DeleteTableRequest r) {
        return call(() -> {
            specs.remove(r.tableName());
            io.ddbc.api.TableDescription d = backend.deleteTable(new io.ddbc.api.DeleteTableRequest(r.tableName()));
            return DeleteTableResponse.builder().tableDescription(FacadeResponses.description(d)).build();
        });
    }

    @Override
    public ListTablesResponse listTables(ListTablesRequest r) {
        return call(() -> {
            ListTablesResult l = backend.listTables(new io.ddbc.api.ListTablesRequest(r.exclusiveStartTableName(),
                    r.limit() == null ? 100 : r.limit()));
            return ListTablesResponse.builder().tableNames(l.tableNames()).lastEvaluatedTableName(l.lastEvaluatedTableName().orElse(null)).build();
        });
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
        return DynamoDbServiceClientConfiguration.builder().build();
    }

    /** Closes the backend if this facade opened it from a URL. */
    @Override
    public void close() {
        if (owns) backend.close();
    }

    @Override
    public String toString() {
        return "EmbeddedDynamoDbClient{" + backend.name() + "}";
    }

}
