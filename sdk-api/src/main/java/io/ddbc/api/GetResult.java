package io.ddbc.api;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer to a {@link GetRequest}: the item if it exists, its managed version when the table is
 * versioned, the capacity consumed, where it was served and the replica position it reflects.
 *
 * <pre>{@code
 * GetResult r = accounts.get(key).execute();
 * long balance = r.item().map(i -> i.getLong("balance")).orElse(0L);
 * System.out.println(r.servedBy() + " " + r.consumedCapacity().readUnits());
 * }</pre>
 *
 * @param item the item, empty if it does not exist
 * @param version the item's managed version, empty if the table is not versioned or the item is absent
 * @param consumedCapacity capacity consumed (zero for cache hits)
 * @param servedBy where the read was answered
 * @param positions the replica position the answer reflects (empty on backends without positions)
 */
public record GetResult(Optional<Item> item, OptionalLong version, ConsumedCapacity consumedCapacity,
                        ServedBy servedBy, Positions positions) {

    /** Null-safe: absent parts become empty. */
    public GetResult {
        item = item == null ? Optional.empty() : item;
        version = version == null ? OptionalLong.empty() : version;
        consumedCapacity = consumedCapacity == null ? ConsumedCapacity.NONE : consumedCapacity;
        servedBy = servedBy == null ? ServedBy.BACKEND : servedBy;
        positions = positions == null ? Positions.NONE : positions;
    }

    /** A result from its parts; {@code item} may be null for "not found". */
    public static GetResult of(Item item, ConsumedCapacity capacity, ServedBy servedBy, Positions positions) {
        return new GetResult(Optional.ofNullable(item), OptionalLong.empty(), capacity, servedBy, positions);
    }

    /** Whether the item exists. */
    public boolean exists() {
        return item.isPresent();
    }

    /** This result with the item's version set. */
    public GetResult withVersion(long v) {
        return new GetResult(item, OptionalLong.of(v), consumedCapacity, servedBy, positions);
    }

    /** This result marked as served from elsewhere (e.g. the cache) with other capacity. */
    public GetResult servedAs(ServedBy by, ConsumedCapacity capacity) {
        return new GetResult(item, version, capacity, by, positions);
    }
}
