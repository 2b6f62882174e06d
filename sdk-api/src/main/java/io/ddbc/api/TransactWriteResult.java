package io.ddbc.api;

import java.util.List;
import java.util.OptionalLong;

/**
 * The answer to a {@link TransactWriteRequest}: per action, the item's new managed version (empty for
 * unversioned tables and condition checks), the capacity consumed and the positions of the writes.
 *
 * <pre>{@code
 * TransactWriteResult r = client.transactWrite().put("orders", order).execute();
 * System.out.println(r.consumedCapacity().writeUnits());
 * }</pre>
 *
 * @param versions per action, the new version
 * @param consumedCapacity capacity consumed
 * @param positions replication positions of the writes
 */
public record TransactWriteResult(List<OptionalLong> versions, ConsumedCapacity consumedCapacity, Positions positions) {
    /** Copies the list; absent parts become empty. */
    public TransactWriteResult {
        versions = versions == null ? List.of() : List.copyOf(versions);
        consumedCapacity = consumedCapacity == null ? ConsumedCapacity.NONE : consumedCapacity;
        positions = positions == null ? Positions.NONE : positions;
    }
}
