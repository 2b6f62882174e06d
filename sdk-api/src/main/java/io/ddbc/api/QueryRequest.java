package io.ddbc.api;

import io.ddbc.spi.Backend;
import io.ddbc.spi.RequestExecutor;

/**
 * Query: the items of one partition key, in sort key order, optionally narrowed by a sort key
 * condition and a filter, on the table or a secondary index. Pages lazily. Immutable.
 *
 * <pre>{@code
 * List<Item> recent = orders.query()
 *         .keyCondition("customer = :c AND begins_with(sk, :y)").value(":c", "alice").value(":y", "2026-")
 *         .scanIndexForward(false).limit(50).stream().collect(Collectors.toList());
 * Page byEmail = accounts.query().index("by_email").keyCondition("email = :e").value(":e", "a@x.io").execute();
 * }</pre>
 */
public final class QueryRequest extends PagedRequest<QueryRequest> {
    private final String keyCondition;
    private final boolean scanIndexForward;

    private QueryRequest(Builder b) {
        super(b);
        this.keyCondition = b.keyCondition;
        this.scanIndexForward = b.scanIndexForward;
    }

    /** An unbound builder (build only). */
    public static Builder builder(String tableName) {
        return new Builder(null, tableName);
    }

    /** A builder holding this request's values, unbound. */
    public Builder toBuilder() {
        Builder b = copyTo(new Builder(null, tableName()));
        b.keyCondition = keyCondition;
        b.scanIndexForward = scanIndexForward;
        return b;
    }

    @Override
    public QueryRequest startingAfter(Item lastEvaluatedKey) {
        return toBuilder().exclusiveStartKey(lastEvaluatedKey).build();
    }

    /** The key condition expression. */
    public String keyCondition() {
        return keyCondition;
    }

    /** Ascending sort key order (default) or descending. */
    public boolean scanIndexForward() {
        return scanIndexForward;
    }

    @Override
    public Page sendTo(Backend backend) {
        return backend.query(this);
    }

    @Override
    public String operation() {
        return "Query";
    }

    @Override
    public String toString() {
        return "Query{table=" + tableName() + indexName().map(i -> ", index=" + i).orElse("") + ", key=" + keyCondition
                + (filter() == null ? "" : ", filter=" + filter()) + ", consistency=" + consistency() + "}";
    }

    /** Builds a {@link QueryRequest}. */
    public static final class Builder extends ReadRequestBuilder<QueryRequest, Builder> {
        private String keyCondition;
        private boolean scanIndexForward = true;

        /** A builder bound to an executor (for client implementations); null executor for build-only. */
        public Builder(RequestExecutor executor, String tableName) {
            super(executor, tableName);
        }

        /** The key condition: {@code =} on the partition key, optionally a sort key condition. Required. */
        public Builder keyCondition(String keyConditionExpression) {
            this.keyCondition = Requests.blankToNull(keyConditionExpression);
            return this;
        }

        /** Sort key order: ascending (true, default) or descending. */
        public Builder scanIndexForward(boolean forward) {
            this.scanIndexForward = forward;
            return this;
        }

        @Override
        public QueryRequest build() {
            if (keyCondition == null) {
                throw new ValidationException("Query on table '" + tableName + "' needs a key condition expression");
            }
            return new QueryRequest(this);
        }
    }
}
