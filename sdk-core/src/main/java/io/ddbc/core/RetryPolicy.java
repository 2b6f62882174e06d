package io.ddbc.core;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the client retries retryable failures (throttling, an unavailable backend, transaction
 * conflicts, unprocessed batch items): exponential backoff with full jitter, bounded by a number of
 * attempts, a maximum delay and an overall time budget. Immutable and thread-safe.
 *
 * <p>Which failures are retried is not a matter of policy: throttling is always retryable (the request
 * was refused, not applied); an unavailable backend or a transaction conflict only for idempotent
 * operations (reads, puts, deletes, conditional or versioned writes, transactions with a client token).
 *
 * <pre>{@code
 * RetryPolicy p = RetryPolicy.exponential(10, Duration.ofMillis(25))
 *         .maxDelay(Duration.ofSeconds(1)).timeBudget(Duration.ofSeconds(5));
 * DdbcClient client = Ddbc.builder().url("ddbc:embedded:mem").retry(p).build();
 * }</pre>
 */
public final class RetryPolicy {
    private static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration timeBudget;

    private RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration timeBudget) {
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.maxDelay = maxDelay;
        this.timeBudget = timeBudget;
    }

    /** The client's default: 8 attempts from 25 ms, at most 1 s apart, 10 s in all. */
    public static RetryPolicy defaults() {
        return exponential(8, Duration.ofMillis(25));
    }

    /** Never retry. */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Up to {@code maxAttempts} attempts (the first included); before attempt {@code n+1} wait a random
     * time in {@code [0, min(maxDelay, baseDelay * 2^n))}. The maximum delay defaults to 1 s and the
     * time budget to 10 s.
     *
     * @throws io.ddbc.api.DdbcConfigException if {@code maxAttempts < 1} or the delay is null or negative
     */
    public static RetryPolicy exponential(int maxAttempts, Duration baseDelay) {
        if (maxAttempts < 1) throw new io.ddbc.api.DdbcConfigException("Retry maxAttempts must be at least 1, got " + maxAttempts);
        requireNonNegative(baseDelay, "baseDelay");
        return new RetryPolicy(maxAttempts, baseDelay, Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    /** This policy with a cap on any single delay. */
    public RetryPolicy maxDelay(Duration maxDelay) {
        return new RetryPolicy(maxAttempts, baseDelay, requireNonNegative(maxDelay, "maxDelay"), timeBudget);
    }

    /** This policy with a bound on the time spent retrying one request, delays included. */
    public RetryPolicy timeBudget(Duration budget) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay, requireNonNegative(budget, "timeBudget"));
    }

    /** Attempts allowed, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The first delay bound. */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** The cap on a single delay. */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** The bound on the whole time spent on one request. */
    public Duration timeBudget() {
        return timeBudget;
    }

    /**
     * The delay before the attempt after {@code failedAttempts} failures (full jitter: uniform in
     * {@code [0, bound)}).
     */
    public Duration delayAfter(int failedAttempts) {
        long base = baseDelay.toNanos();
        if (base == 0) return Duration.ZERO;
        int shift = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long bound = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        bound = Math.min(bound, maxDelay.toNanos());
        return bound <= 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound));
    }

    private static Duration requireNonNegative(Duration d, String what) {
        if (d == null || d.isNegative()) throw new io.ddbc.api.DdbcConfigException("Retry " + what + " must not be negative, got " + d);
        return d;
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", timeBudget=" + timeBudget + "}";
    }
}
