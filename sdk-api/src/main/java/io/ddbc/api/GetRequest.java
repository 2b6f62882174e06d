package io.ddbc.api;

import io.ddbc.spi.Backend;
import io.ddbc.spi.RequestExecutor;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * GetItem: read one item by its primary key. Immutable.
 *
 * <pre>{@code
 * GetResult r = client.table("accounts").get(Key.of("id", "alice"))
 *         .consistency(Consistency.SESSION).projection("balance, #s").name("#s", "status").execute();
 * r.item().ifPresent(i -> System.out.println(i.getNumber("balance")));
 * }</pre>
 */
public final class GetRequest implements DdbcRequest<GetResult> {
    private final String tableName;
    private final Key key;
    private final Consistency consistency;
    private final String projection;
    private final Expressions expressions;
    private final Long minVersion;
    private final Positions minPositions;

    private GetRequest(Builder b) {
        this.tableName = b.tableName;
        this.key = b.key;
        this.consistency = b.consistency;
        this.projection = b.projection;
        this.expressions = b.expressions.build();
        this.minVersion = b.minVersion;
        this.minPositions = b.minPositions;
    }

    /** An unbound builder (build only). */
    public static Builder builder(String tableName, Key key) {
        return new Builder(null, tableName, key);
    }

    /** A builder holding this request's values, unbound. */
    public Builder toBuilder() {
        Builder b = new Builder(null, tableName, key);
        b.consistency = consistency;
        b.projection = projection;
        b.expressions = expressions.toBuilder();
        b.minVersion = minVersion;
        b.minPositions = minPositions;
        return b;
    }

    /** The table. */
    public String tableName() {
        return tableName;
    }

    /** The item's key. */
    public Key key() {
        return key;
    }

    /** The requested consistency, or null for the default of the session, table or client. */
    public Consistency consistency() {
        return consistency;
    }

    /** The projection expression, or null for every attribute. */
    public String projection() {
        return projection;
    }

    /** The placeholders of the projection. */
    public Expressions expressions() {
        return expressions;
    }

    /** The version the item must have reached (managed version attribute), if required. */
    public OptionalLong minVersion() {
        return minVersion == null ? OptionalLong.empty() : OptionalLong.of(minVersion);
    }

    /**
     * Replica positions the answering replica must have applied (set by the client core for session
     * reads; backends without positions ignore it).
     */
    public Positions minPositions() {
        return minPositions;
    }

    @Override
    public GetResult sendTo(Backend backend) {
        return backend.get(this);
    }

    @Override
    public String operation() {
        return "GetItem";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof GetRequest)) return false;
        GetRequest r = (GetRequest) o;
        return tableName.equals(r.tableName) && key.equals(r.key) && Objects.equals(consistency, r.consistency)
                && Objects.equals(projection, r.projection) && expressions.equals(r.expressions)
                && Objects.equals(minVersion, r.minVersion) && minPositions.equals(r.minPositions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tableName, key, consistency, projection, minVersion);
    }

    @Override
    public String toString() {
        return "GetItem{table=" + tableName + ", key=" + key + ", consistency=" + consistency
                + (projection == null ? "" : ", projection=" + projection) + (minVersion == null ? "" : ", minVersion=" + minVersion) + "}";
    }

    /** Builds a {@link GetRequest}. */
    public static final class Builder extends ExpressionRequestBuilder<GetRequest, GetResult, Builder> {
        private final String tableName;
        private final Key key;
        private Consistency consistency;
        private String projection;
        private Long minVersion;
        private Positions minPositions = Positions.NONE;

        /** A builder bound to an executor (for client implementations); null executor for build-only. */
        public Builder(RequestExecutor executor, String tableName, Key key) {
            super(executor);
            this.tableName = Requests.tableName(tableName);
            this.key = Requests.require(key, "key", tableName);
        }

        /** The consistency of this read (default: the session's, table's or client's). */
        public Builder consistency(Consistency consistency) {
            this.consistency = consistency;
            return this;
        }

        /** Only these attributes, e.g. {@code "balance, address.city, #s"}. */
        public Builder projection(String projectionExpression) {
            this.projection = projectionExpression;
            return this;
        }

        /**
         * Require the item's managed version to be at least {@code version}: read eventual, then strong if
         * older, then fail with {@link StaleReadException} (the seeds' {@code getProfileWithMinVersion}).
         */
        public Builder minVersion(long version) {
            if (version < 0) throw new ValidationException("minVersion must be >= 0, got " + version + " (table '" + tableName + "')");
            this.minVersion = version;
            return this;
        }

        /** Replica positions the answering replica must have applied; set by the client core. */
        public Builder minPositions(Positions positions) {
            this.minPositions = positions == null ? Positions.NONE : positions;
            return this;
        }

        @Override
        public GetRequest build() {
            return new GetRequest(this);
        }
    }
}
