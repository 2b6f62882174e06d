package io.ddbc.api;

import java.util.Optional;

/**
 * What query and scan share: a table or index, consistency, filter, projection, limit, and a start
 * key, so one pagination mechanism serves both.
 *
 * @param <Q> the request type itself
 */
public abstract class PagedRequest<Q extends PagedRequest<Q>> implements DdbcRequest<Page> {
    private final String tableName;
    private final String indexName;
    private final Consistency consistency;
    private final String filter;
    private final String projection;
    private final Expressions expressions;
    private final Integer limit;
    private final Select select;
    private final Item exclusiveStartKey;
    private final Positions minPositions;

    /** Copies the shared parts from a builder. */
    protected PagedRequest(ReadRequestBuilder<Q, ?> b) {
        this.tableName = b.tableName;
        this.indexName = b.indexName;
        this.consistency = b.consistency;
        this.filter = b.filter;
        this.projection = b.projection;
        this.expressions = b.expressions.build();
        this.limit = b.limit;
        this.select = b.select;
        this.exclusiveStartKey = b.exclusiveStartKey;
        this.minPositions = b.minPositions;
    }

    /** Copies the shared parts into a builder. */
    protected <B extends ReadRequestBuilder<Q, B>> B copyTo(B b) {
        b.indexName = indexName;
        b.consistency = consistency;
        b.filter = filter;
        b.projection = projection;
        b.expressions = expressions.toBuilder();
        b.limit = limit;
        b.select = select;
        b.exclusiveStartKey = exclusiveStartKey;
        b.minPositions = minPositions;
        return b;
    }

    /** This request continuing after the given key (for the next page). */
    public abstract Q startingAfter(Item lastEvaluatedKey);

    /** The table. */
    public String tableName() {
        return tableName;
    }

    /** The secondary index read, if any. */
    public Optional<String> indexName() {
        return Optional.ofNullable(indexName);
    }

    /** The requested consistency, or null for the default. */
    public Consistency consistency() {
        return consistency;
    }

    /** The filter expression, or null. */
    public String filter() {
        return filter;
    }

    /** The projection expression, or null. */
    public String projection() {
        return projection;
    }

    /** The placeholders of all expressions of the request. */
    public Expressions expressions() {
        return expressions;
    }

    /** The per-page item limit, or null. */
    public Integer limit() {
        return limit;
    }

    /** What to return, or null for DynamoDB's default. */
    public Select select() {
        return select;
    }

    /** Where to continue, or null for the start. */
    public Item exclusiveStartKey() {
        return exclusiveStartKey;
    }

    /** Replica positions the answering replica must have applied (session reads). */
    public Positions minPositions() {
        return minPositions;
    }
}
