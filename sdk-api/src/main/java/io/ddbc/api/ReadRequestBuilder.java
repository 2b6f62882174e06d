package io.ddbc.api;

import io.ddbc.spi.RequestExecutor;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Base of the query and scan builders: consistency, projection, filter, limit, start key, and lazy
 * pagination ({@link #pages()}, {@link #stream()}) that fetches the next page only when it is needed.
 *
 * @param <Q> the request type
 * @param <B> the concrete builder type
 */
public abstract class ReadRequestBuilder<Q extends PagedRequest<Q>, B extends ReadRequestBuilder<Q, B>>
        extends ExpressionRequestBuilder<Q, Page, B> {
    final String tableName;
    String indexName;
    Consistency consistency;
    String filter;
    String projection;
    Integer limit;
    Select select;
    Item exclusiveStartKey;
    Positions minPositions = Positions.NONE;

    /** @param executor what runs the request, or null; @param tableName the table */
    protected ReadRequestBuilder(RequestExecutor executor, String tableName) {
        super(executor);
        this.tableName = Requests.tableName(tableName);
    }

    /** Read a secondary index instead of the table. */
    public B index(String indexName) {
        this.indexName = indexName;
        return self();
    }

    /** The consistency of this read (a global secondary index supports only eventual and session). */
    public B consistency(Consistency consistency) {
        this.consistency = consistency;
        return self();
    }

    /** A filter applied after reading; it does not reduce the capacity consumed. */
    public B filter(String filterExpression) {
        this.filter = Requests.blankToNull(filterExpression);
        return self();
    }

    /** Only these attributes of each item. */
    public B projection(String projectionExpression) {
        this.projection = Requests.blankToNull(projectionExpression);
        return self();
    }

    /** At most this many items evaluated per page (DynamoDB's {@code Limit}). */
    public B limit(int limit) {
        if (limit < 1) throw new ValidationException("Limit must be greater than or equal to 1 (got " + limit + ", table '" + tableName + "')");
        this.limit = limit;
        return self();
    }

    /** What to return (e.g. {@link Select#COUNT}). */
    public B select(Select select) {
        this.select = select;
        return self();
    }

    /** Continue after this key (a previous page's {@link Page#lastEvaluatedKey()}). */
    public B exclusiveStartKey(Item startKey) {
        this.exclusiveStartKey = startKey;
        return self();
    }

    /** Replica positions the answering replica must have applied; set by the client core. */
    public B minPositions(Positions positions) {
        this.minPositions = positions == null ? Positions.NONE : positions;
        return self();
    }

    /** Every page, fetched lazily, starting with the first. */
    public Iterable<Page> pages() {
        Q first = build();
        RequestExecutor executor = executor();
        return () -> new PageIterator<>(first, executor::execute);
    }

    /** Every item of every page, fetched lazily. */
    public Stream<Item> stream() {
        return StreamSupport.stream(pages().spliterator(), false).flatMap(p -> p.items().stream());
    }

    /** Iterates lazily over the pages of a request. */
    static final class PageIterator<Q extends PagedRequest<Q>> implements Iterator<Page> {
        private final Function<Q, Page> fetch;
        private Q next;

        PageIterator(Q first, Function<Q, Page> fetch) {
            this.next = first;
            this.fetch = fetch;
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Page next() {
            if (next == null) throw new NoSuchElementException();
            Page page = fetch.apply(next);
            next = page.lastEvaluatedKey().map(next::startingAfter).orElse(null);
            return page;
        }
    }
}
