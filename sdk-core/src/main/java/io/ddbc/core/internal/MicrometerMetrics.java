package io.ddbc.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import io.ddbc.api.ConsumedCapacity;
import io.ddbc.spi.MetricsSink;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The meters of DESIGN.md on a Micrometer registry. */
final class MicrometerMetrics implements Metrics, MetricsSink {
    /** Tag value of the base table in the capacity counters' {@code index} tag. */
    static final String BASE_TABLE = "none";

    private final MeterRegistry registry;
    /** {@code region=...} on every meter of a multi-region client; empty otherwise. */
    private final Tags common;
    /**
     * Meters by their tags, looked up once: registering builds the meter id and takes the registry's lock
     * path on every call, which the per-request hot path should not pay. Bounded by tables x operations x
     * outcomes (and tables x indexes for capacity).
     */
    private final ConcurrentHashMap<RequestTags, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CapacityTags, Counter> capacityCounters = new ConcurrentHashMap<>();

    private record RequestTags(String op, String table, String consistency, String servedBy, String outcome) {
    }

    private record CapacityTags(String name, String table, String index) {
    }

    MicrometerMetrics(MeterRegistry registry, String region) {
        this.registry = registry;
        this.common = region == null ? Tags.empty() : Tags.of("region", region);
    }

    @Override
    public void request(String op, String table, String consistency, String servedBy, String outcome, long nanos) {
        // Every ddbc.requests timer has the same tag keys (Prometheus refuses one name with two label sets).
        timers.computeIfAbsent(new RequestTags(op, table, consistency, servedBy, outcome), k ->
                Timer.builder("ddbc.requests").description("ddbc requests, end to end (retries included)")
                        .tags("op", k.op(), "table", k.table(), "consistency", k.consistency(), "served_by", k.servedBy(), "outcome", k.outcome())
                        .tags(common)
                        .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void capacity(ConsumedCapacity capacity) {
        for (String table : capacity.tableNames()) {
            units(table, BASE_TABLE, capacity.table(table));
            for (Map.Entry<String, ConsumedCapacity.Units> e : capacity.indexes(table).entrySet()) units(table, e.getKey(), e.getValue());
        }
    }

    private void units(String table, String index, ConsumedCapacity.Units u) {
        if (u.read() > 0) capacityCounter("ddbc.capacity.read", table, index).increment(u.read());
        if (u.write() > 0) capacityCounter("ddbc.capacity.write", table, index).increment(u.write());
    }

    private Counter capacityCounter(String name, String table, String index) {
        return capacityCounters.computeIfAbsent(new CapacityTags(name, table, index),
                k -> Counter.builder(k.name()).description(k.name().endsWith("read") ? "Read capacity units consumed" : "Write capacity units consumed")
                        .baseUnit("capacity_units").tags("table", k.table(), "index", k.index()).tags(common).register(registry));
    }

    @Override
    public void sessionUpgrade(String op) {
        // Tagged by op like the wrapper's counter of the same name: one name, one label set.
        Counter.builder("ddbc.session.upgrades").description("Session reads re-read strongly because the eventual answer was older than the session")
                .tags(common.and("op", op)).register(registry).increment();
    }

    @Override
    public void crossRegion(String outcome) {
        Counter.builder("ddbc.session.cross_region").description("Session reads on a multi-region client: caught_up, waited, routed or refused")
                .tags(common.and("outcome", outcome)).register(registry).increment();
    }

    @Override
    public void outcomeResolved(String op, String outcome) {
        Counter.builder("ddbc.writes.unknown_outcome").description("Writes whose answer was lost, by how reading back resolved them")
                .tags(common.and("op", op).and("resolution", outcome)).register(registry).increment();
    }

    @Override
    public void retry(String op) {
        Counter.builder("ddbc.retries").description("Attempts retried after throttling, unavailability or a transaction conflict")
                .tags(common.and("op", op)).register(registry).increment();
    }

    @Override
    public void throttle(String op) {
        Counter.builder("ddbc.throttles").description("Attempts the backend refused for exceeding throughput")
                .tags(common.and("op", op)).register(registry).increment();
    }

    @Override
    public void bindCache(Cache<?, ?> cache, String name) {
        CaffeineCacheMetrics.monitor(registry, cache, name, common);
    }

    /** A backend's own gauge (e.g. the embedded engine's replication lag per AZ). */
    @Override
    public void gauge(String name, Map<String, String> tags, Supplier<Number> value) {
        Gauge.builder(name, value, v -> {
            Number n = v.get();
            return n == null ? Double.NaN : n.doubleValue();
        }).description(backendDescription(name)).tags(tagsOf(tags)).register(registry);
    }

    /** A backend's own counter (e.g. stale reads served, throttles). */
    @Override
    public void count(String name, Map<String, String> tags, double amount) {
        Counter.builder(name).description(backendDescription(name)).tags(tagsOf(tags)).register(registry).increment(amount);
    }

    /** A backend meter's description: the backend names its meters but does not describe them. */
    private static String backendDescription(String name) {
        return "Reported by the ddbc backend: " + name.replace('.', ' ').replace('_', ' ');
    }

    private Tags tagsOf(Map<String, String> tags) {
        // A backend that tags its own meters by region keeps its tag.
        Tags t = tags.containsKey("region") ? Tags.empty() : common;
        for (Map.Entry<String, String> e : tags.entrySet()) t = t.and(e.getKey(), e.getValue());
        return t;
    }

    @Override
    public boolean enabled() {
        return true;
    }
}
