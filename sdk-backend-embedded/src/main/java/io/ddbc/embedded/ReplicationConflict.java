package io.ddbc.embedded;

import io.ddbc.api.Item;
import io.ddbc.api.Key;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Two concurrent writes of the same item in two regions of a multi-region embedded engine (neither region
 * had seen the other's write when it wrote), of which last-writer-wins kept one and silently discarded the
 * other — the lost-update hazard of DynamoDB global tables, made visible. A write that had already seen the
 * one it replaces is an ordinary update and is not reported. Each conflicting pair is reported once, by the
 * first region that detected it. From {@link EmbeddedControl#replicationConflicts()}.
 *
 * <pre>{@code
 * for (ReplicationConflict c : control.replicationConflicts()) {
 *     log.warn("{} {}: {} kept, the write made in {} was lost ({})", c.table(), c.key(), c.keptRegion(),
 *             c.overwrittenRegion(), c.overwrittenImage().map(Item::toString).orElse("a delete"));
 * }
 * }</pre>
 *
 * @param table the table
 * @param key the item's primary key
 * @param keptRegion the region whose write survives (the later last-writer-wins stamp)
 * @param keptTimestamp the surviving write's stamp, on the engine clock ({@link EmbeddedControl#now()})
 * @param overwrittenRegion the region whose write was discarded
 * @param overwrittenTimestamp the discarded write's stamp, on the engine clock
 * @param overwrittenImage the discarded write's item image, empty if it was a delete
 * @param detectedIn the region where the two writes met
 */
public record ReplicationConflict(String table, Key key, String keptRegion, Duration keptTimestamp, String overwrittenRegion,
                                  Duration overwrittenTimestamp, Optional<Item> overwrittenImage, String detectedIn) {
    /** Checks that nothing is null. */
    public ReplicationConflict {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(keptRegion, "keptRegion");
        Objects.requireNonNull(keptTimestamp, "keptTimestamp");
        Objects.requireNonNull(overwrittenRegion, "overwrittenRegion");
        Objects.requireNonNull(overwrittenTimestamp, "overwrittenTimestamp");
        Objects.requireNonNull(overwrittenImage, "overwrittenImage");
        Objects.requireNonNull(detectedIn, "detectedIn");
    }
}
