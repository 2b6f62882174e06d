package io.ddbc.api;

import io.ddbc.spi.Backend;
import io.ddbc.spi.RequestExecutor;

/**
 * PutItem: create or replace a whole item, optionally under a condition. Immutable.
 *
 * <pre>{@code
 * accounts.put(Item.of("id", "alice", "balance", 0)).condition("attribute_not_exists(id)").execute();
 * accounts.putIfAbsent(Item.of("id", "bob", "balance", 0)).execute();     // idempotent create
 * }</pre>
 */
public final class PutRequest extends ConditionalWriteRequest {
    private final Item item;
    private final Key key;

    private PutRequest(Builder b, Key key) {
        super(b);
        this.item = b.item;
        this.key = key;
    }

    /** An unbound builder (build only). */
    public static Builder builder(String tableName, Item item) {
        return new Builder(null, tableName, item);
    }

    /** A builder holding this request's values, unbound. */
    public Builder toBuilder() {
        return copyTo(new Builder(null, tableName(), item));
    }

    /** The item to store. */
    public Item item() {
        return item;
    }

    /**
     * The key of the item, when the builder was told the key schema ({@link Builder#key(Key)}); the client
     * core sets it, otherwise null.
     */
    @Override
    public Key key() {
        return key;
    }

    @Override
    public WriteResult sendTo(Backend backend) {
        return backend.put(this);
    }

    @Override
    public String operation() {
        return "PutItem";
    }

    @Override
    public String toString() {
        return "PutItem{table=" + tableName() + ", item=" + item + (condition() == null ? "" : ", condition=" + condition()) + "}";
    }

    /** Builds a {@link PutRequest}. */
    public static final class Builder extends ConditionalWriteRequest.Builder<PutRequest, Builder> {
        private final Item item;
        private Key key;

        /** A builder bound to an executor (for client implementations); null executor for build-only. */
        public Builder(RequestExecutor executor, String tableName, Item item) {
            super(executor, tableName);
            this.item = Requests.require(item, "item", tableName);
        }

        /** Records the item's key (set by the client core, which knows the key schema). */
        public Builder key(Key key) {
            this.key = key;
            return this;
        }

        @Override
        public PutRequest build() {
            return new PutRequest(this, key);
        }
    }
}
