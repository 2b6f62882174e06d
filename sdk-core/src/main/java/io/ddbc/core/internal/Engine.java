package io.ddbc.core.internal;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.ConditionalWriteRequest;
import io.ddbc.api.Consistency;
import io.ddbc.api.ConsumedCapacity;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DdbcException;
import io.ddbc.api.DdbcRequest;
import io.ddbc.api.DeleteTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.Page;
import io.ddbc.api.PagedRequest;
import io.ddbc.api.TableDescription;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.TransactWriteResult;
import io.ddbc.api.WriteResult;
import io.ddbc.spi.Backend;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request pipeline shared by a client and its sessions: resolves consistency, dispatches each
 * request to the path that applies sessions, managed versions and the cache, and wraps everything in
 * retries and metrics. Thread-safe.
 */
final class Engine implements AutoCloseable {
    final Backend backend;
    private final boolean ownsBackend;
    final ClientConfig config;
    final TableCatalog catalog;
    final Metrics metrics;
    final Retrier retrier;
    final ItemCache itemCache;
    final QueryCache queryCache;
    private final ReadPath reads;
    final WritePath writes;
    private final QueryPath queries;
    private final BatchPath batches;
    private final TransactPath transactions;
    private final ExecutorService async;
    private final AtomicBoolean closed = new AtomicBoolean();
    private static final int ASYNC_THREADS = 16;

    /** The region this engine serves on a multi-region backend, or null. */
    final String region;

    Engine(Backend backend, boolean ownsBackend, ClientConfig config) {
        this(backend, ownsBackend, config, null, null);
    }

    /**
     * An engine over one region's view of a backend.
     *
     * @param region the region served (tags the meters), or null on a single-region backend
     * @param sharedCatalog another region's catalog (every region holds the same tables), or null for a new one
     */
    Engine(Backend backend, boolean ownsBackend, ClientConfig config, String region, TableCatalog sharedCatalog) {
        this.backend = backend;
        this.ownsBackend = ownsBackend;
        this.config = config;
        this.region = region;
        MicrometerMetrics meters = config.registry() == null ? null : new MicrometerMetrics(config.registry(), region);
        this.metrics = meters == null ? Metrics.NONE : meters;
        // The backend reports its own meters (replication lag, stale reads...) into the same registry. A region
        // view is not bound here: a multi-region backend is bound once, as a whole (see Regions).
        if (meters != null && region == null) backend.bindMetrics(meters);
        this.retrier = new Retrier(config.retry(), metrics, backend::pause);
        this.catalog = sharedCatalog != null ? sharedCatalog : new TableCatalog(config.versionAttributes(), config.tableConsistency(),
                d -> send(d, true).spec());
        this.itemCache = config.cache() == null ? null : new ItemCache(config.cache(), metrics);
        this.queryCache = config.cache() == null || !config.cache().queryCacheEnabled() ? null : new QueryCache(config.cache());
        this.reads = new ReadPath(this);
        this.writes = new WritePath(this);
        this.queries = new QueryPath(this);
        this.batches = new BatchPath(this);
        this.transactions = new TransactPath(this, writes);
        // Bounded, and idle threads time out: an unused client holds no thread.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(ASYNC_THREADS, ASYNC_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
        pool.allowCoreThreadTimeOut(true);
        this.async = pool;
    }

    /** Runs a request in a context, with metrics. */
    @SuppressWarnings("unchecked")
    <R> R execute(DdbcRequest<R> request, Ctx ctx) {
        ensureOpen();
        boolean timed = metrics != Metrics.NONE;
        long start = timed ? System.nanoTime() : 0;
        String outcome = "success";
        Object result = null;
        try {
            result = dispatch(request, ctx);
            return (R) result;
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
            throw e;
        } finally {
            if (timed) {
                metrics.request(request.operation(), tableOf(request), consistencyTag(request, ctx), servedByTag(result), outcome,
                        System.nanoTime() - start);
            }
        }
    }

    private Object dispatch(DdbcRequest<?> request, Ctx ctx) {
        if (request instanceof GetRequest g) return reads.get(g, ctx);
        if (request instanceof ConditionalWriteRequest w) return writes.write(w, ctx);
        if (request instanceof PagedRequest<?> p) return queries.page(p, ctx);
        if (request instanceof BatchGetRequest b) return batches.get(b, ctx);
        if (request instanceof BatchWriteRequest b) return batches.write(b, ctx);
        if (request instanceof TransactWriteRequest t) return transactions.write(t, ctx);
        if (request instanceof TransactGetRequest t) return transactions.get(t, ctx);
        // Table administration: creating or deleting is retried only on throttling (twice is not idempotent).
        if (request instanceof CreateTableRequest c) {
            TableDescription created = send(c, false);
            catalog.created(c.spec());
            return created;
        }
        if (request instanceof DeleteTableRequest d) {
            catalog.forget(d.tableName());
            return send(d, false);
        }
        return send(request, true);
    }

