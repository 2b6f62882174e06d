package io.ddbc.api;

import java.util.Optional;

/**
 * A secondary index: global (its own partition key, eventually consistent) or local (the table's
 * partition key with another sort key). Immutable.
 *
 * <pre>{@code
 * IndexSpec byEmail = IndexSpec.global("by_email").partitionKey("email", AttributeValue.Type.S)
 *         .projection(Projection.keysOnly()).build();
 * IndexSpec byDate = IndexSpec.local("by_date").sortKey("createdAt", AttributeValue.Type.N).build();
 * }</pre>
 */
public final class IndexSpec {

    /** Global or local secondary index. */
    public enum Kind {
        /** A global secondary index (GSI). */ GLOBAL,
        /** A local secondary index (LSI). */ LOCAL
    }

    private final String name;
    private final Kind kind;
    private final KeyAttribute partitionKey;
    private final KeyAttribute sortKey;
    private final Projection projection;
    private final Billing throughput;

    private IndexSpec(Builder b) {
        this.name = b.name;
        this.kind = b.kind;
        this.partitionKey = b.partitionKey;
        this.sortKey = b.sortKey;
        this.projection = b.projection;
        this.throughput = b.throughput;
    }

    /** A builder for a global secondary index. */
    public static Builder global(String name) {
        return new Builder(name, Kind.GLOBAL);
    }

    /** A builder for a local secondary index; its partition key is the table's. */
    public static Builder local(String name) {
        return new Builder(name, Kind.LOCAL);
    }

    /** The index name. */
    public String name() {
        return name;
    }

    /** Global or local. */
    public Kind kind() {
        return kind;
    }

    /** The index partition key; for a local index, null until bound to its table (use the table's). */
    public KeyAttribute partitionKey() {
        return partitionKey;
    }

    /** The index sort key, if any. */
    public Optional<KeyAttribute> sortKey() {
        return Optional.ofNullable(sortKey);
    }

    /** The projection; {@link Projection#all()} unless set. */
    public Projection projection() {
        return projection;
    }

    /** Provisioned throughput of a global index on a provisioned table, if set. */
    public Optional<Billing> throughput() {
        return Optional.ofNullable(throughput);
    }

    /** Whether this is a global secondary index. */
    public boolean isGlobal() {
        return kind == Kind.GLOBAL;
    }

    IndexSpec withPartitionKey(KeyAttribute tablePartitionKey) {
        Builder b = new Builder(name, kind);
        b.partitionKey = tablePartitionKey;
        b.sortKey = sortKey;
        b.projection = projection;
        b.throughput = throughput;
        return new IndexSpec(b);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IndexSpec)) return false;
        IndexSpec i = (IndexSpec) o;
        return name.equals(i.name) && kind == i.kind && java.util.Objects.equals(partitionKey, i.partitionKey)
                && java.util.Objects.equals(sortKey, i.sortKey) && projection.equals(i.projection)
                && java.util.Objects.equals(throughput, i.throughput);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, kind, partitionKey, sortKey, projection);
    }

    @Override
    public String toString() {
        return kind + " index " + name + "(" + partitionKey + (sortKey == null ? "" : ", " + sortKey) + ", " + projection.type() + ")";
    }

    /** Builds an {@link IndexSpec}. */
    public static final class Builder {
        private final String name;
        private final Kind kind;
        private KeyAttribute partitionKey;
        private KeyAttribute sortKey;
        private Projection projection = Projection.all();
        private Billing throughput;

        private Builder(String name, Kind kind) {
            TableSpec.checkName(name, "index");
            this.name = name;
            this.kind = kind;
        }

        /** The index partition key (global indexes only). */
        public Builder partitionKey(String attribute, AttributeValue.Type type) {
            if (kind == Kind.LOCAL) {
                throw new ValidationException("Local secondary index '" + name + "' uses the table's partition key; set only its sort key");
            }
            this.partitionKey = new KeyAttribute(attribute, type);
            return this;
        }

        /** The index sort key. */
        public Builder sortKey(String attribute, AttributeValue.Type type) {
            this.sortKey = new KeyAttribute(attribute, type);
            return this;
        }

        /** The projection (default ALL). */
        public Builder projection(Projection projection) {
            if (projection == null) throw new ValidationException("Projection of index '" + name + "' must not be null");
            this.projection = projection;
            return this;
        }

        /** Provisioned throughput for a global index on a provisioned table. */
        public Builder throughput(Billing throughput) {
            if (kind == Kind.LOCAL) throw new ValidationException("Local secondary index '" + name + "' shares the table's throughput");
            this.throughput = throughput;
            return this;
        }

        /** The index. @throws ValidationException if a required key is missing. */
        public IndexSpec build() {
            if (kind == Kind.GLOBAL && partitionKey == null) {
                throw new ValidationException("Global secondary index '" + name + "' needs a partition key");
            }
            if (kind == Kind.LOCAL && sortKey == null) {
                throw new ValidationException("Local secondary index '" + name + "' needs a sort key");
            }
            return new IndexSpec(this);
        }
    }
}
