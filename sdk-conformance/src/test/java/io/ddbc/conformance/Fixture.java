package io.ddbc.conformance;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Projection;
import io.ddbc.api.ResourceNotFoundException;
import io.ddbc.api.TableSpec;
import io.ddbc.core.Ddbc;
import io.ddbc.core.DdbcClientBuilder;
import io.ddbc.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One test's world on one backend: a backend opened from its URL, clients over it (several clients
 * over one backend act as several processes sharing the data), and tables with names unique in the
 * JVM (DynamoDB Local is shared by every test), deleted again on {@link #close()}.
 *
 * <pre>{@code
 * try (Fixture f = Fixture.open(backend)) {
 *     String items = f.itemsTable();
 *     f.client().table(items).put(Item.of("pk", "a", "sk", 1)).execute();
 * }
 * }</pre>
 */
final class Fixture implements AutoCloseable {
    /** The managed version attribute of {@link #versionedTable()}. */
    static final String VERSION = "version";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    final BackendUnderTest under;
    private final Backend backend;
    private final List<DdbcClient> clients = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();
    private final String versioned;

    private Fixture(BackendUnderTest under) {
        this.under = under;
        this.backend = under.open();
        this.versioned = uniqueName("versioned");
    }

    static Fixture open(BackendUnderTest under) {
        return new Fixture(under);
    }

    /** A new client over this fixture's backend, with the versioned table's attribute declared. */
    DdbcClient client(DdbcClientBuilder builder) {
        // Declared on the client as for an existing AWS table: DynamoDB does not store ddbc's attribute.
        DdbcClient c = builder.backend(backend).versionAttribute(versioned, VERSION).build();
        clients.add(c);
        return c;
    }

    DdbcClient client() {
        return client(Ddbc.builder());
    }

    /**
     * A client as another process would open one: nothing declared on its builder, so all it knows of a table
     * is what the backend stores.
     */
    DdbcClient otherProcess() {
        return otherProcess(backend);
    }

    /** As {@link #otherProcess()}, over {@code via} (e.g. a proxy of this fixture's backend that injects faults). */
    DdbcClient otherProcess(Backend via) {
        DdbcClient c = Ddbc.builder().backend(via).build();
        clients.add(c);
        return c;
    }

    /** This fixture's backend (closed with the fixture). */
    Backend backend() {
        return backend;
    }

    /** Deletes {@code table} (created by the test itself) when the fixture closes. */
    void track(String table) {
        tables.add(table);
    }

    /** Creates a table from the spec (its name should come from {@link #uniqueName}); deleted on close. */
    String create(TableSpec spec) {
        try (DdbcClient admin = Ddbc.builder().backend(backend).build()) {
            admin.createTable(spec);
        }
        tables.add(spec.name());
        return spec.name();
    }

    /** pk S + sk N; GSI by_g (gpk S + gsk N, ALL); LSI by_l (lsk S, KEYS_ONLY); on demand. */
    String itemsTable() {
        return create(TableSpec.builder(uniqueName("items")).partitionKey("pk", AttributeValue.Type.S).sortKey("sk", AttributeValue.Type.N)
                .globalIndex(IndexSpec.global("by_g").partitionKey("gpk", AttributeValue.Type.S).sortKey("gsk", AttributeValue.Type.N).build())
                .localIndex(IndexSpec.local("by_l").sortKey("lsk", AttributeValue.Type.S).projection(Projection.keysOnly()).build())
                .build());
    }

    /** id S, with ddbc's managed version attribute {@value #VERSION}; GSI by_grp (grp S + id S, ALL). */
    String versionedTable() {
        return create(TableSpec.builder(versioned).partitionKey("id", AttributeValue.Type.S).versionAttribute(VERSION)
                .globalIndex(IndexSpec.global("by_grp").partitionKey("grp", AttributeValue.Type.S).sortKey("id", AttributeValue.Type.S).build())
                .build());
    }

    /** id S only. */
    String plainTable() {
        return create(TableSpec.builder(uniqueName("plain")).partitionKey("id", AttributeValue.Type.S).build());
    }

    /** A table name no other test in this JVM uses (the shared DynamoDB Local outlives each test). */
    static String uniqueName(String prefix) {
        return "cf_" + prefix + "_" + COUNTER.incrementAndGet() + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }

    @Override
    public void close() {
        clients.forEach(DdbcClient::close);
        try (DdbcClient admin = Ddbc.builder().backend(backend).build()) {
            for (String t : tables) {
                try {
                    admin.deleteTable(t);
                } catch (ResourceNotFoundException alreadyGone) {
                    // the test deleted it itself
                }
            }
        } finally {
            backend.close();
        }
    }
}
