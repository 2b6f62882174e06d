package io.ddbc.core;

import java.time.Duration;

/**
 * Settings of the client's write-through item cache (Caffeine). Immutable; each setter returns a copy.
 *
 * <p>Rules: writes through ddbc store the item's new image, deletes and failed conditions invalidate it;
 * EVENTUAL reads may be answered from the cache within {@link #ttl()}; SESSION reads only when the
 * cached version (or replica position) is at least what the session requires; STRONG reads always go to
 * the backend and refresh the cache. Absent items are cached for the short {@link #negativeTtl()}.
 * With {@link #queryCache(boolean)} whole query pages are cached as well, keyed by the entire request:
 * a write through ddbc drops the cached queries on the same partition key of the base table; queries on
 * a global secondary index expire by TTL only. Cache hits report {@code ServedBy.CACHE} and no capacity.
 *
 * <pre>{@code
 * CacheSpec spec = CacheSpec.writeThrough().maximumSize(100_000).ttl(Duration.ofMinutes(5))
 *         .negativeTtl(Duration.ofSeconds(2)).queryCache(true);
 * DdbcClient client = Ddbc.builder().url("ddbc:embedded:mem").cache(spec).build();
 * }</pre>
 */
public final class CacheSpec {
    private final long maximumSize;
    private final Duration ttl;
    private final Duration negativeTtl;
    private final boolean queryCache;

    private CacheSpec(long maximumSize, Duration ttl, Duration negativeTtl, boolean queryCache) {
        this.maximumSize = maximumSize;
        this.ttl = ttl;
        this.negativeTtl = negativeTtl;
        this.queryCache = queryCache;
    }

    /** A write-through cache of 10 000 items, 5 minutes TTL, 1 second for absent items, no query cache. */
    public static CacheSpec writeThrough() {
        return new CacheSpec(10_000, Duration.ofMinutes(5), Duration.ofSeconds(1), false);
    }

    /** At most this many entries (items and, if enabled, query pages each). */
    public CacheSpec maximumSize(long size) {
        if (size < 1) throw new io.ddbc.api.DdbcConfigException("Cache maximumSize must be at least 1, got " + size);
        return new CacheSpec(size, ttl, negativeTtl, queryCache);
    }

    /** How long an item (or query page) may be served after it was stored. */
    public CacheSpec ttl(Duration ttl) {
        return new CacheSpec(maximumSize, positive(ttl, "ttl"), negativeTtl, queryCache);
    }

    /** How long "no such item" may be served. */
    public CacheSpec negativeTtl(Duration negativeTtl) {
        return new CacheSpec(maximumSize, ttl, positive(negativeTtl, "negativeTtl"), queryCache);
    }

    /** Whether query pages are cached too (EVENTUAL queries only). */
    public CacheSpec queryCache(boolean enabled) {
        return new CacheSpec(maximumSize, ttl, negativeTtl, enabled);
    }

    /** The maximum number of entries. */
    public long maximumSize() {
        return maximumSize;
    }

    /** The time to live of an item. */
    public Duration ttl() {
        return ttl;
    }

    /** The time to live of an absent-item entry. */
    public Duration negativeTtl() {
        return negativeTtl;
    }

    /** Whether query pages are cached. */
    public boolean queryCacheEnabled() {
        return queryCache;
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) throw new io.ddbc.api.DdbcConfigException("Cache " + what + " must be positive, got " + d);
        return d;
    }

    @Override
    public String toString() {
        return "CacheSpec{maximumSize=" + maximumSize + ", ttl=" + ttl + ", negativeTtl=" + negativeTtl + ", queryCache=" + queryCache + "}";
    }
}
