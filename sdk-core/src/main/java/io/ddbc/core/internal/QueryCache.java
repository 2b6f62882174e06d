package io.ddbc.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ddbc.api.AttributeValue;
import io.ddbc.api.Page;
import io.ddbc.api.QueryRequest;
import io.ddbc.core.CacheSpec;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Caches query pages by the whole request (like DAX's query cache). A write through ddbc drops the
 * cached pages of base-table queries on the same partition key value; pages of index queries, whose
 * partition is another attribute, expire by TTL only. Thread-safe.
 */
final class QueryCache {
    private static final Pattern EQUALS = Pattern.compile("(#?[A-Za-z0-9_.\\-]+)\\s*=\\s*(:[A-Za-z0-9_]+)");

    /** The base-table partition a query reads. */
    record Partition(String table, AttributeValue value) {
    }

    private final Cache<String, Page> pages;
    private final ConcurrentHashMap<Partition, Set<String>> byPartition = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Partition> partitionOf = new ConcurrentHashMap<>();

    QueryCache(CacheSpec spec) {
        this.pages = Caffeine.newBuilder().executor(Runnable::run).maximumSize(spec.maximumSize()).expireAfterWrite(spec.ttl())
                .<String, Page>removalListener((k, v, cause) -> forgetKey(k)).build();
    }

    /** The cache key of a query: every part of the request except the positions the core adds. */
    static String keyOf(QueryRequest q) {
        return String.join("\u0001", q.tableName(), q.indexName().orElse(""), q.keyCondition(), String.valueOf(q.filter()),
                String.valueOf(q.projection()), q.expressions().toString(), String.valueOf(q.limit()), String.valueOf(q.select()),
                String.valueOf(q.exclusiveStartKey()), String.valueOf(q.scanIndexForward()));
    }

    /** The base-table partition value a key condition fixes, or null (index queries, unparsable conditions). */
    static AttributeValue partitionValue(QueryRequest q, String partitionKey) {
        if (q.indexName().isPresent()) return null;
        Matcher m = EQUALS.matcher(q.keyCondition());
        while (m.find()) {
            String name = m.group(1);
            String resolved = name.startsWith("#") ? q.expressions().names().get(name) : name;
            if (partitionKey.equals(resolved)) return q.expressions().values().get(m.group(2));
        }
        return null;
    }

    Page get(String key) {
        return pages.getIfPresent(key);
    }

    void put(String key, Partition partition, Page page) {
        if (partition != null) {
            partitionOf.put(key, partition);
            byPartition.computeIfAbsent(partition, p -> ConcurrentHashMap.newKeySet()).add(key);
        }
        pages.put(key, page);
    }

    /** Drops the cached pages of queries on one partition key value. */
    void invalidate(String table, AttributeValue partitionValue) {
        Set<String> keys = byPartition.remove(new Partition(table, partitionValue));
        if (keys != null) pages.invalidateAll(keys);
    }

    /** Keeps the partition index in step with evictions and expiries. */
    private void forgetKey(String key) {
        Partition p = partitionOf.remove(key);
        if (p != null) byPartition.computeIfPresent(p, (k, keys) -> keys.remove(key) && keys.isEmpty() ? null : keys);
    }
}
