package io.ddbc.core;

import io.ddbc.api.DdbcClient;
import io.ddbc.spi.DdbcUrl;

/**
 * The entry point, like {@code java.sql.DriverManager}: opens a {@link DdbcClient} for a ddbc URL by
 * finding the backend on the classpath ({@code ServiceLoader<io.ddbc.spi.BackendProvider>}).
 *
 * <pre>{@code
 * try (DdbcClient client = Ddbc.connect("ddbc:embedded:mem?replicas=3&seed=42")) { ... }
 * DdbcClient fromConfig = Ddbc.connect();   // ddbc.url property, DDBC_URL, ddbc.properties, else ddbc:embedded:mem
 * DdbcClient tuned = Ddbc.builder().url("ddbc:aws://eu-west-1").defaultConsistency(Consistency.SESSION)
 *         .cache(CacheSpec.writeThrough()).retry(RetryPolicy.exponential(10, Duration.ofMillis(25))).build();
 * }</pre>
 *
 * <p>Besides the backend's own parameters, every URL accepts {@code consistency} (the client's default:
 * EVENTUAL, SESSION or STRONG).
 */
public final class Ddbc {
    private Ddbc() {
    }

    /**
     * Connects to the backend a URL names.
     *
     * @throws io.ddbc.api.DdbcConfigException naming the malformed part, the unknown parameter, or the
     *     unknown backend together with the backends that are present
     */
    public static DdbcClient connect(String url) {
        return builder().url(url).build();
    }

    /**
     * Connects to the URL found by {@link DdbcUrl#resolveDefault()}: the same as {@code builder().build()},
     * which resolves the URL in that one place when none is given.
     */
    public static DdbcClient connect() {
        return builder().build();
    }

    /** A builder for a client with settings beyond the URL. */
    public static DdbcClientBuilder builder() {
        return new DdbcClientBuilder();
    }
}
