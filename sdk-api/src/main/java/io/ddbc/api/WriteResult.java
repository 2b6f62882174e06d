package io.ddbc.api;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The answer to a put, update or delete: the image asked for with {@link ReturnValues}, the item's new
 * managed version on a versioned table, the capacity consumed and the replication position of the
 * write.
 *
 * <pre>{@code
 * WriteResult r = accounts.update(key).expression("ADD visits :one").value(":one", 1)
 *         .returnValues(ReturnValues.ALL_NEW).execute();
 * r.attributes().ifPresent(item -> System.out.println(item.getLong("visits")));
 * }</pre>
 *
 * @param attributes the returned image, empty for {@link ReturnValues#NONE} or when there was none
 * @param version the item's managed version after the write (empty if unversioned; 0 after a delete)
 * @param consumedCapacity capacity consumed, table and indexes
 * @param positions the write's replication log position (empty on backends without positions)
 */
public record WriteResult(Optional<Item> attributes, OptionalLong version, ConsumedCapacity consumedCapacity,
                          Positions positions) {

    /** Null-safe: absent parts become empty. */
    public WriteResult {
        attributes = attributes == null ? Optional.empty() : attributes;
        version = version == null ? OptionalLong.empty() : version;
        consumedCapacity = consumedCapacity == null ? ConsumedCapacity.NONE : consumedCapacity;
        positions = positions == null ? Positions.NONE : positions;
    }

    /** A result from its parts; {@code attributes} may be null. */
    public static WriteResult of(Item attributes, ConsumedCapacity capacity, Positions positions) {
        return new WriteResult(Optional.ofNullable(attributes), OptionalLong.empty(), capacity, positions);
    }

    /** This result with the managed version set. */
    public WriteResult withVersion(long v) {
        return new WriteResult(attributes, OptionalLong.of(v), consumedCapacity, positions);
    }

    /** This result with other returned attributes. */
    public WriteResult withAttributes(Item item) {
        return new WriteResult(Optional.ofNullable(item), version, consumedCapacity, positions);
    }
}
