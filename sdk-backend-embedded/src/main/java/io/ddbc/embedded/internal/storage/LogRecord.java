package io.ddbc.embedded.internal.storage;

import io.ddbc.api.Item;

/**
 * One resolved effect produced by a partition leader: the full new image of an item, or its deletion,
 * at a sequence number drawn from the engine's single global counter. Replica stores apply records of
 * one partition in sequence order; applying is pure (no conditions, no expressions), so a follower that
 * receives the same records in the same order reaches the same state.
 *
 * @param seq the global sequence number (monotonic across the engine)
 * @param table the table name
 * @param partition the table partition index
 * @param key the item's primary key
 * @param newImage the item after the write, or null for a delete
 */
public record LogRecord(long seq, String table, int partition, ItemKey key, Item newImage) {

    /** Whether this record deletes the item. */
    public boolean isDelete() {
        return newImage == null;
    }
}
