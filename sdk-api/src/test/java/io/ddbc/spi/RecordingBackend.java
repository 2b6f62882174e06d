package io.ddbc.spi;

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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A backend test double that records which operation each request was dispatched to and returns null. */
public final class RecordingBackend implements Backend {
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    public final List<Object> requests = Collections.synchronizedList(new ArrayList<>());
    public final DdbcUrl url;
    public volatile boolean closed;

    public RecordingBackend(DdbcUrl url) {
        this.url = url;
    }

    private <T> T record(String op, Object request) {
        calls.add(op);
        requests.add(request);
        return null;
    }

    @Override public String name() { return "testdb"; }
    @Override public String sessionScope() { return "testdb"; }
    @Override public boolean supportsPositions() { return false; }
    @Override public GetResult get(GetRequest r) { return record("get", r); }
    @Override public WriteResult put(PutRequest r) { return record("put", r); }
    @Override public WriteResult update(UpdateRequest r) { return record("update", r); }
    @Override public WriteResult delete(DeleteRequest r) { return record("delete", r); }
    @Override public Page query(QueryRequest r) { return record("query", r); }
    @Override public Page scan(ScanRequest r) { return record("scan", r); }
    @Override public BatchGetResult batchGet(BatchGetRequest r) { return record("batchGet", r); }
    @Override public BatchWriteResult batchWrite(BatchWriteRequest r) { return record("batchWrite", r); }
    @Override public TransactGetResult transactGet(TransactGetRequest r) { return record("transactGet", r); }
    @Override public TransactWriteResult transactWrite(TransactWriteRequest r) { return record("transactWrite", r); }
    @Override public TableDescription createTable(CreateTableRequest r) { return record("createTable", r); }
    @Override public TableDescription describeTable(DescribeTableRequest r) { return record("describeTable", r); }
    @Override public TableDescription deleteTable(DeleteTableRequest r) { return record("deleteTable", r); }
    @Override public ListTablesResult listTables(ListTablesRequest r) { return record("listTables", r); }

    @Override
    public void close() {
        closed = true;
    }
}
