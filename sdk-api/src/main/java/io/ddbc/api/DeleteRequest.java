package io.ddbc.api;

import io.ddbc.spi.Backend;
import io.ddbc.spi.RequestExecutor;

/**
 * DeleteItem: remove one item, optionally under a condition or an expected version. Immutable.
 *
 * <pre>{@code
 * accounts.delete(Key.of("id", "alice")).condition("balance = :z").value(":z", 0).execute();
 * accounts.delete(key).expectVersion(12).execute();   // versioned delete
 * }</pre>
 */
public final class DeleteRequest extends ConditionalWriteRequest {
    private final Key key;

    private DeleteRequest(Builder b) {
        super(b);
        this.key = b.key;
    }

    /** An unbound builder (build only). */
    public static Builder builder(String tableName, Key key) {
        return new Builder(null, tableName, key);
    }

    /** A builder holding this request's values, unbound. */
    public Builder toBuilder() {
        return copyTo(new Builder(null, tableName(), key));
    }

    @Override
    public Key key() {
        return key;
    }

    @Override
    public WriteResult sendTo(Backend backend) {
        return backend.delete(this);
    }

    @Override
    public String operation() {
        return "DeleteItem";
    }

    @Override
    public String toString() {
        return "DeleteItem{table=" + tableName() + ", key=" + key + (condition() == null ? "" : ", condition=" + condition()) + "}";
    }

    /** Builds a {@link DeleteRequest}. */
    public static final class Builder extends ConditionalWriteRequest.Builder<DeleteRequest, Builder> {
        private final Key key;

        /** A builder bound to an executor (for client implementations); null executor for build-only. */
        public Builder(RequestExecutor executor, String tableName, Key key) {
            super(executor, tableName);
            this.key = Requests.require(key, "key", tableName);
        }

        @Override
        public DeleteRequest build() {
            return new DeleteRequest(this);
        }
    }
}
