package io.ddbc.api;

import io.ddbc.spi.Backend;
import io.ddbc.spi.RequestExecutor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BatchGetItem: up to 100 items from one or more tables, each table with its own consistency
 * (DynamoDB accepts {@code ConsistentRead} per table). The client retries unprocessed keys. Immutable.
 *
 * <pre>{@code
 * BatchGetResult r = client.batchGet()
 *         .add("accounts", List.of(Key.of("id", "alice"), Key.of("id", "bob")))
 *         .consistency(Consistency.STRONG).execute();
 * List<Item> accounts = r.items("accounts");
 * }</pre>
 */
public final class BatchGetRequest implements DdbcRequest<BatchGetResult> {
    /** Most keys in one BatchGetItem. */
    public static final int MAX_KEYS = 100;

    /**
     * The keys to read from one table and how.
     *
     * @param keys the keys
     * @param consistency the consistency for this table, or null for the default
     * @param projection a projection expression, or null
     * @param expressions the projection's {@code #name} placeholders
     */
    public record TableKeys(List<Key> keys, Consistency consistency, String projection, Expressions expressions) {
        /** Copies the key list. */
        public TableKeys {
            keys = List.copyOf(keys);
            expressions = expressions == null ? Expressions.NONE : expressions;
        }

        /** The same reads for other keys (e.g. the unprocessed ones). */
        public TableKeys withKeys(List<Key> otherKeys) {
            return new TableKeys(otherKeys, consistency, projection, expressions);
        }

        /** The same reads with another consistency. */
        public TableKeys withConsistency(Consistency c) {
            return new TableKeys(keys, c, projection, expressions);
        }
    }

    private final Map<String, TableKeys> tables;
    private final Positions minPositions;

    private BatchGetRequest(Map<String, TableKeys> tables, Positions minPositions) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        this.minPositions = minPositions;
    }

    /** A request for exactly these reads (e.g. the unprocessed keys of a result). */
    public static BatchGetRequest of(Map<String, TableKeys> tables) {
        return new BatchGetRequest(tables, Positions.NONE);
    }

    /** An unbound builder (build only). */
    public static Builder builder() {
        return new Builder(null);
    }

    /** Table → the keys to read from it and how, in request order. */
    public Map<String, TableKeys> tables() {
        return tables;
    }

    /** Total number of keys over all tables. */
    public int keyCount() {
        int n = 0;
        for (TableKeys t : tables.values()) n += t.keys().size();
        return n;
    }

    /** Replica positions the answering replicas must have applied (session reads). */
    public Positions minPositions() {
        return minPositions;
    }

    /** This request with other tables' reads and the same positions. */
    public BatchGetRequest withTables(Map<String, TableKeys> other) {
        return new BatchGetRequest(other, minPositions);
    }

    /** This request with session positions attached. */
    public BatchGetRequest withMinPositions(Positions positions) {
        return new BatchGetRequest(tables, positions == null ? Positions.NONE : positions);
    }

    @Override
    public BatchGetResult sendTo(Backend backend) {
        return backend.batchGet(this);
    }

    @Override
    public String operation() {
        return "BatchGetItem";
    }

    @Override
    public String toString() {
        return "BatchGetItem{" + tables + "}";
    }

    /** Builds a {@link BatchGetRequest}. */
    public static final class Builder extends RequestBuilder<BatchGetRequest, BatchGetResult, Builder> {
        private final Map<String, List<Key>> keys = new LinkedHashMap<>();
        private final Map<String, Consistency> consistencies = new LinkedHashMap<>();
        private final Map<String, String> projections = new LinkedHashMap<>();
        private final Map<String, Expressions> expressions = new LinkedHashMap<>();
        private Consistency allTables;

        /** A builder bound to an executor (for client implementations); null executor for build-only. */
        public Builder(RequestExecutor executor) {
            super(executor);
        }

        /** Adds keys to read from a table. */
        public Builder add(String tableName, Collection<Key> tableKeys) {
            Requests.require(tableKeys, "keys", Requests.tableName(tableName));
            List<Key> list = keys.computeIfAbsent(tableName, t -> new ArrayList<>());
            for (Key k : tableKeys) list.add(Requests.require(k, "key", tableName));
            return this;
        }

        /** Adds keys to read from a table. */
        public Builder add(String tableName, Key... tableKeys) {
            return add(tableName, Arrays.asList(tableKeys)); // not List.of: a null key must reach the check
        }

        /** The consistency for every table without its own. */
        public Builder consistency(Consistency consistency) {
            this.allTables = consistency;
            return this;
        }

        /** The consistency for one table. */
        public Builder consistency(String tableName, Consistency consistency) {
            consistencies.put(tableName, consistency);
            return this;
        }

        /** A projection for one table, with its {@code #name} placeholders. */
        public Builder projection(String tableName, String projectionExpression, Map<String, String> names) {
            Requests.tableName(tableName);
            projections.put(tableName, projectionExpression);
            Expressions.Builder e = Expressions.builder();
            if (names != null) names.forEach(e::name); // a projection without placeholders needs no names
            expressions.put(tableName, e.build());
            return this;
        }

        @Override
        public BatchGetRequest build() {
            if (keys.isEmpty()) throw new ValidationException("BatchGetItem needs at least one key");
            Map<String, TableKeys> tables = new LinkedHashMap<>();
            keys.forEach((table, k) -> tables.put(table, new TableKeys(k, consistencies.getOrDefault(table, allTables),
                    projections.get(table), expressions.get(table))));
            return new BatchGetRequest(tables, Positions.NONE);
        }
    }
}
