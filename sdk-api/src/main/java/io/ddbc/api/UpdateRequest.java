package io.ddbc.api;

import io.ddbc.spi.Backend;
import io.ddbc.spi.RequestExecutor;

/**
 * UpdateItem: change attributes of one item with an update expression (SET, REMOVE, ADD, DELETE),
 * creating it if absent, optionally under a condition. Immutable.
 *
 * <pre>{@code
 * WriteResult r = accounts.update(Key.of("id", "alice"))
 *         .expression("SET balance = balance + :d").value(":d", 500)
 *         .expectVersion(7).returnValues(ReturnValues.ALL_NEW).execute();
 * long newVersion = r.version().orElseThrow();
 * }</pre>
 */
public final class UpdateRequest extends ConditionalWriteRequest {
    private final Key key;
    private final String updateExpression;

    private UpdateRequest(Builder b) {
        super(b);
        this.key = b.key;
        this.updateExpression = b.updateExpression;
    }

    /** An unbound builder (build only). */
    public static Builder builder(String tableName, Key key) {
        return new Builder(null, tableName, key);
    }

    /** A builder holding this request's values, unbound. */
    public Builder toBuilder() {
        return copyTo(new Builder(null, tableName(), key)).expression(updateExpression);
    }

    @Override
    public Key key() {
        return key;
    }

    /** The update expression, or null (an update with no expression only creates the key, as in DynamoDB). */
    public String updateExpression() {
        return updateExpression;
    }

    @Override
    public WriteResult sendTo(Backend backend) {
        return backend.update(this);
    }

    @Override
    public String operation() {
        return "UpdateItem";
    }

    @Override
    public String toString() {
        return "UpdateItem{table=" + tableName() + ", key=" + key + ", update=" + updateExpression
                + (condition() == null ? "" : ", condition=" + condition()) + "}";
    }

    /** Builds an {@link UpdateRequest}. */
    public static final class Builder extends ConditionalWriteRequest.Builder<UpdateRequest, Builder> {
        private final Key key;
        private String updateExpression;

        /** A builder bound to an executor (for client implementations); null executor for build-only. */
        public Builder(RequestExecutor executor, String tableName, Key key) {
            super(executor, tableName);
            this.key = Requests.require(key, "key", tableName);
        }

        /** The update expression, e.g. {@code "SET balance = balance + :d REMOVE pending"}. */
        public Builder expression(String updateExpression) {
            this.updateExpression = Requests.blankToNull(updateExpression);
            return this;
        }

        @Override
        public UpdateRequest build() {
            return new UpdateRequest(this);
        }
    }
}
