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
import java.util.function.LongSupplier;

/**
 * The single-node engine: tables, the commit log, and the operations. Every method is thread-safe.
 * Counts each operation by DynamoDB name for the stats.
 */
public final class Engine {
    private final Tables tables;
    private final CommitLog log = new CommitLog();
    private final EngineStats stats = new EngineStats();
    private final WriteOperations writes = new WriteOperations(log, stats);
    private final ReadOperations reads = new ReadOperations(stats);
    private final PageReader pages = new PageReader(stats);
    private final Transactions transactions;

    /**
     * @param partitions hash partitions per table (≥ 1)
     * @param nanoTime the clock for token expiry (System::nanoTime, or virtual time)
     */
    public Engine(int partitions, LongSupplier nanoTime) {
        this.tables = new Tables(partitions);
        this.transactions = new Transactions(log, stats, nanoTime);
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
        stats.count("GetItem");
        return reads.get(tables.get(r.tableName()), r);
    }

    public WriteResult put(PutRequest r) {
        stats.count("PutItem");
        return writes.execute(PreparedWrite.put(tables.get(r.tableName()), r));
    }

    public WriteResult update(UpdateRequest r) {
        stats.count("UpdateItem");
        return writes.execute(PreparedWrite.update(tables.get(r.tableName()), r));
    }

    public WriteResult delete(DeleteRequest r) {
        stats.count("DeleteItem");
        return writes.execute(PreparedWrite.delete(tables.get(r.tableName()), r));
    }

    public Page query(QueryRequest r) {
        stats.count("Query");
        return pages.query(tables.get(r.tableName()), r);
    }

    public Page scan(ScanRequest r) {
        stats.count("Scan");
        return pages.scan(tables.get(r.tableName()), r);
    }

    public BatchGetResult batchGet(BatchGetRequest r) {
        stats.count("BatchGetItem");
        return reads.batchGet(tables, r);
    }

    public BatchWriteResult batchWrite(BatchWriteRequest r) {
        stats.count("BatchWriteItem");
        return writes.batchWrite(tables, r);
    }

    public TransactGetResult transactGet(TransactGetRequest r) {
        stats.count("TransactGetItems");
        return transactions.get(tables, r);
    }

    public TransactWriteResult transactWrite(TransactWriteRequest r) {
        stats.count("TransactWriteItems");
        return transactions.write(tables, r);
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
