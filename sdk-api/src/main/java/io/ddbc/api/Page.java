package io.ddbc.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of a query or scan: the items (at most 1 MB read, or {@code limit} items), the key to
 * continue after, counts, capacity, where it was served and the replica positions it reflects.
 *
 * <pre>{@code
 * Page p = orders.query().keyCondition("customer = :c").value(":c", "alice").execute();
 * p.items().forEach(System.out::println);
 * p.lastEvaluatedKey().ifPresent(k -> nextPage(k));
 * }</pre>
 *
 * @param items the items returned (after filter and projection; empty for {@link Select#COUNT})
 * @param count items that matched the filter
 * @param scannedCount items evaluated before the filter
 * @param lastEvaluatedKey where to continue, empty on the last page
 * @param consumedCapacity capacity consumed
 * @param servedBy where the page was read
 * @param positions replica positions the page reflects
 */
public record Page(List<Item> items, int count, int scannedCount, Optional<Item> lastEvaluatedKey,
                   ConsumedCapacity consumedCapacity, ServedBy servedBy, Positions positions) {

    /** Copies the item list; absent parts become empty. */
    public Page {
        items = List.copyOf(items);
        lastEvaluatedKey = lastEvaluatedKey == null ? Optional.empty() : lastEvaluatedKey;
        consumedCapacity = consumedCapacity == null ? ConsumedCapacity.NONE : consumedCapacity;
        servedBy = servedBy == null ? ServedBy.BACKEND : servedBy;
        positions = positions == null ? Positions.NONE : positions;
    }

    /** Whether another page follows. */
    public boolean hasMore() {
        return lastEvaluatedKey.isPresent();
    }
}
