package io.ddbc.api;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a {@link TransactGetRequest}: one entry per read, in request order, empty where the
 * item does not exist.
 *
 * <pre>{@code
 * TransactGetResult r = client.transactGet().get("accounts", a).get("accounts", b).execute();
 * long total = r.items().stream().flatMap(Optional::stream).mapToLong(i -> i.getLong("balance")).sum();
 * }</pre>
 *
 * @param items one entry per read, in request order
 * @param consumedCapacity capacity consumed
 */
public record TransactGetResult(List<Optional<Item>> items, ConsumedCapacity consumedCapacity) {
    /** Copies the list. */
    public TransactGetResult {
        items = List.copyOf(items);
        consumedCapacity = consumedCapacity == null ? ConsumedCapacity.NONE : consumedCapacity;
    }
}
