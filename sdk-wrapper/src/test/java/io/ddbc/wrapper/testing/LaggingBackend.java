package io.ddbc.wrapper.testing;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.DeleteTableRequest;
import io.ddbc.api.DescribeTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.ListTablesRequest;
import io.ddbc.api.ListTablesResult;
import io.ddbc.api.Page;
import io.ddbc.api.PutRequest;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.TableDescription;
import io.ddbc.api.TableSpec;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.TransactWriteResult;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.WriteResult;
import io.ddbc.spi.Backend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A backend with replication lag, for tests until the embedded engine models it itself (branch
 * engine-repl): after each write, the next {@code 0..maxStaleReads} eventual reads of that key (chosen
 * by a seeded random) answer with the image from before the write, as a follower that has not yet
 * applied it would. Strong reads, conditions and writes see the latest state. Counts the stale answers.
 * Synchronized: deterministic for a given seed and a single-threaded workload.
 */
public final class LaggingBackend implements Backend {
    private record Lag(Optional<Item> before, int[] remaining) {
    }

    private record K(String table, Key key) {
    }

    private final Backend inner;
    private final Random random;
    private final int maxStaleReads;
    private final Map<K, Lag> lagging = new HashMap<>();
    private final Map<String, TableSpec> specs = new HashMap<>();
    private final AtomicLong staleReads = new AtomicLong();

    public LaggingBackend(Backend inner, long seed, int maxStaleReads) {
        this.inner = inner;
        this.random = new Random(seed);
        this.maxStaleReads = maxStaleReads;
    }

    /** Eventual reads answered with an image older than the latest write. */
    public long staleReads() {
        return staleReads.get();
    }

    @Override
    public String name() {
        return "lagging(" + inner.name() + ")";
    }

    @Override
    public String sessionScope() {
        return inner.sessionScope();
    }

    @Override
    public boolean supportsPositions() {
        return false;
    }

    @Override
    public synchronized GetResult get(GetRequest r) {
        GetResult latest = inner.get(r);
        if (r.consistency() == Consistency.STRONG) return latest;
        Optional<Item> stale = staleImage(r.tableName(), r.key());
        if (stale == null) return latest;
        return new GetResult(stale, java.util.OptionalLong.empty(), latest.consumedCapacity(), latest.servedBy(), latest.positions());
    }

    /** The pre-write image if this eventual read of the key lands on a lagging replica, else null. */
    private Optional<Item> staleImage(String table, Key key) {
        Lag lag = lagging.get(new K(table, key));
        if (lag == null || lag.remaining()[0] <= 0) return null;
        lag.remaining()[0]--;
        staleReads.incrementAndGet();
        return lag.before();
    }

    private void before(String table, Key key) {
        Optional<Item> old = inner.get(GetRequest.builder(table, key).consistency(Consistency.STRONG).build()).item();
        lagging.put(new K(table, key), new Lag(old, new int[] {random.nextInt(maxStaleReads + 1)}));
    }

    private Key keyOf(String table, Item item) {
        return specs.computeIfAbsent(table, t -> inner.describeTable(new DescribeTableRequest(t)).spec()).keyOf(item);
    }

    @Override
    public synchronized WriteResult put(PutRequest r) {
        Key key = keyOf(r.tableName(), r.item());
        Lag previous = lagging.get(new K(r.tableName(), key));
        before(r.tableName(), key);
        return undoOnFailure(() -> inner.put(r), r.tableName(), key, previous);
    }

    @Override
    public synchronized WriteResult update(UpdateRequest r) {
        Lag previous = lagging.get(new K(r.tableName(), r.key()));
        before(r.tableName(), r.key());
        return undoOnFailure(() -> inner.update(r), r.tableName(), r.key(), previous);
    }

    @Override
    public synchronized WriteResult delete(DeleteRequest r) {
        Lag previous = lagging.get(new K(r.tableName(), r.key()));
        before(r.tableName(), r.key());
        return undoOnFailure(() -> inner.delete(r), r.tableName(), r.key(), previous);
    }

    /** A failed write changed nothing: the key's lag is what it was. */
    private <T> T undoOnFailure(java.util.function.Supplier<T> write, String table, Key key, Lag previous) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (previous == null) lagging.remove(new K(table, key));
            else lagging.put(new K(table, key), previous);
            throw e;
        }
    }

    @Override
    public synchronized Page query(QueryRequest r) {
        return r.consistency() == Consistency.STRONG ? inner.query(r) : stalePage(inner.query(r), r.tableName());
    }

    @Override
    public synchronized Page scan(ScanRequest r) {
        return r.consistency() == Consistency.STRONG ? inner.scan(r) : stalePage(inner.scan(r), r.tableName());
    }

    private Page stalePage(Page p, String table) {
        List<Item> items = new ArrayList<>();
        for (Item i : p.items()) {
            Optional<Item> stale = staleImage(table, keyOf(table, i));
            if (stale == null) items.add(i);
            else stale.ifPresent(items::add);
        }
        return new Page(items, items.size(), p.scannedCount(), p.lastEvaluatedKey(), p.consumedCapacity(), p.servedBy(), p.positions());
    }

    @Override
    public synchronized BatchGetResult batchGet(BatchGetRequest r) {
        BatchGetResult res = inner.batchGet(r);
        Map<String, List<Item>> items = new HashMap<>();
        res.items().forEach((table, list) -> {
            if (r.tables().get(table).consistency() == Consistency.STRONG) {
                items.put(table, list);
                return;
            }
            List<Item> out = new ArrayList<>();
            for (Item i : list) {
                Optional<Item> stale = staleImage(table, keyOf(table, i));
                if (stale == null) out.add(i);
                else stale.ifPresent(out::add);
            }
            items.put(table, out);
        });
        return new BatchGetResult(items, res.unprocessed(), res.consumedCapacity(), res.positions());
    }

    @Override
    public synchronized BatchWriteResult batchWrite(BatchWriteRequest r) {
        r.writes().forEach((table, writes) -> {
            for (BatchWriteRequest.Write w : writes) before(table, w.isPut() ? keyOf(table, w.item()) : w.key());
        });
        return inner.batchWrite(r);
    }

    @Override
    public synchronized TransactGetResult transactGet(TransactGetRequest r) {
        return inner.transactGet(r);
    }

    @Override
    public synchronized TransactWriteResult transactWrite(TransactWriteRequest r) {
        for (TransactWriteRequest.Action a : r.actions()) if (a.write() != null) before(a.tableName(), a.key());
        return inner.transactWrite(r);
    }

    @Override
    public TableDescription createTable(CreateTableRequest r) {
        return inner.createTable(r);
    }

    @Override
    public TableDescription describeTable(DescribeTableRequest r) {
        return inner.describeTable(r);
    }

    @Override
    public TableDescription deleteTable(DeleteTableRequest r) {
        return inner.deleteTable(r);
    }

    @Override
    public ListTablesResult listTables(ListTablesRequest r) {
        return inner.listTables(r);
    }

    @Override
    public void close() {
        inner.close();
    }
}
