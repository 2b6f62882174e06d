package io.ddbc.api;

import io.ddbc.spi.Backend;
import io.ddbc.spi.RequestExecutor;

/**
 * Scan: every item of a table or index, optionally filtered, in pages; a parallel scan reads one
 * segment of several. Immutable.
 *
 * <pre>{@code
 * long active = accounts.scan().filter("#s = :a").name("#s", "status").value(":a", "active").stream().count();
 * for (Page p : accounts.scan().segment(0, 4).pages()) { ... }   // segment 0 of 4
 * }</pre>
 */
public final class ScanRequest extends PagedRequest<ScanRequest> {
    private final Integer segment;
    private final Integer totalSegments;

    private ScanRequest(Builder b) {
        super(b);
        this.segment = b.segment;
        this.totalSegments = b.totalSegments;
    }

    /** An unbound builder (build only). */
    public static Builder builder(String tableName) {
        return new Builder(null, tableName);
    }

    /** A builder holding this request's values, unbound. */
    public Builder toBuilder() {
        Builder b = copyTo(new Builder(null, tableName()));
        b.segment = segment;
        b.totalSegments = totalSegments;
        return b;
    }

    @Override
    public ScanRequest startingAfter(Item lastEvaluatedKey) {
        return toBuilder().exclusiveStartKey(lastEvaluatedKey).build();
    }

    /** The segment of a parallel scan, or null. */
    public Integer segment() {
        return segment;
    }

    /** The number of segments of a parallel scan, or null. */
    public Integer totalSegments() {
        return totalSegments;
    }

    @Override
    public Page sendTo(Backend backend) {
        return backend.scan(this);
    }

    @Override
    public String operation() {
        return "Scan";
    }

    @Override
    public String toString() {
        return "Scan{table=" + tableName() + indexName().map(i -> ", index=" + i).orElse("")
                + (segment == null ? "" : ", segment=" + segment + "/" + totalSegments) + "}";
    }

    /** Builds a {@link ScanRequest}. */
    public static final class Builder extends ReadRequestBuilder<ScanRequest, Builder> {
        private Integer segment;
        private Integer totalSegments;

        /** A builder bound to an executor (for client implementations); null executor for build-only. */
        public Builder(RequestExecutor executor, String tableName) {
            super(executor, tableName);
        }

        /**
         * Read only segment {@code segment} of {@code totalSegments} (a parallel scan).
         *
         * @throws ValidationException unless 1 ≤ totalSegments ≤ 1,000,000 and 0 ≤ segment &lt; totalSegments
         */
        public Builder segment(int segment, int totalSegments) {
            if (totalSegments < 1 || totalSegments > 1_000_000 || segment < 0 || segment >= totalSegments) {
                throw new ValidationException("Invalid parallel scan segment " + segment + " of " + totalSegments
                        + " (table '" + tableName + "'): need 0 <= Segment < TotalSegments <= 1000000");
            }
            this.segment = segment;
            this.totalSegments = totalSegments;
            return this;
        }

        @Override
        public ScanRequest build() {
            return new ScanRequest(this);
        }
    }
}
