package io.ddbc.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import io.ddbc.api.ConsumedCapacity;

/** The client's meters; {@link #NONE} records nothing and costs nothing. */
interface Metrics {
    /** Records nothing. */
    Metrics NONE = new Metrics() {
    };

    /**
     * A finished request: op, table (the sorted tables of a batch or transaction, joined by ","), resolved
     * consistency ("-" for writes), where a read was served ("-" for writes and failures), outcome.
     */
    default void request(String op, String table, String consistency, String servedBy, String outcome, long nanos) {
    }

    /** Capacity consumed, by table and index. */
    default void capacity(ConsumedCapacity capacity) {
    }

    /** A session read that had to be re-read strongly, by operation (GetItem, BatchGetItem). */
    default void sessionUpgrade(String op) {
    }

    /** How a session read on a multi-region backend ended: caught_up, waited, routed or refused. */
    default void crossRegion(String outcome) {
    }

    /** A retried attempt. */
    default void retry(String op) {
    }

    /**
     * How a write whose answer was lost was resolved by reading it back: applied, not_applied (sent again),
     * conflict (another writer took the version) or unknown ({@code OutcomeUnknownException}).
     */
    default void outcomeResolved(String op, String outcome) {
    }

    /** A throttled attempt. */
    default void throttle(String op) {
    }

    /** Binds a Caffeine cache (recordStats on) under a name. */
    default void bindCache(Cache<?, ?> cache, String name) {
    }

    /** Whether a Caffeine cache should record statistics for {@link #bindCache}. */
    default boolean enabled() {
        return false;
    }
}
