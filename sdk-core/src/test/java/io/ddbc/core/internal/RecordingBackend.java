package io.ddbc.core.internal;

import io.ddbc.api.*;
import io.ddbc.spi.Backend;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A hand-written Backend test double: records every request it receives and answers from scripted
 * replies (queued per operation), falling back to defaults. Lets unit tests see exactly what the core
 * sends for a given routing, session or version decision.
 */
class RecordingBackend implements Backend {
    final List<DdbcRequest<?>> requests = Collections.synchronizedList(new ArrayList<>());
    final Map<String, TableSpec> specs = new ConcurrentHashMap<>();
    private final Map<String, Deque<Function<DdbcRequest<?>, Object>>> replies = new ConcurrentHashMap<>();
    private final boolean positions;
    boolean closed;

    RecordingBackend(boolean positions) {
        this.positions = positions;
    }

    RecordingBackend table(TableSpec spec) {
        specs.put(spec.name(), spec);
        return this;
    }

    /** Queues the next reply for an operation (e.g. "GetItem"); a reply may throw. */
    RecordingBackend reply(String operation, Function<DdbcRequest<?>, Object> reply) {
        replies.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(reply);
        return this;
    }

    /** The requests of one operation, in order. */
    @SuppressWarnings("unchecked")
    <Q> List<Q> sent(Class<Q> type) {
        List<Q> out = new ArrayList<>();
        synchronized (requests) {
            for (DdbcRequest<?> r : requests) if (type.isInstance(r)) out.add((Q) r);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private <R> R answer(DdbcRequest<R> r, R fallback) {
        requests.add(r);
        Deque<Function<DdbcRequest<?>, Object>> q = replies.get(r.operation());
        Function<DdbcRequest<?>, Object> f = q == null ? null : q.poll();
        return f == null ? fallback : (R) f.apply(r);
    }

    static GetResult item(Item i, double rcu, Positions p) {
        return GetResult.of(i, ConsumedCapacity.ofTable("tbl", rcu, 0), ServedBy.LEADER, p);
    }

    @Override public String name() { return "recording"; }
    @Override public String sessionScope() { return "recording:test"; }
    @Override public boolean supportsPositions() { return positions; }
    @Override public GetResult get(GetRequest r) { return answer(r, GetResult.of(null, ConsumedCapacity.NONE, ServedBy.BACKEND, null)); }
    @Override public WriteResult put(PutRequest r) { return answer(r, WriteResult.of(null, ConsumedCapacity.NONE, null)); }
    @Override public WriteResult update(UpdateRequest r) { return answer(r, WriteResult.of(null, ConsumedCapacity.NONE, null)); }
    @Override public WriteResult delete(DeleteRequest r) { return answer(r, WriteResult.of(null, ConsumedCapacity.NONE, null)); }
    @Override public Page query(QueryRequest r) { return answer(r, new Page(List.of(), 0, 0, null, null, null, null)); }
    @Override public Page scan(ScanRequest r) { return answer(r, new Page(List.of(), 0, 0, null, null, null, null)); }
    @Override public BatchGetResult batchGet(BatchGetRequest r) { return answer(r, new BatchGetResult(Map.of(), Map.of(), null, null)); }
    @Override public BatchWriteResult batchWrite(BatchWriteRequest r) { return answer(r, new BatchWriteResult(Map.of(), null, null)); }
    @Override public TransactGetResult transactGet(TransactGetRequest r) { return answer(r, new TransactGetResult(List.of(), null)); }
    @Override public TransactWriteResult transactWrite(TransactWriteRequest r) { return answer(r, new TransactWriteResult(List.of(), null, null)); }
    @Override public TableDescription createTable(CreateTableRequest r) { specs.put(r.spec().name(), r.spec()); return describe(r.spec().name()); }

    @Override
    public TableDescription describeTable(DescribeTableRequest r) {
        requests.add(r);
        if (!specs.containsKey(r.tableName())) throw new ResourceNotFoundException("Requested resource not found: Table: " + r.tableName() + " not found");
        return describe(r.tableName());
    }

    private TableDescription describe(String name) {
        return new TableDescription(specs.get(name), "ACTIVE", 0, 0, java.time.Instant.EPOCH);
    }

    @Override public TableDescription deleteTable(DeleteTableRequest r) { return describe(r.tableName()); }
    @Override public ListTablesResult listTables(ListTablesRequest r) { return new ListTablesResult(List.copyOf(specs.keySet()), java.util.Optional.empty()); }
    @Override public void close() { closed = true; }
}