    /** Runs work on the engine's bounded pool (work that may span regions runs on the home engine's). */
    <R> CompletableFuture<R> async(java.util.function.Supplier<R> work) {
        if (closed.get()) return CompletableFuture.failedFuture(closedException());
        try {
            return CompletableFuture.supplyAsync(work, async);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(closedException());
        }
    }

    /**
     * Sends one request to the backend under the retry policy, recording the capacity it consumed; the
     * items of the answer (and of a failed condition) come without ddbc's {@link WriteMarkers write marker}.
     */
    @SuppressWarnings("unchecked")
    <R> R send(DdbcRequest<R> request, boolean idempotent) {
        try {
            return (R) WriteMarkers.strip(sendRaw(request, idempotent));
        } catch (RuntimeException e) {
            throw WriteMarkers.strip(e);
        }
    }

    /** As {@link #send}, with the write markers left in: for reading back whether a write was applied. */
    <R> R sendRaw(DdbcRequest<R> request, boolean idempotent) {
        ensureOpen();
        R result;
        try {
            result = retrier.run(request.operation(), idempotent, () -> request.sendTo(backend));
        } catch (io.ddbc.api.ConditionFailedException e) {
            // A refused conditional write is billed like a write: the meter counts it when the backend reported it.
            if (metrics != Metrics.NONE) e.consumedCapacity().ifPresent(metrics::capacity);
            throw e;
        } catch (io.ddbc.api.TransactionCanceledException e) {
            if (metrics != Metrics.NONE) e.consumedCapacity().ifPresent(metrics::capacity);
            throw e;
        }
        if (metrics != Metrics.NONE) metrics.capacity(capacityOf(result));
        return result;
    }

    /** The consistency of a read: the request's, else the explicit session's (SESSION) or the table's, else the client's. */
    Consistency resolve(Consistency requested, String table, Ctx ctx) {
        Consistency c = requested;
        if (c == null && ctx.explicitSession()) c = Consistency.SESSION;
        if (c == null) c = catalog.defaultConsistency(table);
        if (c == null) c = config.defaultConsistency();
        // BOUNDED(d) must never answer older than d. No backend reports replica lag in time yet, so the one
        // read that is always within any bound is a strong one: honest, at strong cost. (On a global
        // secondary index this is refused like any strong read, rather than silently weakened.)
        return c.level() == Consistency.Level.BOUNDED ? Consistency.STRONG : c;
    }

    boolean positions() {
        return backend.supportsPositions();
    }

    void ensureOpen() {
        if (closed.get()) throw closedException();
    }

    private static DdbcException closedException() {
        return new DdbcException("This ddbc client is closed; open a new one with Ddbc.connect(...)");
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        async.shutdown();
        try {
            if (!async.awaitTermination(5, TimeUnit.SECONDS)) async.shutdownNow();
        } catch (InterruptedException e) {
            async.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            if (ownsBackend) backend.close();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    private static String tableOf(DdbcRequest<?> r) {
        if (r instanceof GetRequest g) return g.tableName();
        if (r instanceof ConditionalWriteRequest w) return w.tableName();
        if (r instanceof PagedRequest<?> p) return p.tableName();
        // Batches and transactions: every table they touch, sorted, so dashboards can still split by table.
        if (r instanceof TransactWriteRequest t) return tables(t.actions().stream().map(TransactWriteRequest.Action::tableName));
        if (r instanceof TransactGetRequest t) return tables(t.gets().stream().map(TransactGetRequest.Get::tableName));
        if (r instanceof BatchGetRequest b) return tables(b.tables().keySet().stream());
        if (r instanceof BatchWriteRequest b) return tables(b.writes().keySet().stream());
        return "-";
    }

    private static String tables(java.util.stream.Stream<String> names) {
        return names.distinct().sorted().reduce((a, b) -> a + "," + b).orElse("-");
    }

    /** Where a read was answered, in lower case (a Prometheus label value); "-" for anything else. */
    private static String servedByTag(Object result) {
        io.ddbc.api.ServedBy by = result instanceof GetResult g ? g.servedBy() : result instanceof io.ddbc.api.Page p ? p.servedBy() : null;
        return by == null ? "-" : by.name().toLowerCase(java.util.Locale.ROOT);
    }

    private String consistencyTag(DdbcRequest<?> r, Ctx ctx) {
        if (r instanceof GetRequest g) return resolve(g.consistency(), g.tableName(), ctx).level().name();
        if (r instanceof PagedRequest<?> p) return resolve(p.consistency(), p.tableName(), ctx).level().name();
        return "-";
    }

    static ConsumedCapacity capacityOf(Object result) {
        if (result instanceof GetResult r) return r.consumedCapacity();
        if (result instanceof WriteResult r) return r.consumedCapacity();
        if (result instanceof Page r) return r.consumedCapacity();
        if (result instanceof BatchGetResult r) return r.consumedCapacity();
        if (result instanceof BatchWriteResult r) return r.consumedCapacity();
        if (result instanceof TransactGetResult r) return r.consumedCapacity();
        if (result instanceof TransactWriteResult r) return r.consumedCapacity();
        return ConsumedCapacity.NONE;
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ddbc-async-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
