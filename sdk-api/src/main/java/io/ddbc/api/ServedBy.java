package io.ddbc.api;

/**
 * Where a read was answered, so applications and tests can see the routing.
 *
 * <pre>{@code
 * if (result.servedBy() == ServedBy.CACHE) cacheHits.increment();
 * }</pre>
 */
public enum ServedBy {
    /** The partition's leader replica. */ LEADER,
    /** A follower replica. */ FOLLOWER,
    /** ddbc's write-through cache; no capacity was spent. */ CACHE,
    /** A backend that cannot say which replica answered (AWS DynamoDB). */ BACKEND
}
