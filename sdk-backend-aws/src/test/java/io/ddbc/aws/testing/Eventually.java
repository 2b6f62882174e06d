package io.ddbc.aws.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Repeats a read that DynamoDB answers eventually (an eventual get, a GSI query) until it reflects the
 * test's writes, for a bounded time: on a replicated backend such reads may lag a write, as DynamoDB
 * documents. Returns the last result either way, so the caller's assertion reports what was seen.
 *
 * <pre>{@code
 * GetResult r = Eventually.read(() -> backend.get(eventualGet), GetResult::exists);
 * assertTrue(r.exists());
 * }</pre>
 */
public final class Eventually {
    /** How long a read may lag before the test gives up. */
    public static final Duration LIMIT = Duration.ofSeconds(10);

    private Eventually() {
    }

    public static <T> T read(Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        T result = read.get();
        while (!done.test(result) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            result = read.get();
        }
        return result;
    }
}
