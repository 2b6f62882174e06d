package io.ddbc.api;

import io.ddbc.spi.RequestExecutor;
import java.util.OptionalLong;

/**
 * What put, update and delete have in common: a table, an optional condition with placeholders,
 * the image to return, an optional expected managed version, and whether a failed condition should
 * return the current item.
 */
public abstract class ConditionalWriteRequest implements DdbcRequest<WriteResult> {
    private final String tableName;
    private final String condition;
    private final Expressions expressions;
    private final ReturnValues returnValues;
    private final Long expectVersion;
    private final boolean returnItemOnConditionFailure;

    /** Copies the shared parts from a builder. */
    protected ConditionalWriteRequest(Builder<?, ?> b) {
        this.tableName = b.tableName;
        this.condition = b.condition;
        this.expressions = b.expressions.build();
        this.returnValues = b.returnValues;
        this.expectVersion = b.expectVersion;
        this.returnItemOnConditionFailure = b.returnItemOnConditionFailure;
    }

    /** The table written. */
    public String tableName() {
        return tableName;
    }

    /** The condition expression, or null for an unconditional write. */
    public String condition() {
        return condition;
    }

    /** The placeholders of the expressions. */
    public Expressions expressions() {
        return expressions;
    }

    /** Which image to return (default {@link ReturnValues#NONE}). */
    public ReturnValues returnValues() {
        return returnValues;
    }

    /** The managed version the item must have for the write to succeed (0: must not exist). */
    public OptionalLong expectVersion() {
        return expectVersion == null ? OptionalLong.empty() : OptionalLong.of(expectVersion);
    }

    /** Whether a failed condition returns the item as it is (DynamoDB's ReturnValuesOnConditionCheckFailure=ALL_OLD). */
    public boolean returnItemOnConditionFailure() {
        return returnItemOnConditionFailure;
    }

    /** The key of the item written. */
    public abstract Key key();

    /** Copies the shared parts into a builder. */
    protected <B extends Builder<?, B>> B copyTo(B b) {
        b.condition = condition;
        b.expressions = expressions.toBuilder();
        b.returnValues = returnValues;
        b.expectVersion = expectVersion;
        b.returnItemOnConditionFailure = returnItemOnConditionFailure;
        return b;
    }

    /**
     * The builder parts shared by put, update and delete.
     *
     * @param <Q> the request type
     * @param <B> the concrete builder type
     */
    public abstract static class Builder<Q extends ConditionalWriteRequest, B extends Builder<Q, B>>
            extends ExpressionRequestBuilder<Q, WriteResult, B> {
        private final String tableName;
        String condition;
        ReturnValues returnValues = ReturnValues.NONE;
        Long expectVersion;
        boolean returnItemOnConditionFailure = true;

        /** @param executor what runs the request, or null; @param tableName the table */
        protected Builder(RequestExecutor executor, String tableName) {
            super(executor);
            this.tableName = Requests.tableName(tableName);
        }

        /** The table this builder writes. */
        protected String tableName() {
            return tableName;
        }

        /** A condition expression that must hold for the write to happen, e.g. {@code "balance >= :a"}. */
        public B condition(String conditionExpression) {
            this.condition = Requests.blankToNull(conditionExpression);
            return self();
        }

        /** Which image of the item to return. */
        public B returnValues(ReturnValues returnValues) {
            this.returnValues = returnValues == null ? ReturnValues.NONE : returnValues;
            return self();
        }

        /**
         * Optimistic concurrency on a versioned table: write only if the item's managed version is
         * {@code version} (0 means the item must not exist); raises {@link VersionConflictException} otherwise.
         */
        public B expectVersion(long version) {
            if (version < 0) {
                throw new ValidationException("expectVersion must be >= 0, got " + version + " (table '" + tableName + "')");
            }
            this.expectVersion = version;
            return self();
        }

        /** Whether a failed condition returns the current item in the exception (default true). */
        public B returnItemOnConditionFailure(boolean value) {
            this.returnItemOnConditionFailure = value;
            return self();
        }
    }
}
