package io.ddbc.core.internal;

import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.DdbcException;
import io.ddbc.api.ThrottlingException;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.TransactionConflictException;
import io.ddbc.core.RetryPolicy;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a backend call under the retry policy. Throttling is always retried (the request was refused,
 * not applied), and so is unavailability that the backend says came before the request was applied;
 * unavailability that may have come after (a timeout, a lost response) and transaction conflicts only
 * when the operation is idempotent by construction, since the first attempt may have been applied.
 * Writes that are not idempotent resolve such an outcome themselves ({@link WritePath}).
 */
final class Retrier {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Retrier.class);
    private final RetryPolicy policy;
    private final Metrics metrics;
    /** How to wait between attempts: the backend's clock (simulated time advances instead of sleeping). */
    private final java.util.function.Consumer<Duration> pause;

    Retrier(RetryPolicy policy, Metrics metrics, java.util.function.Consumer<Duration> pause) {
        this.policy = policy;
        this.metrics = metrics;
        this.pause = pause;
    }

    <R> R run(String op, boolean idempotent, Supplier<R> call) {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (DdbcException e) {
                if (e instanceof ThrottlingException) {
                    metrics.throttle(op);
                    LOG.debug("{} throttled on attempt {}: {}", op, attempt, e.getMessage());
                }
                if (!retryable(e, idempotent)) throw e;
                if (!backOff(attempt, start)) {
                    LOG.debug("{} failed after {} attempts, giving up (retry policy's attempts or time budget used): {}", op, attempt, e.toString());
                    throw e;
                }
                metrics.retry(op);
                LOG.debug("{} retrying, attempt {} after {}", op, attempt + 1, e.toString());
            }
        }
    }

    /** Whether this failure may be retried for an operation of this idempotence. */
    static boolean retryable(DdbcException e, boolean idempotent) {
        if (e instanceof ThrottlingException) return true;
        if (e instanceof BackendUnavailableException b) return idempotent || !b.mayHaveBeenApplied();
        if (e instanceof TransactionConflictException) return idempotent;
        if (e instanceof TransactionCanceledException) return idempotent && e.isRetryable();
        return false;
    }

    /**
     * Sleeps before the next attempt, if the policy allows one.
     *
     * @return false if the attempts or the time budget are used up
     */
    boolean backOff(int failedAttempts, long startNanos) {
        if (failedAttempts >= policy.maxAttempts()) return false;
        Duration delay = policy.delayAfter(failedAttempts);
        long elapsed = System.nanoTime() - startNanos;
        if (elapsed + delay.toNanos() > policy.timeBudget().toNanos()) return false;
        pause.accept(delay);
        return true;
    }

    static void sleep(Duration d) {
        if (d.isZero()) return;
        try {
            Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DdbcException("Interrupted while waiting to retry", e);
        }
    }
}
