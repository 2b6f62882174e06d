package io.ddbc.spi;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a backend reports its own metrics, without depending on a metrics library: the client core
 * implements it over Micrometer and hands it to {@link Backend#bindMetrics(MetricsSink)}. Implementations
 * are thread-safe; a backend may call {@link #count} from any thread.
 *
 * <pre>{@code
 * backend.bindMetrics(new MetricsSink() {
 *     public void gauge(String name, Map<String, String> tags, Supplier<Number> value) { registry.gauge(...); }
 *     public void count(String name, Map<String, String> tags, double amount) { registry.counter(...).increment(amount); }
 * });
 * }</pre>
 */
public interface MetricsSink {

    /**
     * Registers a gauge sampled whenever the metrics are read.
     *
     * @param name the metric name, e.g. {@code ddbc.embedded.replication.lag}
     * @param tags tag name → value (e.g. {@code az → az-b}); may be empty
     * @param value read on each sample; must be cheap and thread-safe
     */
    void gauge(String name, Map<String, String> tags, Supplier<Number> value);

    /**
     * Adds to a counter.
     *
     * @param name the metric name, e.g. {@code ddbc.throttles}
     * @param tags tag name → value; may be empty
     * @param amount the increment (≥ 0)
     */
    void count(String name, Map<String, String> tags, double amount);
}
