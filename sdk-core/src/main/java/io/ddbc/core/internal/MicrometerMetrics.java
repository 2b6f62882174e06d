package io.ddbc.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import io.ddbc.api.ConsumedCapacity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The meters of DESIGN.md on a Micrometer registry. */
final class MicrometerMetrics implements Metrics {
    /** Tag value of the base table in the capacity counters' {@code index} tag. */
    static final String BASE_TABLE = "none";

    private final MeterRegistry registry;

    MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void request(String op, String table, String consistency, String outcome, long nanos) {
        Timer.builder("ddbc.requests").description("ddbc requests, end to end (retries included)")
                .tags("op", op, "table", table, "consistency", consistency, "outcome", outcome)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void capacity(ConsumedCapacity capacity) {
        for (String table : capacity.tableNames()) {
            units(table, BASE_TABLE, capacity.table(table));
            for (Map.Entry<String, ConsumedCapacity.Units> e : capacity.indexes(table).entrySet()) units(table, e.getKey(), e.getValue());
        }
    }

    private void units(String table, String index, ConsumedCapacity.Units u) {
        if (u.read() > 0) Counter.builder("ddbc.capacity.read").tags("table", table, "index", index).register(registry).increment(u.read());
        if (u.write() > 0) Counter.builder("ddbc.capacity.write").tags("table", table, "index", index).register(registry).increment(u.write());
    }

    @Override
    public void sessionUpgrade() {
        registry.counter("ddbc.session.upgrades").increment();
    }

    @Override
    public void retry(String op) {
        registry.counter("ddbc.retries", "op", op).increment();
    }

    @Override
    public void throttle(String op) {
        registry.counter("ddbc.throttles", "op", op).increment();
    }

    @Override
    public void bindCache(Cache<?, ?> cache, String name) {
        CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    @Override
    public boolean enabled() {
        return true;
    }
}
