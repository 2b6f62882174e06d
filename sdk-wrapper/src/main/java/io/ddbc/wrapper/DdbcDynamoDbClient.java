package io.ddbc.wrapper;

import io.ddbc.api.SessionToken;
import io.ddbc.wrapper.internal.Counters;
import io.ddbc.wrapper.internal.ForwardingDynamoDbClient;
import io.ddbc.wrapper.internal.SessionReads;
import io.ddbc.wrapper.internal.SessionWrites;
import io.ddbc.wrapper.internal.Sessions;
import io.ddbc.wrapper.internal.TableSchemas;
import io.ddbc.wrapper.internal.WrapperCache;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
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
 * A drop-in {@link DynamoDbClient} that wraps an application's client and gives it ddbc's session
 * guarantee, read-your-writes (and monotonic reads on versioned tables), without a rewrite. It behaves
 * exactly like the delegate except that:
 * <ul>
 *   <li>writes (PutItem, UpdateItem, DeleteItem, TransactWriteItems, BatchWriteItem) are recorded in the
 *       current session, with the item's version where the table's version attribute is declared in
 *       {@link WrapperOptions.Builder#versionAttribute};</li>
 *   <li>{@code ConsistentRead=false} GetItem, BatchGetItem and Query of what the session wrote honour
 *       read-your-writes as ddbc-core does on DynamoDB: eventual first, strong only when the item came back
 *       older than the session knows (see {@code io.ddbc.core} "Sessions");</li>
 *   <li>what it cannot honour (PartiQL {@code ExecuteStatement}/{@code BatchExecuteStatement}/{@code
 *       ExecuteTransaction}, eventual Scan, eventual Query on a global index of a table the session wrote)
 *       passes through unchanged and is counted in {@link #stats()} and the meter {@code ddbc.wrapper.unhonoured}.</li>
 * </ul>
 * Every other request and response field passes through unchanged (see the module README for the two
 * exceptions: a versioned DeleteItem asks for ALL_OLD and hides it again; a versioned UpdateItem that returns
 * no new version costs one strong read-back), and every other operation goes to the delegate as it is.
 * Optionally ({@link WrapperOptions.Builder#cache}) eventual GetItems are answered from ddbc-core's
 * write-through cache when it is new enough for the session. Works under the Enhanced Client, including its {@code VersionedRecordExtension}.
 *
 * <pre>{@code
 * DynamoDbClient sdk = DynamoDbClient.create();
 * DdbcDynamoDbClient wrapped = DdbcDynamoDbClient.wrap(sdk, WrapperOptions.builder().versionAttribute("orders", "version").build());
 * DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(wrapped).build();   // the one changed line
 *
 * try (BoundSession s = wrapped.session(SessionToken.parse(tokenFromRequest))) {   // optional: a session per web request
 *     orders.putItem(order);
 *     orders.getItem(key);                                                         // sees the put
 *     tokenForResponse = s.token().serialize();
 * }
 * }</pre>
 *
 * Sessions: one per wrapper by default, or per thread ({@link SessionScope#PER_THREAD}), or bound to the
 * thread explicitly with {@link #session(SessionToken)}. Thread-safe. {@link #close()} closes the delegate.
 */
public final class DdbcDynamoDbClient extends ForwardingDynamoDbClient {
    private final Sessions sessions;
    private final Counters counters;
    private final SessionReads reads;
    private final SessionWrites writes;

    private DdbcDynamoDbClient(DynamoDbClient delegate, WrapperOptions options) {
        super(delegate);
        this.sessions = new Sessions(options.tokenScope(), options.sessionScope());
        this.counters = new Counters(options.meterRegistry().orElse(null));
        TableSchemas schemas = new TableSchemas(delegate, options);
        WrapperCache cache = WrapperCache.of(options.cache().orElse(null), options.meterRegistry().orElse(null));
        this.reads = new SessionReads(delegate, schemas, sessions, counters, cache);
        this.writes = new SessionWrites(delegate, schemas, sessions, counters, cache);
    }

    /** Wraps {@code delegate} with {@code options}. */
    public static DdbcDynamoDbClient wrap(DynamoDbClient delegate, WrapperOptions options) {
        return new DdbcDynamoDbClient(delegate, options == null ? WrapperOptions.defaults() : options);
    }

    /** Wraps {@code delegate} with default options (one session per wrapper, no versioned tables). */
    public static DdbcDynamoDbClient wrap(DynamoDbClient delegate) {
        return wrap(delegate, WrapperOptions.defaults());
    }

    /**
     * Binds a session to the current thread until the result is closed: resumed from {@code token}, or a
     * new one if {@code token} is null.
     *
     * @throws io.ddbc.api.SessionTokenException if the token belongs to another scope
     */
    public BoundSession session(SessionToken token) {
        return sessions.bind(token);
    }

    /** The token of the session the current thread's requests record into. */
    public SessionToken currentToken() {
        return sessions.current().token();
    }

    /** Counts of upgrades, read-backs and unhonoured pass-throughs. */
    public WrapperStats stats() {
        return new WrapperStats(counters.unhonoured(), counters.upgrades(), counters.readBacks());
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return reads.get(request);
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        return reads.batchGet(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return reads.query(request);
    }

    @Override
    public TransactGetItemsResponse transactGetItems(TransactGetItemsRequest request) {
        return reads.transactGet(request);
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        if (!Boolean.TRUE.equals(request.consistentRead())) counters.unhonoured("Scan");
        return delegate.scan(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return writes.put(request);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return writes.update(request);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return writes.delete(request);
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        return writes.transactWrite(request);
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        return writes.batchWrite(request);
    }

    @Override
    public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
        counters.unhonoured("ExecuteStatement");
        return delegate.executeStatement(request);
    }

    @Override
    public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
        counters.unhonoured("BatchExecuteStatement");
        return delegate.batchExecuteStatement(request);
    }

    @Override
    public ExecuteTransactionResponse executeTransaction(ExecuteTransactionRequest request) {
        counters.unhonoured("ExecuteTransaction");
        return delegate.executeTransaction(request);
    }

    @Override
    public String toString() {
        return "DdbcDynamoDbClient{" + delegate + "}";
    }
}
