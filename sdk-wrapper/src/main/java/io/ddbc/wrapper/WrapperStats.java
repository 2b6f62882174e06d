package io.ddbc.wrapper;

import java.util.Map;

/**
 * What a {@link DdbcDynamoDbClient} has done beyond forwarding, since it was created.
 *
 * <pre>{@code
 * WrapperStats st = wrapper.stats();
 * long partiql = st.unhonoured().getOrDefault("ExecuteStatement", 0L);
 * }</pre>
 *
 * @param unhonoured per operation, requests passed through that the session could not make read-your-writes
 *                   (PartiQL statements, eventual scans, eventual queries on a global index of a table the session wrote)
 * @param upgrades session reads sent (again) with {@code ConsistentRead=true}
 * @param readBacks strong reads of an item's version after a write that did not return it
 */
public record WrapperStats(Map<String, Long> unhonoured, long upgrades, long readBacks) {
    /** Copies the map. */
    public WrapperStats {
        unhonoured = Map.copyOf(unhonoured);
    }
}
