package io.ddbc.api;

import io.ddbc.spi.Backend;
import io.ddbc.spi.RequestExecutor;
import java.util.ArrayList;
import java.util.List;

/**
 * TransactGetItems: up to 100 items read as one serializable snapshot (2 RCU per 4 KB each). Immutable.
 *
 * <pre>{@code
 * TransactGetResult r = client.transactGet()
 *         .get("accounts", Key.of("id", "alice")).get("accounts", Key.of("id", "bob")).execute();
 * Optional<Item> alice = r.items().get(0);
 * }</pre>
 */
public final class TransactGetRequest implements DdbcRequest<TransactGetResult> {
    /** Most items in one transaction. */
    public static final int MAX_ITEMS = 100;

    /**
     * One read of the transaction.
     *
     * @param tableName the table
     * @param key the item's key
     * @param projection a projection expression, or null
     * @param expressions the projection's placeholders
     */
    public record Get(String tableName, Key key, String projection, Expressions expressions) {
        /** Checks the required parts. */
        public Get {
            Requests.tableName(tableName);
            Requests.require(key, "key", tableName);
            expressions = expressions == null ? Expressions.NONE : expressions;
        }
    }

    private final List<Get> gets;

    private TransactGetRequest(List<Get> gets) {
        this.gets = List.copyOf(gets);
    }

    /** An unbound builder (build only). */
    public static Builder builder() {
        return new Builder(null);
    }

    /** The reads, in request order. */
    public List<Get> gets() {
        return gets;
    }

    @Override
    public TransactGetResult sendTo(Backend backend) {
        return backend.transactGet(this);
    }

    @Override
    public String operation() {
        return "TransactGetItems";
    }

    @Override
    public String toString() {
        return "TransactGetItems{" + gets + "}";
    }

    /** Builds a {@link TransactGetRequest}. */
    public static final class Builder extends RequestBuilder<TransactGetRequest, TransactGetResult, Builder> {
        private final List<Get> gets = new ArrayList<>();

        /** A builder bound to an executor (for client implementations); null executor for build-only. */
        public Builder(RequestExecutor executor) {
            super(executor);
        }

        /** Adds a read of a whole item. */
        public Builder get(String tableName, Key key) {
            gets.add(new Get(tableName, key, null, Expressions.NONE));
            return this;
        }

        /** Adds a read. */
        public Builder get(Get get) {
            gets.add(get);
            return this;
        }

        @Override
        public TransactGetRequest build() {
            if (gets.isEmpty()) throw new ValidationException("TransactGetItems needs at least one item");
            return new TransactGetRequest(gets);
        }
    }
}
