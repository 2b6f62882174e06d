package io.ddbc.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link BatchWriteRequest}: writes left unprocessed (empty once the client is done
 * retrying), capacity and the positions of the writes.
 *
 * <pre>{@code
 * BatchWriteResult r = client.batchWrite().put("accounts", item).execute();
 * assert !r.hasUnprocessed();
 * }</pre>
 *
 * @param unprocessed table → writes not processed
 * @param consumedCapacity capacity consumed
 * @param positions replication positions of the writes
 */
public record BatchWriteResult(Map<String, List<BatchWriteRequest.Write>> unprocessed, ConsumedCapacity consumedCapacity,
                               Positions positions) {

    /** Copies the map; absent parts become empty. */
    public BatchWriteResult {
        Map<String, List<BatchWriteRequest.Write>> copy = new LinkedHashMap<>();
        if (unprocessed != null) unprocessed.forEach((t, l) -> copy.put(t, List.copyOf(l)));
        unprocessed = Collections.unmodifiableMap(copy);
        consumedCapacity = consumedCapacity == null ? ConsumedCapacity.NONE : consumedCapacity;
        positions = positions == null ? Positions.NONE : positions;
    }

    /** Whether some writes were left unprocessed. */
    public boolean hasUnprocessed() {
        for (List<BatchWriteRequest.Write> l : unprocessed.values()) if (!l.isEmpty()) return true;
        return false;
    }
}
