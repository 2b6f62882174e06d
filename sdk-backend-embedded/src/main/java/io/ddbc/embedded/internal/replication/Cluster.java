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
    private volatile MetricsSink sink;

    /** A cluster per the settings; real time starts the scheduler's daemon thread. */
    public Cluster(ReplicationSettings settings) {
        this.settings = settings;
        this.scheduler = settings.virtualTime() ? Scheduler.virtualTime() : Scheduler.realTime(settings.replicated() ? "ddbc-embedded-replication" : null);
        this.topology = new Topology(settings.replicas());
        this.random = new Random(settings.seed());
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

    /** Stops the scheduler. */
    @Override
    public void close() {
        scheduler.close();
    }
}
