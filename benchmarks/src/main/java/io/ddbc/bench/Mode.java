package io.ddbc.bench;

import java.time.Duration;

/**
 * How long and how large each measurement is. {@link #FULL} gives the published figures; {@link #QUICK}
 * ({@code -Dquick}) finishes in under a minute; {@link #SMOKE} is for the build's smoke test (seconds).
 *
 * @param window     timed window of one throughput cell
 * @param warmup     untimed run before each window
 * @param localKeys  records loaded into each side of the embedded-vs-DynamoDB-Local comparison
 * @param ycsbKeys   records of the embedded YCSB matrix and the cache workloads
 * @param pairs      interleaved raw/adapter rounds of the overhead measurement
 * @param cacheHits  timed cache hits for the latency percentiles
 * @param rounds     write rounds of the read-after-write capacity workload
 * @param cacheOps   operations of the cache-savings workload (each side)
 * @param heapItems  items stored for the heap-per-item figure
 */
record Mode(String name, Duration window, Duration warmup, int localKeys, int ycsbKeys, int pairs, int cacheHits,
        int rounds, int cacheOps, int heapItems) {

    static final Mode FULL = new Mode("full", Duration.ofSeconds(3), Duration.ofSeconds(1), 10_000, 100_000, 4_000,
            2_000_000, 2_000, 1_000_000, 1_000_000);
    static final Mode QUICK = new Mode("quick", Duration.ofMillis(300), Duration.ofMillis(150), 1_000, 5_000, 200,
            100_000, 200, 30_000, 30_000);
    static final Mode SMOKE = new Mode("smoke", Duration.ofMillis(60), Duration.ofMillis(30), 200, 1_000, 30,
            5_000, 20, 2_000, 5_000);

    /** {@code -Dquick} or {@code -Dddbc.bench.mode=quick|full|smoke}; full by default. */
    static Mode fromSystemProperties() {
        String m = System.getProperty("ddbc.bench.mode", System.getProperty("quick") != null ? "quick" : "full");
        switch (m) {
            case "full": return FULL;
            case "quick": return QUICK;
            case "smoke": return SMOKE;
            default: throw new IllegalArgumentException("ddbc.bench.mode must be full, quick or smoke, got '" + m + "'");
        }
    }
}
