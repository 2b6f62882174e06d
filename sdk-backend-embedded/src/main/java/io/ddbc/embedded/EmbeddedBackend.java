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
import io.ddbc.api.DdbcException;
import io.ddbc.api.Key;
import io.ddbc.embedded.internal.engine.Engine;
import io.ddbc.embedded.internal.engine.TableState;
import io.ddbc.embedded.internal.replication.ReplicationSettings;
import io.ddbc.embedded.internal.replication.Topology;
import io.ddbc.spi.Backend;
import io.ddbc.spi.MetricsSink;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The embedded engine as a {@link Backend}: an in-process DynamoDB with DynamoDB's semantics, limits,
 * capacity arithmetic and — with three replicas per partition — its replication: leader and followers in
 * three AZs, stale eventual reads, lag, faults and throttling, on real or virtual time. Pure Java. Usually
 * opened through its URL ({@code ddbc:embedded:mem?replicas=3&seed=42}, see {@link EmbeddedBackendProvider});
 * {@link #unwrap(Class)} with {@link EmbeddedControl} reaches its controls. On real time with three replicas
 * it owns one daemon thread (replication delivery), stopped by {@link #close()}.
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

    private final long startNanos;

    private EmbeddedBackend(int partitions, ReplicationSettings settings) {
        this.engine = new Engine(partitions, settings);
        this.startNanos = engine.cluster().nanoTime();
        // Each in-memory engine is its own data: session tokens of one must not be used on another.
        this.scope = "embedded:mem:" + UUID.randomUUID();
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
        if (partitions < 1 || partitions > 1024) {
            throw new ValidationException("partitions must be 1 to 1024, got " + partitions);
        }
        return new EmbeddedBackend(partitions, settings);
    }

    private void checkOpen() {
        if (closed) throw new DdbcException("client closed: this embedded backend (" + scope + ") was closed; open a new one");
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
        checkOpen();
        return engine.get(request);
    }

    @Override
    public WriteResult put(PutRequest request) {
        checkOpen();
        return engine.put(request);
    }

    @Override
    public WriteResult update(UpdateRequest request) {
        checkOpen();
        return engine.update(request);
    }

    @Override
    public WriteResult delete(DeleteRequest request) {
        checkOpen();
        return engine.delete(request);
    }

    @Override
    public Page query(QueryRequest request) {
        checkOpen();
        return engine.query(request);
    }

    @Override
    public Page scan(ScanRequest request) {
        checkOpen();
        return engine.scan(request);
    }

    @Override
    public BatchGetResult batchGet(BatchGetRequest request) {
        checkOpen();
        return engine.batchGet(request);
    }

    @Override
    public BatchWriteResult batchWrite(BatchWriteRequest request) {
        checkOpen();
        return engine.batchWrite(request);
    }

    @Override
    public TransactGetResult transactGet(TransactGetRequest request) {
        checkOpen();
        return engine.transactGet(request);
    }

    @Override
    public TransactWriteResult transactWrite(TransactWriteRequest request) {
        checkOpen();
        return engine.transactWrite(request);
    }

    @Override
    public TableDescription createTable(CreateTableRequest request) {
        checkOpen();
        return engine.createTable(request);
    }

    @Override
    public TableDescription describeTable(DescribeTableRequest request) {
        checkOpen();
        return engine.describeTable(request);
    }

    @Override
    public TableDescription deleteTable(DeleteTableRequest request) {
        checkOpen();
        return engine.deleteTable(request);
    }

    @Override
    public ListTablesResult listTables(ListTablesRequest request) {
        checkOpen();
        return engine.listTables(request);
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
        return new EmbeddedStats(s.operations(), all.size(), items, engine.log().lastSequence(), s.conditionalCheckFailures(),
                s.transactionsCanceled(), s.idempotentReplays(), s.readUnits(), s.writeUnits(), replicas, cluster.staleReads(),
                engine.throttles(), cluster.failovers(), lag, engine.globalIndexPending(), zones, leaders, engine.faults().history(),
                cluster.scheduler().failures());
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

    /**
     * Registers {@code ddbc.embedded.replication.lag} (gauge per AZ: records its replicas have not applied),
     * {@code ddbc.embedded.gsi.lag} (gauge: records not yet in the global indexes), and sends
     * {@code ddbc.embedded.stale_reads} (count, tag table) and {@code ddbc.throttles} (count, tags table and
     * reason) as they happen.
     */
    @Override
    public void bindMetrics(MetricsSink sink) {
        engine.cluster().bind(sink);
        for (int az = 0; az < engine.cluster().topology().replicas(); az++) {
            int replica = az;
            sink.gauge("ddbc.embedded.replication.lag", Map.of("az", Topology.AZS.get(az)), () -> engine.pending(replica));
        }
        sink.gauge("ddbc.embedded.gsi.lag", Map.of(), engine::globalIndexPending);
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Stops the replication thread (pending deliveries are dropped) and makes every later request fail with a
     * {@link DdbcException} saying the client is closed. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        engine.close();
    }
}
