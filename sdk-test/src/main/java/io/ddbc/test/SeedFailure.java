package io.ddbc.test;

import io.ddbc.test.internal.Seeds;

/**
 * A test or scenario failed under a seed; the message says how to replay it, the cause is the original failure.
 *
 * <pre>{@code
 * SeedFailure f = assertThrows(SeedFailure.class, () -> DdbcAssertions.assertEventuallyConsistentSafe(50, naive));
 * DdbcAssertions.runWithSeed(f.seed(), naive);   // fails again, exactly the same way
 * }</pre>
 */
public final class SeedFailure extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final long seed;

    /** A failure of a run under {@code seed}. */
    public SeedFailure(long seed, Throwable cause) {
        super("failed under seed " + seed + "; replay exactly with -D" + Seeds.PROPERTY + "=" + seed
                + ": " + cause, cause);
        this.seed = seed;
    }

    /** The seed of the failing run. */
    public long seed() {
        return seed;
    }
}
