package io.ddbc.embedded.internal.engine;

import io.ddbc.api.ListTablesRequest;
import io.ddbc.api.ListTablesResult;
import io.ddbc.api.ResourceInUseException;
import io.ddbc.api.ResourceNotFoundException;
import io.ddbc.api.TableDescription;
import io.ddbc.api.TableSpec;
import io.ddbc.api.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The engine's tables by name (case-sensitive, as in DynamoDB), sorted for ListTables. Thread-safe. */
public final class Tables {
    private final ConcurrentSkipListMap<String, TableState> byName = new ConcurrentSkipListMap<>();
    private final int partitions;
    private final io.ddbc.embedded.internal.replication.Cluster cluster;
    private final Throughput throughput;

    /** @param partitions hash partitions per table */
    Tables(int partitions, io.ddbc.embedded.internal.replication.Cluster cluster, Throughput throughput) {
        this.partitions = partitions;
        this.cluster = cluster;
        this.throughput = throughput;
    }

    /** A table, or ResourceNotFoundException as DynamoDB words it. */
    public TableState get(String name) {
        if (name == null) throw new io.ddbc.api.ValidationException("Table name must not be empty (got null)");
        TableState t = byName.get(name);
        if (t == null) throw new ResourceNotFoundException("Cannot do operations on a non-existent table: " + name);
        return t;
    }

    /** All tables (a snapshot). */
    public List<TableState> all() {
        return new ArrayList<>(byName.values());
    }

    TableDescription create(TableSpec spec) {
        TableState t = new TableState(spec, partitions, cluster, Instant.now());
        if (byName.putIfAbsent(spec.name(), t) != null) {
            // DynamoDB's text (as DynamoDB Local words it), then which table.
            throw new ResourceInUseException("Cannot create preexisting table: " + spec.name());
        }
        throughput.register(spec);
        return describe(t, "ACTIVE");
    }

    TableDescription describe(String name) {
        return describe(get(name), "ACTIVE");
    }

    TableDescription delete(String name) {
        TableState t = byName.remove(name);
        if (t == null) throw new ResourceNotFoundException("Cannot do operations on a non-existent table: " + name);
        throughput.remove(name);
        return describe(t, "DELETING");
    }

    ListTablesResult list(ListTablesRequest request) {
        var tail = request.exclusiveStartTableName() == null ? byName : byName.tailMap(request.exclusiveStartTableName(), false);
        List<String> names = new ArrayList<>();
        for (String n : tail.keySet()) {
            if (names.size() == request.limit()) break;
            names.add(n);
        }
        boolean more = names.size() == request.limit() && byName.higherKey(names.get(names.size() - 1)) != null;
        return new ListTablesResult(names, more ? Optional.of(names.get(names.size() - 1)) : Optional.empty());
    }

    private static TableDescription describe(TableState t, String status) {
        return new TableDescription(t.spec(), status, t.itemCount(), t.sizeBytes(), t.createdAt());
    }
}
