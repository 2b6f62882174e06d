package io.ddbc.wrapper.internal;

import io.ddbc.api.Key;
import io.ddbc.api.Positions;
import io.ddbc.aws.internal.ModelConverter;
import io.ddbc.core.CacheSpec;
import io.ddbc.core.internal.ItemCache;
import io.ddbc.wrapper.internal.TableSchemas.Schema;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The optional write-through item cache, on ddbc-core's {@link ItemCache} (Caffeine, version-aware: an entry
 * never replaces a newer version). Writes through the wrapper store the new image (a put's item, an update's
 * ALL_NEW attributes) or invalidate the key; eventual GetItems without a projection are answered from it when
 * the entry is at least as new as the session knows (on unversioned tables, keys the session wrote bypass it,
 * as they are read strongly). A hit costs no capacity. Thread-safe; {@link #NONE} caches nothing.
 */
public final class WrapperCache {
    public static final WrapperCache NONE = new WrapperCache(null);

    private final ItemCache cache;

    private WrapperCache(ItemCache cache) {
        this.cache = cache;
    }

    public static WrapperCache of(CacheSpec spec, MeterRegistry registry) {
        return spec == null ? NONE : new WrapperCache(ItemCache.create(spec, registry));
    }

    /** The cached answer to an eventual GetItem needing version {@code known}, or null. */
    GetItemResponse hit(Schema t, Key key, long known, GetItemRequest r) {
        if (cache == null || key == null || r.projectionExpression() != null || (known > 0 && !t.versioned())) return null;
        ItemCache.Entry e = cache.get(t.table(), key);
        if (e == null || (known > 0 && e.version() < known)) return null;
        GetItemResponse.Builder b = GetItemResponse.builder();
        e.item().ifPresent(i -> b.item(ModelConverter.toSdk(i)));
        if (r.returnConsumedCapacity() != null && r.returnConsumedCapacity() != ReturnConsumedCapacity.NONE) {
            b.consumedCapacity(ConsumedCapacity.builder().tableName(t.table()).capacityUnits(0.0).build());
        }
        return b.build();
    }

    /** What a read or write showed of the item: its whole image, or null for no item. */
    void store(Schema t, Key key, Map<String, AttributeValue> image) {
        if (cache == null || key == null) return;
        long v = image == null ? -1 : t.versioned() ? t.versionOf(image) : -1;
        cache.offer(t.table(), key, new ItemCache.Entry(Optional.ofNullable(ModelConverter.itemOrNull(image)), v, Positions.NONE));
    }

    void invalidate(Schema t, Key key) {
        if (cache != null && key != null) cache.invalidate(t.table(), key);
    }

    boolean enabled() {
        return cache != null;
    }
}
