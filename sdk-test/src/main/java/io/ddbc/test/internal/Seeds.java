package io.ddbc.test.internal;

import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Which seeds a run explores, and where a test's seed is kept. Not for applications. */
public final class Seeds {
    /** The system property that replays one seed. */
    public static final String PROPERTY = "ddbc.seed";
    /** The store namespace of the toolkit's per-test state. */
    public static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create("io.ddbc.test");
    /** Store key of the seed a {@code RepeatedWithSeeds} invocation runs under. */
    public static final String SEED_KEY = "seed";

    private Seeds() {
    }

    /** {@code count} seeds from {@code first}, or only {@code -Dddbc.seed} when it is set (an exact replay). */
    public static long[] sequence(int count, long first) {
        String replay = System.getProperty(PROPERTY);
        if (replay != null && !replay.isBlank()) {
            try {
                return new long[] {Long.parseLong(replay.trim())};
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("system property '" + PROPERTY + "' = '" + replay + "' is not a long seed", e);
            }
        }
        if (count < 1) throw new IllegalArgumentException("seed count " + count + " must be at least 1");
        return LongStream.range(0, count).map(i -> first + i).toArray();
    }
}
