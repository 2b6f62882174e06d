package io.ddbc.core.internal;

import io.ddbc.api.Consistency;
import io.ddbc.core.CacheSpec;
import io.ddbc.core.RetryPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;

/**
 * Everything the builder collected, immutable.
 *
 * @param defaultConsistency consistency of requests that name none
 * @param tableConsistency per-table defaults
 * @param versionAttributes per-table managed version attributes declared on the builder
 * @param cache the cache settings, or null for no cache
 * @param registry the meter registry, or null for no metrics
 * @param retry the retry policy
 * @param tokenSecret the session token secret, or null for unsigned tokens
 */
public record ClientConfig(Consistency defaultConsistency, Map<String, Consistency> tableConsistency,
                           Map<String, String> versionAttributes, CacheSpec cache, MeterRegistry registry,
                           RetryPolicy retry, byte[] tokenSecret) {
    /** Copies the maps. */
    public ClientConfig {
        tableConsistency = Map.copyOf(tableConsistency);
        versionAttributes = Map.copyOf(versionAttributes);
        tokenSecret = tokenSecret == null ? null : tokenSecret.clone();
    }
}
