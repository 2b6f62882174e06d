package io.ddbc.embedded;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.DdbcRequest;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.DeleteTableRequest;
import io.ddbc.api.DescribeTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.Key;
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
import io.ddbc.api.DdbcException;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.embedded.internal.engine.Engine;
import io.ddbc.embedded.internal.global.GlobalEngine;
import io.ddbc.embedded.internal.global.RegionSettings;
import io.ddbc.embedded.internal.engine.TableState;
import io.ddbc.embedded.internal.replication.ReplicationSettings;
import io.ddbc.embedded.internal.replication.Topology;
import io.ddbc.spi.Backend;
import io.ddbc.spi.MetricsSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The embedded engine as a {@link Backend}: an in-process DynamoDB with DynamoDB's semantics, limits,
 * capacity arithmetic and — with three replicas per partition — its replication: leader and followers in
 * three AZs, stale eventual reads, lag, faults and throttling, on real or virtual time. Pure Java. Usually
 * opened through its URL ({@code ddbc:embedded:mem?replicas=3&seed=42}, see {@link EmbeddedBackendProvider});
 * {@link #unwrap(Class)} with {@link EmbeddedControl} reaches its controls. On real time with three replicas
 * it owns one daemon thread (replication delivery), stopped by {@link #close()}.
 *
 * <p>With {@code ?regions=us-east-1,eu-west-1} it is a multi-region engine (DynamoDB global tables): every
 * region is such an engine with its own AZs and faults, all on one clock (one thread on real time) and one
 * position counter; tables are global; a write is acknowledged by its region and reaches the others
 * asynchronously, item by item, last writer wins per item. This backend serves the home region (the first);
 * {@link #region(String)} gives a view per region. Positions name region-qualified partitions
 * ({@code us-east-1:accounts#3}); an eventual read in one region that requires another region's writes it has
 * not applied yet throws {@link io.ddbc.api.StaleReadException}; strong reads are strong within their region.
 *
 * <pre>{@code
 * EmbeddedBackend us = (EmbeddedBackend) new EmbeddedBackendProvider().open(
 *         DdbcUrl.parse("ddbc:embedded:mem?regions=us-east-1,eu-west-1&time=virtual&seed=1"), new Properties());
 * WriteResult w = us.put(PutRequest.builder("accounts", Item.of("id", "alice", "balance", 5)).build());
 * EmbeddedBackend eu = us.region("eu-west-1");
 * eu.get(GetRequest.builder("accounts", Key.of("id", "alice")).minPositions(w.positions()).build()); // StaleReadException
 * us.settle();                                                                                       // replicated
 * }</pre>
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
    /** Shared by the root and its region views: closing the root closes them all. */
    private final AtomicBoolean closed;
    private final long startNanos;
    /** The multi-region engine this backend (or view) belongs to, or null when single-region. */
    private final GlobalEngine global;
    /** This backend's region number in {@link #global} (0 for the root, which serves the home region). */
    private final int regionIndex;
    /** One view per region, made by the root (null in views and single-region backends). */
    private final List<EmbeddedBackend> views;
    /** The root: itself, or the backend a view belongs to. */
    private final EmbeddedBackend owner;

    private EmbeddedBackend(int partitions, ReplicationSettings settings) {
        this.engine = new Engine(partitions, settings);
        this.startNanos = engine.cluster().nanoTime();
        // Each in-memory engine is its own data: session tokens of one must not be used on another.
        this.scope = "embedded:mem:" + UUID.randomUUID();
        this.closed = new AtomicBoolean();
        this.global = null;
        this.regionIndex = 0;
        this.views = null;
        this.owner = this;
    }

    /** The root of a multi-region engine: serves the home region and makes one view per region. */
    private EmbeddedBackend(GlobalEngine global) {
        this.engine = global.engine(0);
        this.startNanos = global.epoch();
        this.scope = "embedded:mem:" + UUID.randomUUID();
        this.closed = new AtomicBoolean();
        this.global = global;
        this.regionIndex = 0;
        List<EmbeddedBackend> v = new ArrayList<>();
        for (int i = 0; i < global.regions().size(); i++) v.add(new EmbeddedBackend(this, i));
        this.views = List.copyOf(v);
        this.owner = this;
    }

    /** A region view of a multi-region root. */
    private EmbeddedBackend(EmbeddedBackend root, int regionIndex) {
        this.engine = root.global.engine(regionIndex);
        this.startNanos = root.startNanos;
        this.scope = root.scope;
        this.closed = root.closed;
        this.global = root.global;
        this.regionIndex = regionIndex;
        this.views = null;
        this.owner = root;
    }

    /**
     * An empty single-node in-memory engine (one replica per partition, no lag, no threads).
     *
     * @param partitions hash partitions per table, 1 to 1024
     * @throws ValidationException if {@code partitions} is out of range
     */
    public static EmbeddedBackend inMemory(int partitions) {
        return create(partitions, ReplicationSettings.SINGLE_NODE);
    }

    /** An empty in-memory engine replicating per {@code settings} (the provider validates them). */
    static EmbeddedBackend create(int partitions, ReplicationSettings settings) {
        checkPartitions(partitions);
        return new EmbeddedBackend(partitions, settings);
    }

    /**
     * An empty multi-region engine (global tables): one engine per region replicating per {@code settings},
     * cross-region replication per {@code regions} (the provider validates both).
     */
    static EmbeddedBackend createGlobal(int partitions, ReplicationSettings settings, RegionSettings regions) {
        checkPartitions(partitions);
        return new EmbeddedBackend(new GlobalEngine(partitions, settings, regions));
    }

    private static void checkPartitions(int partitions) {
        if (partitions < 1 || partitions > 1024) {
            throw new ValidationException("partitions must be 1 to 1024, got " + partitions);
        }
    }

    private void checkOpen() {
        if (closed.get()) throw new DdbcException("client closed: this embedded backend (" + scope + ") was closed; open a new one");
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

    /** The regions, home first, for a multi-region engine ({@code ?regions=...}); empty otherwise. */
    @Override
    public List<String> regions() {
        return global == null ? List.of() : global.regions();
    }

    /**
     * The view serving one region: that region's replicas, positions, stats and AZ faults; the same tables,
     * clock and session scope. Closing a view does nothing; closing this backend closes every view.
     *
     * <pre>{@code
     * EmbeddedControl eu = backend.region("eu-west-1").unwrap(EmbeddedControl.class);
     * eu.crashReplica("az-b");          // an AZ of eu-west-1 only
     * }</pre>
     *
     * @throws io.ddbc.api.DdbcConfigException naming the region and the regions there are
     */
    @Override
    public EmbeddedBackend region(String region) {
        if (global == null) return (EmbeddedBackend) Backend.super.region(region);
        return owner.views.get(global.indexOf(region));
    }

    @Override
    public GetResult get(GetRequest request) {
        checkOpen();
        return inContext(request, request.tableName(), request.key(), () -> engine.get(request));
    }

    @Override
    public WriteResult put(PutRequest request) {
        checkOpen();
        return lost(request, inContext(request, request.tableName(), null, () -> engine.put(request)));
    }

    @Override
    public WriteResult update(UpdateRequest request) {
        checkOpen();
        return lost(request, inContext(request, request.tableName(), request.key(), () -> engine.update(request)));
    }

    @Override
    public WriteResult delete(DeleteRequest request) {
        checkOpen();
        return lost(request, inContext(request, request.tableName(), request.key(), () -> engine.delete(request)));
    }

    @Override
    public Page query(QueryRequest request) {
        checkOpen();
        return inContext(request, request.tableName(), null, () -> engine.query(request));
    }

    @Override
    public Page scan(ScanRequest request) {
        checkOpen();
        return inContext(request, request.tableName(), null, () -> engine.scan(request));
    }

    @Override
    public BatchGetResult batchGet(BatchGetRequest request) {
        checkOpen();
        return engine.batchGet(request);
    }

    @Override
    public BatchWriteResult batchWrite(BatchWriteRequest request) {
        checkOpen();
        return lost(request, engine.batchWrite(request));
    }

    @Override
    public TransactGetResult transactGet(TransactGetRequest request) {
        checkOpen();
        return engine.transactGet(request);
    }

    @Override
    public TransactWriteResult transactWrite(TransactWriteRequest request) {
        checkOpen();
        return lost(request, engine.transactWrite(request));
    }

    /** CreateTable; in a multi-region engine the table is global: created in every region. */
    @Override
    public TableDescription createTable(CreateTableRequest request) {
        checkOpen();
        return global == null ? engine.createTable(request) : global.createTable(request, regionIndex);
    }

    @Override
    public TableDescription describeTable(DescribeTableRequest request) {
        checkOpen();
        return withDeclaration(engine.describeTable(request));
    }

    /** Version attributes declared for existing tables ({@link #declareVersionAttribute}), shared by every region's view. */
    private final java.util.concurrent.ConcurrentHashMap<String, String> declaredVersions = new java.util.concurrent.ConcurrentHashMap<>();

    private TableDescription withDeclaration(TableDescription d) {
        String declared = owner.declaredVersions.get(d.spec().name());
        if (declared == null || d.spec().versionAttribute().isPresent()) return d;
        return new TableDescription(d.spec().toBuilder().versionAttribute(declared).build(), d.status(), d.itemCount(), d.sizeBytes(), d.createdAt());
    }

    /** Kept with the engine, so every client of this engine finds it; a table's spec already holds one given at creation. */
    @Override
    public void declareVersionAttribute(String table, String attribute) {
        checkOpen();
        TableDescription d = engine.describeTable(new DescribeTableRequest(table));
        String existing = d.spec().versionAttribute().orElse(null);
        if (existing == null) existing = owner.declaredVersions.putIfAbsent(table, attribute);
        if (existing != null && !existing.equals(attribute)) {
            throw new io.ddbc.api.DdbcConfigException("Table '" + table + "' is already declared with version attribute '" + existing
                    + "'; cannot declare '" + attribute + "' as well");
        }
    }

    /** DeleteTable; in a multi-region engine deleted in every region, with its writes still between regions. */
    @Override
    public TableDescription deleteTable(DeleteTableRequest request) {
        checkOpen();
        owner.declaredVersions.remove(request.tableName());
        return global == null ? engine.deleteTable(request) : global.deleteTable(request, regionIndex);
    }

    @Override
    public ListTablesResult listTables(ListTablesRequest request) {
        checkOpen();
        return engine.listTables(request);
    }

    /**
     * Runs a single-table operation so that a validation error names the table (and key) at fault, as
     * the project's errors do and as the AWS adapter's do: the engine's expression and item checks
     * word the rule in DynamoDB's terms but do not know which request they were checking.
     */
    private static <R> R inContext(DdbcRequest<?> request, String table, Key key, Supplier<R> call) {
        try {
            return call.get();
        } catch (ValidationException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains(table)) throw e;
            throw new ValidationException(message + " (" + request.operation() + " on table '" + table + "'"
                    + (key == null ? "" : ", key " + key) + ")", e);
        }
    }

    @Override
    public EmbeddedStats stats() {
        long items = 0;
        var all = engine.tables().all();
        for (TableState t : all) items += t.itemCount();
        var s = engine.stats();
        var cluster = engine.cluster();
        int replicas = cluster.topology().replicas();
        Map<String, Long> lag = new LinkedHashMap<>();
        Map<String, String> zones = new LinkedHashMap<>();
        Map<String, Long> leaders = new LinkedHashMap<>();
        for (int az = 0; az < replicas; az++) {
            String name = Topology.AZS.get(az);
            lag.put(name, engine.pending(az));
            zones.put(name, cluster.topology().status(az));
            leaders.put(name, engine.leadersIn(az));
        }
        List<String> faults = new ArrayList<>(engine.faults().history());
        if (global != null) faults.addAll(global.regionFaults());
        return new EmbeddedStats(s.operations(), all.size(), items, engine.log().lastSequence(), s.conditionalCheckFailures(),
                s.transactionsCanceled(), s.idempotentReplays(), s.readUnits(), s.writeUnits(), replicas, cluster.staleReads(),
                engine.throttles(), cluster.failovers(), lag, engine.globalIndexPending(), zones, leaders, faults,
                cluster.scheduler().failures(), cluster.region(), global == null ? 0 : global.replicatedWrites(regionIndex),
                global == null ? 0 : global.pendingInto(regionIndex));
    }

    /** On virtual time a pause advances the engine's clock (replication moves on); on real time it sleeps. */
    @Override
    public void pause(Duration duration) {
        if (engine.cluster().scheduler().isVirtual()) {
            advance(duration);
        } else {
            Backend.super.pause(duration);
        }
    }

    @Override
    public void advance(Duration duration) {
        checkOpen();
        engine.faults().advance(duration);
    }

    @Override
    public void settle() {
        checkOpen();
        engine.faults().settle();
    }

    @Override
    public Duration now() {
        return Duration.ofNanos(engine.cluster().nanoTime() - startNanos);
    }

    @Override
    public void crashReplica(String az) {
        checkOpen();
        engine.faults().crash(az);
    }

    @Override
    public void restartReplica(String az) {
        checkOpen();
        engine.faults().restart(az);
    }

    @Override
    public void isolateAz(String az) {
        checkOpen();
        engine.faults().isolate(az);
    }

    @Override
    public void healAz(String az) {
        checkOpen();
        engine.faults().heal(az);
    }

    @Override
    public void lagSpike(Duration extra, Duration window) {
        checkOpen();
        engine.faults().lagSpike(extra, window);
    }

    @Override
    public void failoverLeader(String table, Key key) {
        checkOpen();
        engine.faults().failover(table, key);
    }

    @Override
    public void throttle(String table, Duration duration) {
        checkOpen();
        engine.faults().throttle(table, duration);
    }

    @Override
    public void loseWriteResponses(int writes) {
        checkOpen();
        if (writes < 0) throw new ValidationException("loseWriteResponses needs a count of 0 or more, got " + writes);
        LostResponses l = owner.lostResponses;
        synchronized (l) {
            l.pending = writes == 0 ? 0 : l.pending + writes;
        }
    }

    @Override
    public void loseWriteResponses(double probability, long seed) {
        checkOpen();
        if (!(probability >= 0 && probability <= 1)) {
            throw new ValidationException("loseWriteResponses needs a probability from 0 to 1, got " + probability);
        }
        LostResponses l = owner.lostResponses;
        synchronized (l) {
            l.probability = probability;
            l.random = new java.util.SplittableRandom(seed);
        }
    }

    @Override
    public java.util.List<java.util.List<io.ddbc.api.Item>> replicaItems(String table, String az) {
        checkOpen();
        int replica = engine.cluster().topology().az(az);
        return engine.tables().get(table).replicaItems(replica);
    }

    @Override
    public long lostWriteResponses() {
        LostResponses l = owner.lostResponses;
        synchronized (l) {
            return l.lost;
        }
    }

    /** The lose-the-answer fault, shared by a multi-region engine's views. */
    private static final class LostResponses {
        int pending;
        double probability;
        java.util.SplittableRandom random;
        long lost;
    }

    private final LostResponses lostResponses = new LostResponses();

    /** Returns the answer of an applied write, unless the lose-the-answer fault takes it. */
    private <R> R lost(DdbcRequest<?> request, R result) {
        LostResponses l = owner.lostResponses;
        synchronized (l) {
            boolean lose = l.pending > 0 || (l.probability > 0 && l.random.nextDouble() < l.probability);
            if (!lose) return result;
            if (l.pending > 0) l.pending--;
            l.lost++;
        }
        throw new BackendUnavailableException("The answer to " + request.operation() + " was lost after the write was applied"
                + " (EmbeddedControl.loseWriteResponses): its outcome is unknown to the caller", null, true);
    }

    @Override
    public void isolateRegion(String region) {
        checkOpen();
        requireGlobal("isolateRegion").isolateRegion(region);
    }

    @Override
    public void healRegion(String region) {
        checkOpen();
        requireGlobal("healRegion").healRegion(region);
    }

    @Override
    public void regionLagSpike(Duration extra, Duration window) {
        checkOpen();
        requireGlobal("regionLagSpike").regionLagSpike(extra, window);
    }

    @Override
    public List<ReplicationConflict> replicationConflicts() {
        return global == null ? List.of() : global.conflicts();
    }

    private GlobalEngine requireGlobal(String what) {
        if (global == null) {
            throw new DdbcConfigException(what + " needs a multi-region engine: this one is single-region (open it with"
                    + " 'ddbc:embedded:mem?regions=us-east-1,eu-west-1')");
        }
        return global;
    }

    /**
     * Registers {@code ddbc.embedded.replication.lag} (gauge per AZ: records its replicas have not applied),
     * {@code ddbc.embedded.gsi.lag} (gauge: records not yet in the global indexes), and sends
     * {@code ddbc.embedded.stale_reads} (count, tag table) and {@code ddbc.throttles} (count, tags table and
     * reason) as they happen. A multi-region engine reports every region, each gauge with a {@code region}
     * tag, plus {@code ddbc.embedded.region.pending} (gauge per region: writes on their way to it).
     */
    @Override
    public void bindMetrics(MetricsSink sink) {
        if (global == null) {
            bindRegion(sink, engine, Map.of());
            return;
        }
        for (int i = 0; i < global.regions().size(); i++) {
            int region = i;
            Map<String, String> tag = Map.of("region", global.regions().get(i));
            bindRegion(sink, global.engine(i), tag);
            sink.gauge("ddbc.embedded.region.pending", tag, () -> global.pendingInto(region));
        }
    }

    private static void bindRegion(MetricsSink sink, Engine e, Map<String, String> regionTag) {
        e.cluster().bind(sink);
        for (int az = 0; az < e.cluster().topology().replicas(); az++) {
            int replica = az;
            Map<String, String> tags = new java.util.HashMap<>(regionTag);
            tags.put("az", Topology.AZS.get(az));
            sink.gauge("ddbc.embedded.replication.lag", Map.copyOf(tags), () -> e.pending(replica));
        }
        sink.gauge("ddbc.embedded.gsi.lag", regionTag, e::globalIndexPending);
    }

    /** Whether {@link #close()} was called (on the root, for a region view). */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stops the replication thread (pending deliveries are dropped) and makes every later request fail with a
     * {@link DdbcException} saying the client is closed. Idempotent. In a multi-region engine this closes every
     * region; on a region view ({@link #region(String)}) it does nothing.
     */
    @Override
    public void close() {
        if (owner != this) return;   // a region view belongs to its backend
        closed.set(true);
        if (global != null) global.close(); else engine.close();
    }
}
