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
 * ValidationException), DescribeLimits, DescribeTimeToLive (always DISABLED), the paginators and
 * {@link #waiter()}. Every other operation (PartiQL, backups, exports, streams, tags, UpdateTable...) is not
 * modelled by the engine and throws a {@code DynamoDbException} (error code {@code UnknownOperationException})
 * whose message names the operation and what to use instead. Thread-safe.
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
        return specs.computeIfAbsent(requireTableName(table), t -> backend.describeTable(new DescribeTableRequest(t)).spec());
    }

    /** A request without a table name is refused as DynamoDB refuses it, before any map lookup could fail on the null. */
    private static String requireTableName(String table) {
        if (table == null) {
            throw new io.ddbc.api.ValidationException("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: "
                    + "Member must not be null");
        }
        return table;
    }

    /**
     * Runs a backend call, turning ddbc exceptions into the SDK's. Anything else is a bug of the engine or the
     * facade: it becomes the SDK's InternalServerErrorException (what DynamoDB answers for its own faults)
     * naming the fault, so SDK code never sees a bare IllegalArgumentException or NullPointerException.
     */
    private static <T> T call(Supplier<T> body) {
        try {
            return body.get();
        } catch (DdbcException e) {
            throw FacadeErrors.toSdk(e);
        } catch (software.amazon.awssdk.core.exception.SdkException e) {
            throw e;
        } catch (RuntimeException e) {
            throw FacadeErrors.internal(e);
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
            specs.remove(requireTableName(r.tableName()));
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


    /**
     * The account's limits as DynamoDB reports them by default (and as DynamoDB Local does): the engine
     * enforces no account-wide limit, so these are the figures code written for AWS expects.
     */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse describeLimits(
            software.amazon.awssdk.services.dynamodb.model.DescribeLimitsRequest r) {
        return software.amazon.awssdk.services.dynamodb.model.DescribeLimitsResponse.builder()
                .accountMaxReadCapacityUnits(80_000L).accountMaxWriteCapacityUnits(80_000L)
                .tableMaxReadCapacityUnits(40_000L).tableMaxWriteCapacityUnits(40_000L).build();
    }

    /**
     * Time to live is never enabled on the embedded engine (items do not expire), so every existing table
     * reports {@code DISABLED}; a missing table raises ResourceNotFoundException as DynamoDB does.
     */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse describeTimeToLive(
            software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest r) {
        return call(() -> {
            backend.describeTable(new DescribeTableRequest(r.tableName()));
            return software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveResponse.builder()
                    .timeToLiveDescription(d -> d.timeToLiveStatus(software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus.DISABLED))
                    .build();
        });
    }

    /**
     * The SDK's waiter over this client: {@code waitUntilTableExists} and {@code waitUntilTableNotExists}
     * poll DescribeTable, which the engine answers at once (tables are ACTIVE as soon as created).
     */
    @Override
    public software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter waiter() {
        return software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter.builder().client(this).build();
    }

    // ------------------------------------------------------------------ operations the engine does not model

    // Each one names itself and what to use instead: a DynamoDbException like DynamoDB's own answer to an
    // operation it does not know (UnknownOperationException), never the SDK interface's bare
    // UnsupportedOperationException. The Consumer<Builder> overloads are the interface's defaults, which call these.

    /** Not modelled: throws a {@code DynamoDbException} naming BatchExecuteStatement and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse batchExecuteStatement(software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest r) {
        throw FacadeErrors.unsupported("BatchExecuteStatement", "PartiQL is not modelled by the embedded engine; use BatchGetItem or BatchWriteItem");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming ExecuteStatement and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse executeStatement(software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest r) {
        throw FacadeErrors.unsupported("ExecuteStatement", "PartiQL is not modelled by the embedded engine; use GetItem, PutItem, UpdateItem, DeleteItem, Query or Scan");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming ExecuteTransaction and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse executeTransaction(software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest r) {
        throw FacadeErrors.unsupported("ExecuteTransaction", "PartiQL is not modelled by the embedded engine; use TransactGetItems or TransactWriteItems");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming CreateBackup and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.CreateBackupResponse createBackup(software.amazon.awssdk.services.dynamodb.model.CreateBackupRequest r) {
        throw FacadeErrors.unsupported("CreateBackup", "backups are not modelled by the embedded engine; copy the items with Scan and BatchWriteItem");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DeleteBackup and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DeleteBackupResponse deleteBackup(software.amazon.awssdk.services.dynamodb.model.DeleteBackupRequest r) {
        throw FacadeErrors.unsupported("DeleteBackup", "backups are not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DescribeBackup and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeBackupResponse describeBackup(software.amazon.awssdk.services.dynamodb.model.DescribeBackupRequest r) {
        throw FacadeErrors.unsupported("DescribeBackup", "backups are not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming ListBackups and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse listBackups(software.amazon.awssdk.services.dynamodb.model.ListBackupsRequest r) {
        throw FacadeErrors.unsupported("ListBackups", "backups are not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming RestoreTableFromBackup and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.RestoreTableFromBackupResponse restoreTableFromBackup(software.amazon.awssdk.services.dynamodb.model.RestoreTableFromBackupRequest r) {
        throw FacadeErrors.unsupported("RestoreTableFromBackup", "backups are not modelled by the embedded engine; use CreateTable and BatchWriteItem");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming RestoreTableToPointInTime and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeResponse restoreTableToPointInTime(software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeRequest r) {
        throw FacadeErrors.unsupported("RestoreTableToPointInTime", "point-in-time recovery is not modelled by the embedded engine; use CreateTable and BatchWriteItem");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DescribeContinuousBackups and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsResponse describeContinuousBackups(software.amazon.awssdk.services.dynamodb.model.DescribeContinuousBackupsRequest r) {
        throw FacadeErrors.unsupported("DescribeContinuousBackups", "point-in-time recovery is not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming UpdateContinuousBackups and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsResponse updateContinuousBackups(software.amazon.awssdk.services.dynamodb.model.UpdateContinuousBackupsRequest r) {
        throw FacadeErrors.unsupported("UpdateContinuousBackups", "point-in-time recovery is not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming ExportTableToPointInTime and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.ExportTableToPointInTimeResponse exportTableToPointInTime(software.amazon.awssdk.services.dynamodb.model.ExportTableToPointInTimeRequest r) {
        throw FacadeErrors.unsupported("ExportTableToPointInTime", "exports to S3 are not modelled by the embedded engine; read the table with Scan");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DescribeExport and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeExportResponse describeExport(software.amazon.awssdk.services.dynamodb.model.DescribeExportRequest r) {
        throw FacadeErrors.unsupported("DescribeExport", "exports to S3 are not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming ListExports and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.ListExportsResponse listExports(software.amazon.awssdk.services.dynamodb.model.ListExportsRequest r) {
        throw FacadeErrors.unsupported("ListExports", "exports to S3 are not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming ImportTable and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.ImportTableResponse importTable(software.amazon.awssdk.services.dynamodb.model.ImportTableRequest r) {
        throw FacadeErrors.unsupported("ImportTable", "imports from S3 are not modelled by the embedded engine; use CreateTable and BatchWriteItem");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DescribeImport and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeImportResponse describeImport(software.amazon.awssdk.services.dynamodb.model.DescribeImportRequest r) {
        throw FacadeErrors.unsupported("DescribeImport", "imports from S3 are not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming ListImports and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.ListImportsResponse listImports(software.amazon.awssdk.services.dynamodb.model.ListImportsRequest r) {
        throw FacadeErrors.unsupported("ListImports", "imports from S3 are not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming CreateGlobalTable and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.CreateGlobalTableResponse createGlobalTable(software.amazon.awssdk.services.dynamodb.model.CreateGlobalTableRequest r) {
        throw FacadeErrors.unsupported("CreateGlobalTable", "global tables (2017 version) are not modelled here; open a multi-region ddbc URL (ddbc:embedded:mem?regions=...)");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DescribeGlobalTable and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableResponse describeGlobalTable(software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableRequest r) {
        throw FacadeErrors.unsupported("DescribeGlobalTable", "global tables (2017 version) are not modelled here; use DescribeTable");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DescribeGlobalTableSettings and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableSettingsResponse describeGlobalTableSettings(software.amazon.awssdk.services.dynamodb.model.DescribeGlobalTableSettingsRequest r) {
        throw FacadeErrors.unsupported("DescribeGlobalTableSettings", "global tables (2017 version) are not modelled here; use DescribeTable");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming ListGlobalTables and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesResponse listGlobalTables(software.amazon.awssdk.services.dynamodb.model.ListGlobalTablesRequest r) {
        throw FacadeErrors.unsupported("ListGlobalTables", "global tables (2017 version) are not modelled here; use ListTables");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming UpdateGlobalTable and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableResponse updateGlobalTable(software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableRequest r) {
        throw FacadeErrors.unsupported("UpdateGlobalTable", "global tables (2017 version) are not modelled here; open a multi-region ddbc URL");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming UpdateGlobalTableSettings and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableSettingsResponse updateGlobalTableSettings(software.amazon.awssdk.services.dynamodb.model.UpdateGlobalTableSettingsRequest r) {
        throw FacadeErrors.unsupported("UpdateGlobalTableSettings", "global tables (2017 version) are not modelled here");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DescribeContributorInsights and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsResponse describeContributorInsights(software.amazon.awssdk.services.dynamodb.model.DescribeContributorInsightsRequest r) {
        throw FacadeErrors.unsupported("DescribeContributorInsights", "CloudWatch Contributor Insights is not modelled; use the backend's stats or ddbc's metrics");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming ListContributorInsights and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsResponse listContributorInsights(software.amazon.awssdk.services.dynamodb.model.ListContributorInsightsRequest r) {
        throw FacadeErrors.unsupported("ListContributorInsights", "CloudWatch Contributor Insights is not modelled; use the backend's stats or ddbc's metrics");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming UpdateContributorInsights and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsResponse updateContributorInsights(software.amazon.awssdk.services.dynamodb.model.UpdateContributorInsightsRequest r) {
        throw FacadeErrors.unsupported("UpdateContributorInsights", "CloudWatch Contributor Insights is not modelled; use the backend's stats or ddbc's metrics");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DescribeKinesisStreamingDestination and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationResponse describeKinesisStreamingDestination(software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationRequest r) {
        throw FacadeErrors.unsupported("DescribeKinesisStreamingDestination", "Kinesis streaming is not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming EnableKinesisStreamingDestination and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationResponse enableKinesisStreamingDestination(software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationRequest r) {
        throw FacadeErrors.unsupported("EnableKinesisStreamingDestination", "Kinesis streaming is not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DisableKinesisStreamingDestination and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DisableKinesisStreamingDestinationResponse disableKinesisStreamingDestination(software.amazon.awssdk.services.dynamodb.model.DisableKinesisStreamingDestinationRequest r) {
        throw FacadeErrors.unsupported("DisableKinesisStreamingDestination", "Kinesis streaming is not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming UpdateKinesisStreamingDestination and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingDestinationResponse updateKinesisStreamingDestination(software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingDestinationRequest r) {
        throw FacadeErrors.unsupported("UpdateKinesisStreamingDestination", "Kinesis streaming is not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DescribeTableReplicaAutoScaling and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeTableReplicaAutoScalingResponse describeTableReplicaAutoScaling(software.amazon.awssdk.services.dynamodb.model.DescribeTableReplicaAutoScalingRequest r) {
        throw FacadeErrors.unsupported("DescribeTableReplicaAutoScaling", "auto scaling is not modelled by the embedded engine; use DescribeTable");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming UpdateTableReplicaAutoScaling and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateTableReplicaAutoScalingResponse updateTableReplicaAutoScaling(software.amazon.awssdk.services.dynamodb.model.UpdateTableReplicaAutoScalingRequest r) {
        throw FacadeErrors.unsupported("UpdateTableReplicaAutoScaling", "auto scaling is not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming UpdateTable and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse updateTable(software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest r) {
        throw FacadeErrors.unsupported("UpdateTable", "changing a table in place is not modelled by the embedded engine; delete it and create it again with DeleteTable and CreateTable");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming UpdateTimeToLive and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveResponse updateTimeToLive(software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest r) {
        throw FacadeErrors.unsupported("UpdateTimeToLive", "time to live is not modelled by the embedded engine (items never expire); delete expired items with DeleteItem");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DescribeEndpoints and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsResponse describeEndpoints(software.amazon.awssdk.services.dynamodb.model.DescribeEndpointsRequest r) {
        throw FacadeErrors.unsupported("DescribeEndpoints", "the embedded engine has no network endpoint; it runs in this JVM");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming GetResourcePolicy and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse getResourcePolicy(software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyRequest r) {
        throw FacadeErrors.unsupported("GetResourcePolicy", "resource policies (IAM) are not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming PutResourcePolicy and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyResponse putResourcePolicy(software.amazon.awssdk.services.dynamodb.model.PutResourcePolicyRequest r) {
        throw FacadeErrors.unsupported("PutResourcePolicy", "resource policies (IAM) are not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming DeleteResourcePolicy and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyResponse deleteResourcePolicy(software.amazon.awssdk.services.dynamodb.model.DeleteResourcePolicyRequest r) {
        throw FacadeErrors.unsupported("DeleteResourcePolicy", "resource policies (IAM) are not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming TagResource and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.TagResourceResponse tagResource(software.amazon.awssdk.services.dynamodb.model.TagResourceRequest r) {
        throw FacadeErrors.unsupported("TagResource", "tags are not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming UntagResource and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.UntagResourceResponse untagResource(software.amazon.awssdk.services.dynamodb.model.UntagResourceRequest r) {
        throw FacadeErrors.unsupported("UntagResource", "tags are not modelled by the embedded engine");
    }

    /** Not modelled: throws a {@code DynamoDbException} naming ListTagsOfResource and what to use instead. */
    @Override
    public software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceResponse listTagsOfResource(software.amazon.awssdk.services.dynamodb.model.ListTagsOfResourceRequest r) {
        throw FacadeErrors.unsupported("ListTagsOfResource", "tags are not modelled by the embedded engine");
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
