package io.ddbc.api;

import io.ddbc.spi.Backend;
import io.ddbc.spi.RequestExecutor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BatchWriteItem: up to 25 unconditional puts and deletes over one or more tables; each succeeds or
 * is left unprocessed on its own (the client retries unprocessed ones). Immutable.
 *
 * <pre>{@code
 * client.batchWrite().put("accounts", Item.of("id", "carol", "balance", 0))
 *         .delete("orders", Key.of("id", "o-17")).execute();
 * }</pre>
 */
public final class BatchWriteRequest implements DdbcRequest<BatchWriteResult> {
    /** Most writes in one BatchWriteItem. */
    public static final int MAX_WRITES = 25;

    /**
     * One write of a batch: a put (item set, key null) or a delete (key set, item null).
     *
     * @param item the item to put, or null for a delete
     * @param key the key to delete, or null for a put
     */
    public record Write(Item item, Key key) {
        /** Exactly one of item and key. */
        public Write {
            if ((item == null) == (key == null)) {
                throw new ValidationException("A batch write is either a put (item) or a delete (key)");
            }
        }

        /** A put. */
        public static Write put(Item item) {
            return new Write(item, null);
        }

        /** A delete. */
        public static Write delete(Key key) {
            return new Write(null, key);
        }

        /** Whether this is a put. */
        public boolean isPut() {
            return item != null;
        }
    }

    private final Map<String, List<Write>> writes;

    private BatchWriteRequest(Map<String, List<Write>> writes) {
        Map<String, List<Write>> copy = new LinkedHashMap<>();
        writes.forEach((t, l) -> copy.put(t, List.copyOf(l)));
        this.writes = Collections.unmodifiableMap(copy);
    }

    /** A request for exactly these writes (e.g. the unprocessed ones of a result). */
    public static BatchWriteRequest of(Map<String, List<Write>> writes) {
        return new BatchWriteRequest(writes);
    }

    /** An unbound builder (build only). */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Table → writes, in request order. */
    public Map<String, List<Write>> writes() {
        return writes;
    }

    /** Total number of writes over all tables. */
    public int writeCount() {
        int n = 0;
        for (List<Write> l : writes.values()) n += l.size();
        return n;
    }

    @Override
    public BatchWriteResult sendTo(Backend backend) {
        return backend.batchWrite(this);
    }

    @Override
    public String operation() {
        return "BatchWriteItem";
    }

    @Override
    public String toString() {
        return "BatchWriteItem{" + writes + "}";
    }

    /** Builds a {@link BatchWriteRequest}. */
    public static final class Builder extends RequestBuilder<BatchWriteRequest, BatchWriteResult, Builder> {
        private final Map<String, List<Write>> writes = new LinkedHashMap<>();

        /** A builder bound to an executor (for client implementations); null executor for build-only. */
        public Builder(RequestExecutor executor) {
            super(executor);
        }

        /** Adds a put. */
        public Builder put(String tableName, Item item) {
            return add(tableName, Write.put(Requests.require(item, "item", tableName)));
        }

        /** Adds a delete. */
        public Builder delete(String tableName, Key key) {
            return add(tableName, Write.delete(Requests.require(key, "key", tableName)));
        }

        private Builder add(String tableName, Write w) {
            writes.computeIfAbsent(Requests.tableName(tableName), t -> new ArrayList<>()).add(w);
            return this;
        }

        @Override
        public BatchWriteRequest build() {
            if (writes.isEmpty()) throw new ValidationException("BatchWriteItem needs at least one put or delete");
            return new BatchWriteRequest(writes);
        }
    }
}
