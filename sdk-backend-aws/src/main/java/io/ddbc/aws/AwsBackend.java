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
import io.ddbc.aws.internal.ClientFactory;
import io.ddbc.aws.internal.CapacityConverter.Kind;
import io.ddbc.aws.internal.ErrorMapper;
import io.ddbc.aws.internal.ErrorMapper.Target;
import io.ddbc.aws.internal.ModelConverter;
import io.ddbc.aws.internal.RegionList;
import io.ddbc.aws.internal.RequestMapper;
import io.ddbc.aws.internal.ResultMapper;
import io.ddbc.aws.internal.TableSpecConverter;
import io.ddbc.spi.Backend;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.TreeMap;
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
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
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
 * <p>Global tables: {@code ddbc:aws://us-east-1,eu-west-1} (or {@link #wrapRegions(Map)}) gives one backend holding
 * one client per region. It serves the home region (the first); {@link #region(String)} gives each region's view,
 * and the client core uses those for regional affinity and cross-region session reads. DynamoDB replicates between
 * regions itself (asynchronously, last writer wins); this adapter adds no replication of its own, so over
 * independent endpoints such as one DynamoDB Local per region nothing is replicated at all.
 * <pre>{@code
 * try (Backend global = backendProvider.open(DdbcUrl.parse("ddbc:aws://us-east-1,eu-west-1"), new Properties())) {
 *     global.regions();                                                // [us-east-1, eu-west-1]
 *     global.region("eu-west-1").get(GetRequest.builder("accounts", key).build());
 * }
 * }</pre>
 *
 * <p>What DynamoDB does not give: replica positions (results carry {@link Positions#NONE},
 * {@link #supportsPositions()} is false, {@link ServedBy#BACKEND}); and the managed version attribute,
 * which is ddbc's notion: this adapter keeps ddbc's declarations in a small table of its own,
 * {@code ddbc_metadata} (created on the first declaration), written by {@link #createTable} and
 * {@link #declareVersionAttribute} and read strongly by {@link #describeTable}, so that every process finds
 * a table's version attribute. Batch operations are
 * sent once: unprocessed keys and writes are returned for the core to retry.
 */
public final class AwsBackend implements Backend {
    /** Poll interval while waiting for a new table to become ACTIVE. */
    private static final Duration TABLE_POLL = Duration.ofMillis(500);
    private static final Duration TABLE_WAIT = Duration.ofMinutes(10);

    private final DynamoDbClient client;
    private final String sessionScope;
    private final DynamoDbWaiter waiter;
    /** ddbc's version attribute declarations in this backend's region. */
    private final io.ddbc.aws.internal.VersionDeclarations declarations;
    /** Shared by a multi-region backend and its views: once the backend is closed, so are they. */
    private final AtomicBoolean closed;
    /** What {@link #close()} releases: the clients ddbc built; empty for a view or an application's client. */
    private final List<DynamoDbClient> owned;
    /** The regions of a multi-region backend (null: single-region). */
    private final Regions regions;
    /** The region this backend is a view of; null for a single-region backend and for a multi-region root. */
    private final String viewOf;

    AwsBackend(DynamoDbClient client, boolean ownsClient, String sessionScope) {
        this(client, sessionScope, new AtomicBoolean(), ownsClient ? List.of(client) : List.of(), null, null);
    }

    private AwsBackend(DynamoDbClient client, String sessionScope, AtomicBoolean closed, List<DynamoDbClient> owned,
                       Regions regions, String viewOf) {
        if (client == null) throw new DdbcConfigException("AwsBackend needs a DynamoDbClient, got null");
        this.client = client;
        this.sessionScope = sessionScope;
        this.closed = closed;
        this.owned = owned;
        this.regions = regions;
        this.viewOf = viewOf;
        this.declarations = new io.ddbc.aws.internal.VersionDeclarations(client);
        this.waiter = DynamoDbWaiter.builder().client(client)
                .overrideConfiguration(o -> o.backoffStrategyV2(BackoffStrategy.fixedDelay(TABLE_POLL)).waitTimeout(TABLE_WAIT)
                        .maxAttempts((int) (TABLE_WAIT.toMillis() / TABLE_POLL.toMillis())))
                .build();
    }

    /**
     * A multi-region backend over one client per region (global tables). The root serves the home region
     * (the first key) and owns the clients when {@code owns}; each region gets a view sharing the session scope.
     *
     * @param endpoints each region's endpoint override, or "" for none
     * @param where     what to name in errors, e.g. "URL parameter 'endpoint'"
     */
    static AwsBackend multiRegion(Map<String, DynamoDbClient> clients, boolean owns, Map<String, String> endpoints, String where) {
        Regions regions = new Regions(new ArrayList<>(clients.keySet()), standalone(endpoints, where));
        String sessionScope = globalScope(endpoints);
        AtomicBoolean closed = new AtomicBoolean();
        for (Map.Entry<String, DynamoDbClient> e : clients.entrySet()) {
            regions.add(e.getKey(), new AwsBackend(e.getValue(), sessionScope, closed, List.of(), regions, e.getKey()));
        }
        List<DynamoDbClient> owned = owns ? List.copyOf(clients.values()) : List.of();
        return new AwsBackend(clients.get(regions.home()), sessionScope, closed, owned, regions, null);
    }

    /**
     * Whether the regions are standalone servers (e.g. one DynamoDB Local each) rather than AWS's DynamoDB service,
     * which alone has global tables: true when every region has an endpoint override outside AWS's domains, false
     * when none has one or every override is an AWS endpoint (e.g. a VPC or FIPS endpoint).
     *
     * @throws DdbcConfigException for a mix, naming {@code where}
     */
    private static boolean standalone(Map<String, String> endpoints, String where) {
        long standalone = endpoints.values().stream().filter(e -> !e.isEmpty() && !ClientFactory.isAwsEndpoint(URI.create(e))).count();
        if (standalone != 0 && standalone != endpoints.size()) {
            throw new DdbcConfigException(where + ": either every region is a standalone endpoint (e.g. DynamoDB Local) or none is"
                    + " (AWS's DynamoDB, with or without AWS endpoint overrides), got " + endpoints);
        }
        return standalone != 0;
    }

    /**
     * A multi-region backend (global tables) over clients the application configured, one per region; the
     * map's iteration order is the region order, home region first (use a {@link java.util.LinkedHashMap}).
     * The backend serves the home region, {@link #region(String)} the others; {@link #close()} leaves the
     * clients open. The session scope is {@code aws-global:} and the sorted regions (each with its endpoint
     * when the clients have endpoint overrides), so every process using the same global table agrees on it.
     *
     * <pre>{@code
     * Map<String, DynamoDbClient> clients = new LinkedHashMap<>();
     * clients.put("us-east-1", DynamoDbClient.builder().region(Region.US_EAST_1).build());
     * clients.put("eu-west-1", DynamoDbClient.builder().region(Region.EU_WEST_1).build());
     * try (Backend backend = AwsBackend.wrapRegions(clients)) {
     *     backend.region("eu-west-1").get(GetRequest.builder("accounts", key).build());
     * }
     * }</pre>
     *
     * @throws DdbcConfigException for fewer than two regions, a malformed or repeated region name, one client for two
     *                             regions, a client configured for another region than its key, or a mix of standalone
     *                             endpoints (e.g. DynamoDB Local) and AWS's service
     */
    public static AwsBackend wrapRegions(Map<String, DynamoDbClient> clients) {
        if (clients == null || clients.size() < 2) {
            throw new DdbcConfigException("AwsBackend.wrapRegions needs a client for each of at least two regions, got "
                    + (clients == null ? "null" : clients.keySet()) + "; for one region use AwsBackend.wrap(client)");
        }
        List<String> names = new ArrayList<>(clients.keySet());
        io.ddbc.spi.RegionNames.check(names, "AwsBackend.wrapRegions");
        Map<String, String> endpoints = new LinkedHashMap<>();
        java.util.Set<DynamoDbClient> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Map.Entry<String, DynamoDbClient> e : clients.entrySet()) {
            DynamoDbClient c = e.getValue();
            if (c == null) throw new DdbcConfigException("AwsBackend.wrapRegions: the client for region '" + e.getKey() + "' is null");
            if (!seen.add(c)) throw new DdbcConfigException("AwsBackend.wrapRegions: region '" + e.getKey() + "' has the same client as another region");
            endpoints.put(e.getKey(), endpointOf(e.getKey(), c));
        }
        return multiRegion(clients, false, endpoints, "AwsBackend.wrapRegions");
    }

    /** The client's endpoint override, or "" after checking that the client is configured for {@code region}. */
    private static String endpointOf(String region, DynamoDbClient client) {
        DynamoDbServiceClientConfiguration c = configurationOf(client);
        if (c == null) {
            throw new DdbcConfigException("AwsBackend.wrapRegions: cannot tell the region or endpoint of the client for region '" + region + "'");
        }
        if (c.endpointOverride().isPresent()) return c.endpointOverride().get().toString();
        if (c.region() == null || !c.region().id().equals(region)) {
            throw new DdbcConfigException("AwsBackend.wrapRegions: the client for region '" + region + "' is configured for region '"
                    + (c.region() == null ? null : c.region().id()) + "'");
        }
        return "";
    }

    /**
     * The session scope of a multi-region backend: {@code aws-global:} and the regions sorted, each as
     * {@code region=endpoint} when it has an endpoint override (value non-empty).
     */
    private static String globalScope(Map<String, String> endpointByRegion) {
        StringJoiner scope = new StringJoiner(",", "aws-global:", "");
        new TreeMap<>(endpointByRegion).forEach((region, endpoint) -> scope.add(endpoint.isEmpty() ? region : region + "=" + endpoint));
        return scope.toString();
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
        return WriteResult.of(ModelConverter.itemOrNull(resp.attributes()), CapacityConverter.convert(resp.consumedCapacity(), Kind.WRITE), Positions.NONE);
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

    /**
     * Creates the table and waits (polling DescribeTable) until it is ACTIVE.
     *
     * <p>On a multi-region backend every region holds every table, so the root and every region's view create
     * the table in all regions (the client core sends table administration to its home region's view):
     * <ul>
     *   <li>over standalone endpoints (endpoint overrides outside AWS's domains, e.g. one DynamoDB Local per region,
     *       which has no global tables) the table is created at every region's endpoint, this backend's region first:
     *       independent tables, nothing replicates between them;</li>
     *   <li>on AWS (no endpoint overrides, or AWS endpoints), a global table (version 2019.11.21): CreateTable in this backend's region with a stream of new
     *       and old images, then UpdateTable adding one replica per other region, waiting for each to become
     *       ACTIVE (this can take minutes). AWS's own rules for replicas apply (e.g. provisioned tables need
     *       write auto scaling or equal capacity, settings ddbc does not manage); for anything beyond a plain
     *       table, create the global table with your infrastructure tooling and let ddbc only use it.</li>
     * </ul>
     * A failure part-way leaves the regions done so far; the exception names the step.
     */
    @Override
    public TableDescription createTable(CreateTableRequest r) {
        String table = r.spec().name();
        String version = r.spec().versionAttribute().orElse(null);
        // Declared before the table exists, so no process can find the table without its version attribute; a
        // declaration left by a table deleted outside ddbc is replaced (a table that still exists fails CreateTable).
        List<AwsBackend> declared = new ArrayList<>();
        if (version != null) {
            for (AwsBackend b : everyRegion()) {
                boolean fresh = b.call(Target.of("CreateTable (declaring version attribute '" + version + "')", table),
                        () -> b.declarations.declare(table, version, !b.exists(table)));
                if (fresh) declared.add(b);
            }
        }
        try {
            TableDescription created = createTables(r);
            return version == null ? created : withVersion(created, version);
        } catch (RuntimeException e) {
            // The table was not created by this call (it may exist already): take back only what this call declared.
            for (AwsBackend b : declared) {
                try {
                    b.call(Target.of("CreateTable (undeclaring)", table), () -> {
                        b.declarations.remove(table);
                        return null;
                    });
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }

    private TableDescription createTables(CreateTableRequest r) {
        if (regions == null) return createHere(TableSpecConverter.toCreateRequest(r.spec()));
        if (!regions.independentEndpoints()) return createGlobalTable(r);
        TableDescription here = createHere(TableSpecConverter.toCreateRequest(r.spec()));
        for (String other : otherRegions()) regions.view(other).createHere(TableSpecConverter.toCreateRequest(r.spec()));
        return here;
    }

    /** This backend and, on a multi-region backend, every other region's view. */
    private List<AwsBackend> everyRegion() {
        List<AwsBackend> all = new ArrayList<>();
        all.add(this);
        if (regions != null) for (String other : otherRegions()) all.add(regions.view(other));
        return all;
    }

    private boolean exists(String table) {
        try {
            describe(table);
            return true;
        } catch (io.ddbc.api.ResourceNotFoundException e) {
            return false;
        }
    }

    private static TableDescription withVersion(TableDescription d, String version) {
        return new TableDescription(d.spec().toBuilder().versionAttribute(version).build(), d.status(), d.itemCount(), d.sizeBytes(),
                d.createdAt());
    }

    /**
     * Stores the declaration in the {@value io.ddbc.aws.internal.VersionDeclarations#TABLE} table of every region
     * (created on first use, on demand), where every process's {@link #describeTable} finds it.
     */
    @Override
    public void declareVersionAttribute(String table, String attribute) {
        describe(table);
        for (AwsBackend b : everyRegion()) {
            b.call(Target.of("DeclareVersionAttribute", table), () -> b.declarations.declare(table, attribute, false));
        }
    }

    /** The region this backend serves: its view's, or the home region for the root; null if single-region. */
    private String ownRegion() {
        return viewOf != null ? viewOf : regions == null ? null : regions.home();
    }

    /** Every region but this backend's own, in region order. */
    private List<String> otherRegions() {
        List<String> others = new ArrayList<>(regions.names());
        others.remove(ownRegion());
        return others;
    }

    private TableDescription createHere(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest sdkRequest) {
        String table = sdkRequest.tableName();
        call(Target.of("CreateTable", table), () -> client.createTable(sdkRequest));
        return awaitActive(table, "CreateTable");
    }

    /** Waits until the table exists and is ACTIVE; {@code step} names what is waited for in errors. */
    private TableDescription awaitActive(String table, String step) {
        WaiterResponse<DescribeTableResponse> done = call(Target.of(step + " (waiting for ACTIVE" + where() + ")", table),
                () -> waiter.waitUntilTableExists(b -> b.tableName(table)));
        DescribeTableResponse described = done.matched().response().orElseGet(() -> describe(table));
        return TableSpecConverter.fromSdk(described.table());
    }

    /** DynamoDB global tables 2019.11.21: this region's table with a stream, then one replica at a time. */
    private TableDescription createGlobalTable(CreateTableRequest r) {
        String table = r.spec().name();
        var sdkRequest = TableSpecConverter.toCreateRequest(r.spec()).toBuilder()
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)).build();
        TableDescription created = createHere(sdkRequest);
        for (String region : otherRegions()) {
            String step = "UpdateTable (adding replica " + region + ")";
            call(Target.of(step, table), () -> client.updateTable(b -> b.tableName(table)
                    .replicaUpdates(u -> u.create(c -> c.regionName(region)))));
            regions.view(region).awaitActive(table, step);
            awaitActive(table, step); // this region's table is UPDATING until the replica is in place
        }
        return created;
    }

    private String where() {
        return viewOf == null ? "" : " in " + viewOf;
    }

    /** DescribeTable, with ddbc's version attribute when one is declared for the table (one strong read of the metadata table). */
    @Override
    public TableDescription describeTable(DescribeTableRequest r) {
        TableDescription d = TableSpecConverter.fromSdk(describe(r.tableName()).table());
        if (r.tableName().equals(io.ddbc.aws.internal.VersionDeclarations.TABLE)) return d;
        java.util.Optional<String> version = call(Target.of("DescribeTable (reading ddbc's declarations)", r.tableName()),
                () -> declarations.lookup(r.tableName()));
        return version.isPresent() ? withVersion(d, version.get()) : d;
    }

    private DescribeTableResponse describe(String table) {
        return call(Target.of("DescribeTable", table), () -> client.describeTable(b -> b.tableName(table)));
    }

    /**
     * Deletes the table; the description returned is the table's as it was, with status DELETING
     * (DynamoDB's DeleteTable response may omit the key schema, so the table is described first).
     *
     * <p>On a multi-region backend (the root or any region's view) the table goes from every region: over standalone
     * endpoints (see {@link #createTable}) it is deleted at every region's endpoint; on AWS each other region's replica is removed first
     * (UpdateTable, waiting in between), then this region's table.
     */
    @Override
    public TableDescription deleteTable(DeleteTableRequest r) {
        if (regions == null) return deleteHere(r.tableName());
        if (regions.independentEndpoints()) {
            TableDescription here = deleteHere(r.tableName());
            for (String other : otherRegions()) regions.view(other).deleteHere(r.tableName());
            return here;
        }
        for (String region : otherRegions()) {
            String step = "UpdateTable (removing replica " + region + ")";
            call(Target.of(step, r.tableName()), () -> client.updateTable(b -> b.tableName(r.tableName())
                    .replicaUpdates(u -> u.delete(d -> d.regionName(region)))));
            awaitActive(r.tableName(), step);
        }
        return deleteHere(r.tableName());
    }

    private TableDescription deleteHere(String table) {
        TableDescription before = describeTable(new DescribeTableRequest(table));
        var resp = call(Target.of("DeleteTable", table), () -> client.deleteTable(b -> b.tableName(table)));
        call(Target.of("DeleteTable (removing ddbc's declarations)", table), () -> {
            declarations.remove(table);
            return null;
        });
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

    /**
     * Closes the SDK clients ddbc built (every region's, for a multi-region backend); an application's clients
     * stay open. Closing a region's view does nothing: the view belongs to its backend. Idempotent.
     */
    @Override
    public void close() {
        if (viewOf != null || !closed.compareAndSet(false, true)) return;
        List<AutoCloseable> resources = new ArrayList<>();
        if (regions != null) for (AwsBackend view : regions.views()) resources.add(view.waiter);
        resources.add(waiter);
        resources.addAll(owned);
        closeAll(resources);
    }

    /** Closes each resource even when an earlier one fails; the first failure is thrown, the others suppressed. */
    private static void closeAll(List<AutoCloseable> resources) {
        RuntimeException failure = null;
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                if (failure == null) failure = new DdbcException("Closing the aws backend failed: " + e.getMessage(), e);
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }

    /** The regions, home first, for a multi-region backend (and its views); empty for a single-region backend. */
    @Override
    public List<String> regions() {
        return regions == null ? List.of() : regions.names();
    }

    /**
     * The view serving one region: an AwsBackend on that region's client, with the same session scope and
     * regions. Closing it does nothing; closing this backend closes every region's client.
     *
     * @throws DdbcConfigException naming the region and the backend's regions if it has no such region
     */
    @Override
    public Backend region(String region) {
        if (regions == null) return Backend.super.region(region);
        return regions.view(region);
    }

    @Override
    public String toString() {
        String where = regions == null ? "" : viewOf == null ? ", home " + regions.home() : ", region " + viewOf;
        String whose = owned.isEmpty() && viewOf == null ? ", application's client" + (regions == null ? "" : "s") : "";
        return "AwsBackend{" + sessionScope + where + whose + "}";
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
