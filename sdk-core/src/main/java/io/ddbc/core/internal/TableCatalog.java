package io.ddbc.core.internal;

import io.ddbc.api.Consistency;
import io.ddbc.api.DescribeTableRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the core knows about each table: its spec (described once, then cached) and its managed
 * version attribute: the one the backend stores for the table (see {@code Backend#declareVersionAttribute};
 * every process finds it there), or the one declared on the client's builder — both, if given, must agree.
 * Thread-safe.
 */
final class TableCatalog {
    /** One table as the core sees it. */
    record TableInfo(TableSpec spec, String versionAttribute) {
        boolean versioned() {
            return versionAttribute != null;
        }

        /** The managed version of an item, if the table is versioned and the item has one. */
        OptionalLong versionOf(Item item) {
            if (versionAttribute == null || item == null || !item.has(versionAttribute)) return OptionalLong.empty();
            return OptionalLong.of(item.getLong(versionAttribute));
        }

        Key keyOf(Item item) {
            return spec.keyOf(item);
        }
    }

    private final Map<String, TableInfo> tables = new ConcurrentHashMap<>();
    /** Version attributes of tables created through this client (a backend may not keep them, e.g. AWS). */
    private final Map<String, String> createdVersions = new ConcurrentHashMap<>();
    private final Map<String, String> declaredVersions;
    private final Map<String, Consistency> tableConsistency;
    private final Function<DescribeTableRequest, TableSpec> describe;

    TableCatalog(Map<String, String> declaredVersions, Map<String, Consistency> tableConsistency,
                 Function<DescribeTableRequest, TableSpec> describe) {
        this.declaredVersions = declaredVersions;
        this.tableConsistency = tableConsistency;
        this.describe = describe;
    }

    /** The table's info, describing it on first use. @throws io.ddbc.api.ResourceNotFoundException if it does not exist */
    TableInfo info(String table) {
        TableInfo known = tables.get(table);
        if (known != null) return known;
        // Not computeIfAbsent: describing is a backend call and must not run under the map's lock.
        TableSpec spec = describe.apply(new DescribeTableRequest(table));
        String stored = spec.versionAttribute().orElse(createdVersions.get(table));
        String onBuilder = declaredVersions.get(table);
        if (onBuilder != null && stored != null && !onBuilder.equals(stored)) {
            // Two names for one table's version: whichever the client used, half the writers would not
            // increment the other's attribute, and version checks would pass that should fail.
            throw new io.ddbc.api.DdbcConfigException("Table '" + table + "' is declared with version attribute '" + stored
                    + "', but this client was built with version attribute '" + onBuilder
                    + "' (DdbcClientBuilder.versionAttribute); use one name");
        }
        String version = onBuilder != null ? onBuilder : stored;
        TableInfo info = new TableInfo(spec, version);
        TableInfo raced = tables.putIfAbsent(table, info);
        return raced != null ? raced : info;
    }

    /** The table's default consistency, or null if the builder set none. */
    Consistency defaultConsistency(String table) {
        return tableConsistency.get(table);
    }

    /** Remembers the version attribute of a table created through this client. */
    void created(TableSpec spec) {
        tables.remove(spec.name());
        if (spec.versionAttribute().isPresent()) createdVersions.put(spec.name(), spec.versionAttribute().get());
        else createdVersions.remove(spec.name());
    }

    /** Forgets a table (after it is deleted or re-created). */
    void forget(String table) {
        tables.remove(table);
    }
}
