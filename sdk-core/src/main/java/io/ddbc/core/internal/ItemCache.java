package io.ddbc.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Positions;
import io.ddbc.core.CacheSpec;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The write-through item cache on Caffeine. Entries remember the item's managed version and the
 * replica positions they reflect, so a session read can tell whether an entry is new enough for it.
 * Thread-safe. Public only so that the drop-in SDK wrapper ({@code ddbc-wrapper}) caches the same way; not API.
 */
public final class ItemCache {
    /** What the cache knows of one item: the image (empty if absent), its version (-1 if unknown), its positions. */
    public record Entry(Optional<Item> item, long version, Positions positions) {
        /** Whether this entry may replace {@code old}: never an older version or position over a newer one. */
        boolean supersedes(Entry old) {
            if (version >= 0 && old.version >= 0) return version >= old.version;
            if (!positions.isEmpty() && !old.positions.isEmpty()) return old.positions.isCoveredBy(positions);
            return true;
        }
    }

    record CacheKey(String table, Key key) {
    }

    private final Cache<CacheKey, Entry> cache;

    /** A cache with {@code spec}, its statistics bound to {@code registry} as {@code ddbc.cache} (none if null). */
    public static ItemCache create(CacheSpec spec, io.micrometer.core.instrument.MeterRegistry registry) {
        return new ItemCache(spec, registry == null ? Metrics.NONE : new MicrometerMetrics(registry, null));
    }

    ItemCache(CacheSpec spec, Metrics metrics) {
        Expiry<CacheKey, Entry> expiry = Expiry.writing((k, e) -> e.item().isPresent() ? spec.ttl() : spec.negativeTtl());
        // Maintenance on the calling threads: the client starts no threads and uses no shared pool.
        Caffeine<CacheKey, Entry> b = Caffeine.newBuilder().executor(Runnable::run).maximumSize(spec.maximumSize()).expireAfter(expiry);
        if (metrics.enabled()) b.recordStats();
        this.cache = b.build();
        metrics.bindCache(cache, "ddbc.cache");
    }

    public Entry get(String table, Key key) {
        return cache.getIfPresent(new CacheKey(table, key));
    }

    /**
     * The entry, loading it with {@code loader} if absent; concurrent callers for the same key wait for
     * one load. {@code loadedHere[0]} tells whether this caller ran the loader.
     */
    Entry load(String table, Key key, Supplier<Entry> loader, boolean[] loadedHere) {
        return cache.get(new CacheKey(table, key), k -> {
            loadedHere[0] = true;
            return loader.get();
        });
    }

    /** Stores an entry unless a newer one is there already. */
    public void offer(String table, Key key, Entry entry) {
        cache.asMap().merge(new CacheKey(table, key), entry, (old, nu) -> nu.supersedes(old) ? nu : old);
    }

    public void invalidate(String table, Key key) {
        cache.invalidate(new CacheKey(table, key));
    }

    /** Read-only view, for tests and diagnostics. */
    Map<CacheKey, Entry> asMap() {
        return java.util.Collections.unmodifiableMap(cache.asMap());
    }
}
