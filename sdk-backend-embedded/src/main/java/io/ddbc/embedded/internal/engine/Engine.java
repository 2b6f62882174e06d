package io.ddbc.embedded.internal.engine;

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
import io.ddbc.embedded.internal.replication.Cluster;
import io.ddbc.embedded.internal.replication.ReplicationSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine: tables, the commit log, replication and the operations. Every method is thread-safe.
 * Counts each operation by DynamoDB name for the stats. Each operation first spends its modelled service
 * latency (virtual time only) and finds its table(s), then validates the request, then passes throughput
 * admission, then runs.
 */
public final class Engine implements AutoCloseable {
    private final Cluster cluster;
    private final Throughput throughput;
    private final Tables tables;
    private final CommitLog log;
    private final EngineStats stats = new EngineStats();
    private final WriteOperations writes;
    private final ReadOperations reads;
    private final PageReader pages = new PageReader(stats);
    private final Transactions transactions;
    private final Faults faults;

    /**
     * @param partitions hash partitions per table (≥ 1)
     * @param settings replicas, seed, time and lag model
     */
    public Engine(int partitions, ReplicationSettings settings) {
        this(partitions, new Cluster(settings), new CommitLog());
    }

    /**
     * One region of a multi-region engine: its own cluster (AZs, faults) on the shared scheduler, and a log
     * drawing positions from the counter every region shares.
     */
    public Engine(int partitions, Cluster cluster, CommitLog log) {
        this.cluster = cluster;
        this.log = log;
        this.writes = new WriteOperations(log, stats);
        this.throughput = new Throughput(cluster);
        stats.onCharge(throughput::consume);
        this.tables = new Tables(partitions, cluster, throughput);
        this.reads = new ReadOperations(stats, cluster);
        this.transactions = new Transactions(log, stats, cluster::nanoTime);
        this.faults = new Faults(cluster, tables, throughput);
    }

    /** Replication's shared state (clock, topology, counters). */
    public Cluster cluster() {
        return cluster;
    }

    /** Fault injection and time control. */
    public Faults faults() {
        return faults;
    }

    /** Log records the replicas in an AZ have not applied yet, over all tables and partitions. */
    public long pending(int az) {
        long n = 0;
        for (TableState t : tables.all()) n += t.replicas().pending(az);
        return n;
    }

    /** Records not yet applied to global secondary indexes, over all tables. */
    public long globalIndexPending() {
        long n = 0;
        for (TableState t : tables.all()) n += t.replicas().globalIndexPending();
        return n;
    }

    /** Partitions (over all tables) whose leader is in an AZ. */
    public long leadersIn(int az) {
        long n = 0;
        for (TableState t : tables.all()) {
            for (int p = 0; p < t.partitionCount(); p++) if (t.replicas().leaderNumber(p) == az) n++;
        }
        return n;
    }

    /** Requests throttled so far. */
    public long throttles() {
        return throughput.throttles();
    }

    /** Stops the replication thread (real time). */
    @Override
    public void close() {
        cluster.close();
    }

    /**
     * Spends the service latency and finds the table: a missing table is reported before anything about the
     * request itself, as DynamoDB does.
     */
    private TableState begin(String operation, String table) {
        begin(operation);
        return tables.get(table);
    }

    private void begin(String operation) {
        stats.count(operation);
        cluster.serviceLatency();
    }

    /**
     * Throughput admission of a request on its table (and index), run by the operation once the request is
     * validated and before it reads or writes: DynamoDB validates first, so an invalid request to a throttled
     * table gets its ValidationException, not a ThrottlingException.
     */
    private Runnable admission(TableState t, String index, boolean write) {
        return () -> throughput.admit(t, index, write);
    }

    /** Every table of a multi-table request, found first (a missing one is reported before validation). */
    private Runnable admissionOfAll(java.util.Collection<String> tableNames, boolean write) {
        List<TableState> states = new ArrayList<>();
        for (String n : tableNames) states.add(tables.get(n));
        return () -> {
            for (TableState t : states) throughput.admit(t, null, write);
        };
    }

    /** The tables. */
    public Tables tables() {
        return tables;
    }

    /** The counters. */
    public EngineStats stats() {
        return stats;
    }

    /** The commit log (for its last sequence number). */
    public CommitLog log() {
        return log;
    }

    public GetResult get(GetRequest r) {
        TableState t = begin("GetItem", r.tableName());
        return reads.get(t, r, admission(t, null, false));
    }

    public WriteResult put(PutRequest r) {
        TableState t = begin("PutItem", r.tableName());
        PreparedWrite w = PreparedWrite.put(t, r);
        admission(t, null, true).run();
        return writes.execute(w);
    }

    public WriteResult update(UpdateRequest r) {
        TableState t = begin("UpdateItem", r.tableName());
        PreparedWrite w = PreparedWrite.update(t, r);
        admission(t, null, true).run();
        return writes.execute(w);
    }

    public WriteResult delete(DeleteRequest r) {
        TableState t = begin("DeleteItem", r.tableName());
        PreparedWrite w = PreparedWrite.delete(t, r);
        admission(t, null, true).run();
        return writes.execute(w);
    }

    public Page query(QueryRequest r) {
        TableState t = begin("Query", r.tableName());
        return pages.query(t, r, admission(t, r.indexName().orElse(null), false));
    }

    public Page scan(ScanRequest r) {
        TableState t = begin("Scan", r.tableName());
        return pages.scan(t, r, admission(t, r.indexName().orElse(null), false));
    }

    public BatchGetResult batchGet(BatchGetRequest r) {
        begin("BatchGetItem");
        return reads.batchGet(tables, r, admissionOfAll(r.tables().keySet(), false));
    }

    public BatchWriteResult batchWrite(BatchWriteRequest r) {
        begin("BatchWriteItem");
        return writes.batchWrite(tables, r, admissionOfAll(r.writes().keySet(), true));
    }

    public TransactGetResult transactGet(TransactGetRequest r) {
        begin("TransactGetItems");
        return transactions.get(tables, r, admissionOfAll(r.gets().stream().map(g -> g.tableName()).distinct().toList(), false));
    }

    public TransactWriteResult transactWrite(TransactWriteRequest r) {
        begin("TransactWriteItems");
        return transactions.write(tables, r, admissionOfAll(r.actions().stream().map(a -> a.tableName()).distinct().toList(), true));
    }

    public TableDescription createTable(CreateTableRequest r) {
        stats.count("CreateTable");
        return tables.create(r.spec());
    }

    public TableDescription describeTable(DescribeTableRequest r) {
        stats.count("DescribeTable");
        return tables.describe(r.tableName());
    }

    public TableDescription deleteTable(DeleteTableRequest r) {
        stats.count("DeleteTable");
        return tables.delete(r.tableName());
    }

    public ListTablesResult listTables(ListTablesRequest r) {
        stats.count("ListTables");
        return tables.list(r);
    }
}
