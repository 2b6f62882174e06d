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
 * @param homeRegion the client's home region on a multi-region backend, or null for the backend's first
 * @param crossRegionWait how long a session read waits for its home region to catch up before routing
 * @param writeAffinity which region takes each write on a multi-region backend
 */
public record ClientConfig(Consistency defaultConsistency, Map<String, Consistency> tableConsistency,
                           Map<String, String> versionAttributes, CacheSpec cache, MeterRegistry registry,
                           RetryPolicy retry, byte[] tokenSecret, String homeRegion,
                           java.time.Duration crossRegionWait, io.ddbc.core.WriteAffinity writeAffinity) {
    /** Copies the maps. */
    public ClientConfig {
        tableConsistency = Map.copyOf(tableConsistency);
        versionAttributes = Map.copyOf(versionAttributes);
        tokenSecret = tokenSecret == null ? null : tokenSecret.clone();
        if (crossRegionWait == null) crossRegionWait = DEFAULT_CROSS_REGION_WAIT;
        if (writeAffinity == null) writeAffinity = io.ddbc.core.WriteAffinity.home();
    }

    /** How long a session read waits for its home region by default. */
    public static final java.time.Duration DEFAULT_CROSS_REGION_WAIT = java.time.Duration.ofSeconds(2);

    /** A configuration without region settings (single-region clients, tests). */
    public ClientConfig(Consistency defaultConsistency, Map<String, Consistency> tableConsistency, Map<String, String> versionAttributes,
                        CacheSpec cache, MeterRegistry registry, RetryPolicy retry, byte[] tokenSecret) {
        this(defaultConsistency, tableConsistency, versionAttributes, cache, registry, retry, tokenSecret, null, null, null);
    }
}
