package io.ddbc.core;

import io.ddbc.api.*;
import io.ddbc.embedded.EmbeddedBackend;
import io.ddbc.spi.Backend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test-only multi-region backend: one single-node {@link EmbeddedBackend} per region, positions stripped
 * (like AWS global tables), no automatic replication. {@link #sync()} replicates every item written since the
 * last sync by last writer wins (logical timestamp, ties by region name) and records each item both regions
 * wrote as a conflict; {@link #syncAfter} schedules a sync on the shared virtual clock that {@code pause} moves.
 * A region can be made unreachable. Not thread-safe beyond what the tests need (one writer at a time).
 */
final class GlobalTestBackend implements Backend {
    /** One item written in a region since the last sync. */
    private record Written(String table, Key key) {
    }

    private record Stamp(long time, String region) implements Comparable<Stamp> {
        @Override
        public int compareTo(Stamp o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : region.compareTo(o.region);
        }
    }

    private record Scheduled(long atMillis, Runnable task) {
    }

    final List<String> names;
    final Map<String, Region> regions = new LinkedHashMap<>();
    final List<String> conflicts = new ArrayList<>();
    final AtomicLong clockMillis = new AtomicLong();
    private final AtomicLong logical = new AtomicLong();
    private final PriorityQueue<Scheduled> due = new PriorityQueue<>((a, b) -> Long.compare(a.atMillis, b.atMillis));

    GlobalTestBackend(String... names) {
        this.names = List.of(names);
        for (String n : names) regions.put(n, new Region(n));
    }

    /** Replicates everything written since the last sync, last writer wins; returns the items copied. */
    synchronized int sync() {
        Map<Written, Map<String, Stamp>> byItem = new LinkedHashMap<>();
        for (Region r : regions.values()) {
            r.dirty.forEach((w, s) -> byItem.computeIfAbsent(w, x -> new LinkedHashMap<>()).put(r.name, s));
            r.dirty.clear();
        }
        byItem.forEach((w, stamps) -> {
            Stamp winner = stamps.values().stream().max(Stamp::compareTo).orElseThrow();
            if (stamps.size() > 1) conflicts.add(w.table() + " " + w.key() + " kept " + winner.region());
            Optional<Item> image = regions.get(winner.region()).engine
                    .get(GetRequest.builder(w.table(), w.key()).consistency(Consistency.STRONG).build()).item();
            for (Region r : regions.values()) {
                if (r.name.equals(winner.region())) continue;
                if (image.isPresent()) r.engine.put(PutRequest.builder(w.table(), image.get()).build());
                else r.engine.delete(DeleteRequest.builder(w.table(), w.key()).build());
            }
        });
        return byItem.size();
    }

    /** A sync once the virtual clock has moved {@code delay} further. */
    synchronized void syncAfter(Duration delay) {
        due.add(new Scheduled(clockMillis.get() + delay.toMillis(), this::sync));
    }

    @Override
    public synchronized void pause(Duration duration) {
        long now = clockMillis.addAndGet(Math.max(0, duration.toMillis()));
        while (!due.isEmpty() && due.peek().atMillis() <= now) due.poll().task().run();
    }

    Region region0() {
        return regions.get(names.get(0));
    }

    @Override public List<String> regions() { return names; }

    @Override
    public Backend region(String name) {
        Region r = regions.get(name);
        if (r == null) throw new DdbcConfigException("no region " + name);
        return r;
    }

    @Override public String name() { return "global-test"; }
    @Override public String sessionScope() { return "global-test"; }
    @Override public boolean supportsPositions() { return false; }
    @Override public GetResult get(GetRequest r) { return region0().get(r); }
    @Override public WriteResult put(PutRequest r) { return region0().put(r); }
    @Override public WriteResult update(UpdateRequest r) { return region0().update(r); }
    @Override public WriteResult delete(DeleteRequest r) { return region0().delete(r); }
    @Override public Page query(QueryRequest r) { return region0().query(r); }
    @Override public Page scan(ScanRequest r) { return region0().scan(r); }
    @Override public BatchGetResult batchGet(BatchGetRequest r) { return region0().batchGet(r); }
    @Override public BatchWriteResult batchWrite(BatchWriteRequest r) { return region0().batchWrite(r); }
    @Override public TransactGetResult transactGet(TransactGetRequest r) { return region0().transactGet(r); }
    @Override public TransactWriteResult transactWrite(TransactWriteRequest r) { return region0().transactWrite(r); }
    @Override public TableDescription createTable(CreateTableRequest r) { return region0().createTable(r); }
    @Override public TableDescription describeTable(DescribeTableRequest r) { return region0().describeTable(r); }
    @Override public TableDescription deleteTable(DeleteTableRequest r) { return region0().deleteTable(r); }
    @Override public ListTablesResult listTables(ListTablesRequest r) { return region0().listTables(r); }

    @Override
    public void close() {
        regions.values().forEach(r -> r.engine.close());
    }

    /** One region: its own engine, reads and writes counted, writes stamped. */
    final class Region implements Backend {
        final String name;
        final EmbeddedBackend engine = EmbeddedBackend.inMemory(2);
        final Map<Written, Stamp> dirty = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicLong reads = new AtomicLong();
        final AtomicLong writes = new AtomicLong();
        volatile boolean unreachable;

        Region(String name) {
            this.name = name;
        }

        private void reach() {
            if (unreachable) throw new BackendUnavailableException("Region '" + name + "' is unreachable (test)");
        }

        private <T> T read(T result) {
            reads.incrementAndGet();
            return result;
        }

        private void stamp(String table, Key key) {
            writes.incrementAndGet();
            dirty.put(new Written(table, key), new Stamp(logical.incrementAndGet(), name));
        }

        private Key keyOf(String table, Item item) {
            return engine.describeTable(new DescribeTableRequest(table)).spec().keyOf(item);
        }

        @Override public String name() { return "global-test:" + name; }
        @Override public String sessionScope() { return "global-test"; }
        @Override public boolean supportsPositions() { return false; }
        @Override public void pause(Duration d) { GlobalTestBackend.this.pause(d); }

        @Override
        public GetResult get(GetRequest r) {
            reach();
            GetResult g = engine.get(r);
            return read(new GetResult(g.item(), g.version(), g.consumedCapacity(), ServedBy.BACKEND, Positions.NONE));
        }

        @Override
        public WriteResult put(PutRequest r) {
            reach();
            WriteResult w = engine.put(r);
            stamp(r.tableName(), r.key() != null ? r.key() : keyOf(r.tableName(), r.item()));
            return strip(w);
        }

        @Override
        public WriteResult update(UpdateRequest r) {
            reach();
            WriteResult w = engine.update(r);
            stamp(r.tableName(), r.key());
            return strip(w);
        }

        @Override
        public WriteResult delete(DeleteRequest r) {
            reach();
            WriteResult w = engine.delete(r);
            stamp(r.tableName(), r.key());
            return strip(w);
        }

        private WriteResult strip(WriteResult w) {
            return new WriteResult(w.attributes(), w.version(), w.consumedCapacity(), Positions.NONE);
        }

        @Override
        public Page query(QueryRequest r) {
            reach();
            return page(engine.query(r));
        }

        @Override
        public Page scan(ScanRequest r) {
            reach();
            return page(engine.scan(r));
        }

        private Page page(Page p) {
            return read(new Page(p.items(), p.count(), p.scannedCount(), p.lastEvaluatedKey(), p.consumedCapacity(), ServedBy.BACKEND, Positions.NONE));
        }

        @Override
        public BatchGetResult batchGet(BatchGetRequest r) {
            reach();
            BatchGetResult b = engine.batchGet(r);
            return read(new BatchGetResult(b.items(), b.unprocessed(), b.consumedCapacity(), Positions.NONE));
        }

        @Override
        public BatchWriteResult batchWrite(BatchWriteRequest r) {
            reach();
            BatchWriteResult b = engine.batchWrite(r);
            r.writes().forEach((t, ws) -> ws.forEach(w -> stamp(t, w.isPut() ? keyOf(t, w.item()) : w.key())));
            return new BatchWriteResult(b.unprocessed(), b.consumedCapacity(), Positions.NONE);
        }

        @Override
        public TransactGetResult transactGet(TransactGetRequest r) {
            reach();
            return read(engine.transactGet(r));
        }

        @Override
        public TransactWriteResult transactWrite(TransactWriteRequest r) {
            reach();
            TransactWriteResult t = engine.transactWrite(r);
            for (TransactWriteRequest.Action a : r.actions()) {
                if (a.write() == null) continue;
                stamp(a.tableName(), a.key() != null ? a.key() : keyOf(a.tableName(), ((PutRequest) a.write()).item()));
            }
            return new TransactWriteResult(t.versions(), t.consumedCapacity(), Positions.NONE);
        }

        /** Every table exists in every region. */
        @Override
        public TableDescription createTable(CreateTableRequest r) {
            for (Region each : regions.values()) each.engine.createTable(r);
            return engine.describeTable(new DescribeTableRequest(r.spec().name()));
        }

        @Override public TableDescription describeTable(DescribeTableRequest r) { reach(); return engine.describeTable(r); }

        @Override
        public TableDescription deleteTable(DeleteTableRequest r) {
            TableDescription d = engine.describeTable(new DescribeTableRequest(r.tableName()));
            for (Region each : regions.values()) each.engine.deleteTable(r);
            return d;
        }

        @Override public ListTablesResult listTables(ListTablesRequest r) { return engine.listTables(r); }

        /** Views are owned by the backend. */
        @Override public void close() { }
    }
}
