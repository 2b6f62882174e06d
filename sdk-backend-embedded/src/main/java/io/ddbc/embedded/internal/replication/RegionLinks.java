package io.ddbc.embedded.internal.replication;

import io.ddbc.api.Key;
import io.ddbc.api.Positions;

/**
 * What a region of a multi-region engine must know about the others when it serves a read that carries
 * positions: positions of other regions' partitions are requirements on the writes shipped from there.
 * Implemented by the cross-region replicator; absent on a single-region engine.
 */
public interface RegionLinks {

    /**
     * The local log position this region's replica of a table partition must have applied to reflect every
     * write of another region that {@code min} requires (0 if none).
     *
     * @param key the key read, for the message (null for a query or scan)
     * @throws io.ddbc.api.StaleReadException naming the table, key, this region, the other region and the
     *     required position if a write it requires has not been applied here yet
     */
    long requiredLocal(String table, int partition, Positions min, Key key);

    /** This region's name, for messages. */
    String region();
}
