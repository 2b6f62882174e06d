package io.ddbc.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link BatchGetRequest}: the items found per table (in no particular order, as in
 * DynamoDB), keys the backend did not process (the client retries them before returning), capacity
 * and positions.
 *
 * <pre>{@code
 * BatchGetResult r = client.batchGet().add("accounts", keys).execute();
 * for (Item account : r.items("accounts")) { ... }
 * }</pre>
 *
 * @param items table → items found
 * @param unprocessed table → reads not processed (empty once the client is done retrying)
 * @param consumedCapacity capacity consumed over all tables
 * @param positions replica positions the answer reflects
 */
public record BatchGetResult(Map<String, List<Item>> items, Map<String, BatchGetRequest.TableKeys> unprocessed,
                             ConsumedCapacity consumedCapacity, Positions positions) {

    /** Copies the maps; absent parts become empty. */
    public BatchGetResult {
        Map<String, List<Item>> copy = new LinkedHashMap<>();
        items.forEach((t, l) -> copy.put(t, List.copyOf(l)));
        items = Collections.unmodifiableMap(copy);
        unprocessed = unprocessed == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(unprocessed));
        consumedCapacity = consumedCapacity == null ? ConsumedCapacity.NONE : consumedCapacity;
        positions = positions == null ? Positions.NONE : positions;
    }

    /** The items found in one table (empty if none). */
    public List<Item> items(String tableName) {
        return items.getOrDefault(tableName, List.of());
    }

    /** Whether some keys were left unprocessed. */
    public boolean hasUnprocessed() {
        for (BatchGetRequest.TableKeys t : unprocessed.values()) if (!t.keys().isEmpty()) return true;
        return false;
    }
}
