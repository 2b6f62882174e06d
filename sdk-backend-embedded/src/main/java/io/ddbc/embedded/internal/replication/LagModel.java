package io.ddbc.embedded.internal.replication;

import java.util.Random;

/**
 * Replication lag samples: log-normal around a median (σ = 1, so with a 20 ms median about 95% of records
 * arrive within 100 ms and a few take several times longer), plus rare spikes of a fixed extra lag, plus an
 * extra lag during a lag-spike window injected by a fault. Draws from the engine's one seeded random source.
 */
public final class LagModel {
    private static final double SIGMA = 1.0;
    private final Random random;
    private final double medianMs;
    private final double spikeProbability;
    private final double spikeMs;
    private volatile long windowExtraNanos;
    private volatile long windowUntilNanos = Long.MIN_VALUE;

    /** @param random the engine's seeded random source (shared) */
    public LagModel(Random random, double medianMs, double spikeProbability, double spikeMs) {
        this.random = random;
        this.medianMs = medianMs;
        this.spikeProbability = spikeProbability;
        this.spikeMs = spikeMs;
    }

    /** A lag for a record committed at {@code nowNanos}, in nanoseconds. */
    public long sampleNanos(long nowNanos) {
        double ms = medianMs <= 0 ? 0 : medianMs * Math.exp(SIGMA * random.nextGaussian());
        if (spikeProbability > 0 && random.nextDouble() < spikeProbability) ms += spikeMs;
        long nanos = (long) (ms * 1_000_000);
        if (nowNanos - windowUntilNanos < 0) nanos += windowExtraNanos;
        return nanos;
    }

    /** Adds {@code extraNanos} to every lag sampled until {@code untilNanos}. */
    public void spike(long extraNanos, long untilNanos) {
        windowExtraNanos = extraNanos;
        windowUntilNanos = untilNanos;
    }
}
