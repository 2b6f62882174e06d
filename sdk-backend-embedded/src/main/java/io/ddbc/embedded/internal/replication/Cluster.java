package io.ddbc.embedded.internal.replication;

import io.ddbc.spi.MetricsSink;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything replication shares across the engine's tables: settings, the clock and its scheduler, the AZ
 * topology, the one seeded random source, the lag models and the replication counters. Thread-safe.
 */
public final class Cluster implements AutoCloseable {
    private final ReplicationSettings settings;
    private final Scheduler scheduler;
    private final Topology topology;
    private final Random random;
    private final LagModel replicationLag;
    private final LagModel gsiLag;
    private final LongAdder staleReads = new LongAdder();
    private final LongAdder failovers = new LongAdder();
    private final String region;
    private final boolean ownsScheduler;
    private volatile MetricsSink sink;
    private volatile RegionLinks links;

    /** A cluster per the settings; real time starts the scheduler's daemon thread. */
    public Cluster(ReplicationSettings settings) {
        this(settings, settings.virtualTime() ? Scheduler.virtualTime()
                : Scheduler.realTime(settings.replicated() ? "ddbc-embedded-replication" : null), null, settings.seed(), true);
    }

    /**
     * One region of a multi-region engine: its own AZs, random source and lag models, on the clock and
     * scheduler every region shares (closed by whoever owns it, not by this cluster).
     *
     * @param region the region name; partition ids are qualified with it
     * @param seed this region's seed (derived from the engine's seed)
     */
    public Cluster(ReplicationSettings settings, Scheduler shared, String region, long seed) {
        this(settings, shared, region, seed, false);
    }

    private Cluster(ReplicationSettings settings, Scheduler scheduler, String region, long seed, boolean ownsScheduler) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.region = region;
        this.ownsScheduler = ownsScheduler;
        this.topology = new Topology(settings.replicas());
        this.random = new Random(seed);
        this.replicationLag = new LagModel(random, settings.lagMedianMs(), settings.lagSpikeProbability(), settings.lagSpikeMs());
        this.gsiLag = new LagModel(random, settings.gsiLagMedianMs(), 0, 0);
    }

    public ReplicationSettings settings() {
        return settings;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public Topology topology() {
        return topology;
    }

    /** The seeded random source (thread-safe; deterministic when driven from one thread). */
    public Random random() {
        return random;
    }

    public LagModel replicationLag() {
        return replicationLag;
    }

    public LagModel gsiLag() {
        return gsiLag;
    }

    /**
     * Real time: follower deliveries are batched at least this far apart (1 ms) per partition and follower, so
     * the replication thread wakes up per batch rather than per record under load; virtual time: 0 (exact).
     */
    public long deliveryTickNanos() {
        return scheduler.isVirtual() ? 0 : 1_000_000;
    }

    /** Now on the engine clock, nanoseconds. */
    public long nanoTime() {
        return scheduler.nanoTime();
    }

    /**
     * Virtual time: moves the clock by one operation's modelled service latency (exponential around the
     * configured mean), running replication that falls due meanwhile. Real time: nothing.
     */
    public void serviceLatency() {
        if (!scheduler.isVirtual() || settings.serviceLatencyMs() <= 0) return;
        double ms = -settings.serviceLatencyMs() * Math.log(1 - random.nextDouble());
        scheduler.advance((long) (ms * 1_000_000));
    }

    /** Counts a stale read served. */
    public void staleRead(String table) {
        staleReads.increment();
        MetricsSink s = sink;
        if (s != null) s.count("ddbc.embedded.stale_reads", Map.of("table", table), 1);
    }

    /** Stale reads served so far. */
    public long staleReads() {
        return staleReads.sum();
    }

    /** Counts a leader failover. */
    public void failedOver() {
        failovers.increment();
    }

    /** Leader failovers so far. */
    public long failovers() {
        return failovers.sum();
    }

    /** The metrics sink, or null. */
    public MetricsSink sink() {
        return sink;
    }

    /** Sets where counts go. */
    public void bind(MetricsSink sink) {
        this.sink = sink;
    }

    /** The region this cluster serves, or null on a single-region engine. */
    public String region() {
        return region;
    }

    /** What partition ids start with: {@code "<region>:"} in a multi-region engine, else nothing. */
    public String partitionPrefix() {
        return region == null ? "" : region + ":";
    }

    /** The links to other regions (what reads must wait for), or null on a single-region engine. */
    public RegionLinks links() {
        return links;
    }

    /** Connects this region to the others; set once by the multi-region engine before any request. */
    public void link(RegionLinks links) {
        this.links = links;
    }

    /** Stops the scheduler if this cluster owns it (a region's shared scheduler is closed by the engine). */
    @Override
    public void close() {
        if (ownsScheduler) scheduler.close();
    }
}
