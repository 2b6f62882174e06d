package io.ddbc.reliability;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Item;
import io.ddbc.api.Projection;
import io.ddbc.api.TableSpec;
import io.ddbc.core.Ddbc;
import io.ddbc.core.DdbcClientBuilder;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One embedded engine holding the catalog's tables and seed data, a client over it, and strong-scan
 * snapshots of everything it stores (to prove bad input changed nothing).
 */
final class Store implements AutoCloseable {
    static final String ACCOUNTS = "accounts";   // pk id S
    static final String ORDERS = "orders";       // pk customer S, sk no N, GSI by_status
    static final String COUNTERS = "counters";   // pk id S, managed version "version"
    static final String BY_STATUS = "by_status";

    final Backend backend;
    final DdbcClient client;

    Store(String url) {
        DdbcUrl u = DdbcUrl.parse(url);
        backend = BackendProviders.find(u, Store.class.getClassLoader()).open(u, new Properties());
        client = client(Ddbc.builder());
        client.createTable(TableSpec.builder(ACCOUNTS).partitionKey("id", AttributeValue.Type.S).build());
        client.createTable(TableSpec.builder(ORDERS).partitionKey("customer", AttributeValue.Type.S)
                .sortKey("no", AttributeValue.Type.N)
                .globalIndex(IndexSpec.global(BY_STATUS).partitionKey("status", AttributeValue.Type.S).projection(Projection.all()).build())
                .build());
        client.createTable(TableSpec.builder(COUNTERS).partitionKey("id", AttributeValue.Type.S).versionAttribute("version").build());
        for (int i = 0; i < 5; i++) {
            client.table(ACCOUNTS).put(Item.of("id", "a" + i, "balance", 100 * i, "tags", java.util.Set.of("x", "y" + i))).execute();
            client.table(ORDERS).put(Item.of("customer", "c" + (i % 2), "no", i, "status", i % 2 == 0 ? "open" : "shipped")).execute();
            client.table(COUNTERS).put(Item.of("id", "k" + i, "n", i)).execute();
        }
    }

    /** Another client over the same engine (closing it leaves the engine open). */
    DdbcClient client(DdbcClientBuilder builder) {
        return builder.backend(backend).versionAttribute(COUNTERS, "version").build();
    }

    /** Every item of every table, read with strong scans, in a stable order. */
    Map<String, List<Item>> snapshot() {
        Map<String, List<Item>> all = new TreeMap<>();
        for (String table : client.listTables()) {
            List<Item> items = new ArrayList<>(client.table(table).scan().consistency(Consistency.STRONG).stream().toList());
            items.sort(Comparator.comparing(Item::toString));
            all.put(table, items);
        }
        return all;
    }

    @Override
    public void close() {
        client.close();
        backend.close();
    }
}
