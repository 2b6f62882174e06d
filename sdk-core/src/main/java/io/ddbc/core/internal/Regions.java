package io.ddbc.core.internal;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.ConditionalWriteRequest;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DdbcRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.PagedRequest;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.spi.Backend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The engines of a client, one per region of a multi-region backend (one in all on a single-region
 * backend), and the dispatch of each request to them: writes to the region {@link WriteRouter} picks,
 * session reads (and writes that build on a region's state) through {@link CrossRegionSessions}, everything
 * else to the context's home region.
 * Thread-safe. Only the root backend is closed, and only if the client owns it.
 */
final class Regions implements AutoCloseable {
    private final Backend root;
    private final boolean ownsRoot;
    /** Backend order (the backend's home region first). */
    private final Map<String, Engine> engines = new LinkedHashMap<>();
    private final Engine single;
    final String home;
    private final List<String> names;
    private final WriteRouter writes;
    private final CrossRegionSessions sessions;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    Regions(Backend backend, boolean owns, ClientConfig config) {
        this.root = backend;
        this.ownsRoot = owns;
        this.names = List.copyOf(backend.regions());
        this.home = checkedHome(config.homeRegion(), names, backend.name());
        if (names.size() <= 1) {
            this.single = new Engine(backend, owns, config, null, null);
            this.writes = null;
            this.sessions = null;
            return;
        }
        this.single = null;
        TableCatalog shared = null;
        try {
            for (String r : names) {
                Engine e = new Engine(backend.region(r), false, config, r, shared);
                shared = e.catalog;
                engines.put(r, e);
            }
        } catch (RuntimeException e) {
            engines.values().forEach(Engine::close);
            throw e;
        }
        // Bound once for all regions (the backend tags its meters by region itself).
        if (config.registry() != null) backend.bindMetrics(new MicrometerMetrics(config.registry(), null));
        this.sessions = new CrossRegionSessions(this, config.crossRegionWait());
        this.writes = new WriteRouter(this, config.writeAffinity(), sessions);
    }

    /** The home region asked for, else the backend's first; null on a single-region backend. */
    private static String checkedHome(String asked, List<String> names, String backend) {
        if (asked == null) return names.isEmpty() ? null : names.get(0);
        checkRegion(asked, names, backend);
        return asked;
    }

    /** @throws DdbcConfigException naming the region and the regions there are */
    static void checkRegion(String region, List<String> names, String backend) {
        if (names.contains(region)) return;
        if (names.isEmpty()) {
            throw new DdbcConfigException("Region '" + region + "' asked for, but backend '" + backend + "' is single-region (no regions);"
                    + " use a multi-region URL, e.g. ddbc:embedded:mem?regions=us-east-1,eu-west-1");
        }
        throw new DdbcConfigException("Unknown region '" + region + "': backend '" + backend + "' has regions " + names);
    }

    /** Whether requests are spread over several regions. */
    boolean multi() {
        return single == null;
    }

    /** The regions, the backend's first first; empty on a single-region backend. */
    List<String> names() {
        return names;
    }

    /** A region the client has, or {@link DdbcConfigException}. */
    String region(String name) {
        checkRegion(name, names, root.name());
        return name;
    }

    /** The engine of a region (the only engine on a single-region backend). */
    Engine engine(String region) {
        if (single != null) return single;
        Engine e = engines.get(region);
        if (e == null) checkRegion(region, names, root.name());
        return e;
    }

    Backend root() {
        return root;
    }

    <R> R execute(DdbcRequest<R> request, Ctx ctx) {
        if (single != null) return single.execute(request, ctx);
        if (request instanceof ConditionalWriteRequest w) return writes.write(w, request, ctx);
        if (request instanceof TransactWriteRequest t) return writes.transact(t, request, ctx);
        if (request instanceof BatchWriteRequest b) return cast(writes.batch(b, ctx));
        if (request instanceof GetRequest || request instanceof PagedRequest<?> || request instanceof BatchGetRequest
                || request instanceof TransactGetRequest) {
            return sessions.read(request, ctx);
        }
        // Table administration and listing: every region holds every table; the home region answers.
        return engine(ctx.home()).execute(request, ctx);
    }

    @SuppressWarnings("unchecked")
    private static <R> R cast(Object result) {
        return (R) result;
    }

    <R> CompletableFuture<R> executeAsync(DdbcRequest<R> request, Ctx ctx) {
        return engine(ctx.home()).async(() -> execute(request, ctx));
    }

    void ensureOpen() {
        engine(home).ensureOpen();
    }

    boolean isClosed() {
        return engine(home).isClosed();
    }

    @Override
    public void close() {
        if (single != null) {
            single.close();
            return;
        }
        List<RuntimeException> failures = new ArrayList<>();
        for (Engine e : engines.values()) {
            try {
                e.close();
            } catch (RuntimeException x) {
                failures.add(x);
            }
        }
        if (ownsRoot && closed.compareAndSet(false, true)) root.close();
        if (!failures.isEmpty()) throw failures.get(0);
    }
}
