package io.ddbc.core;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.TableSpec;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import java.util.Properties;

/**
 * Clients over one shared engine, as several "processes" over the same data. The engine is opened from
 * {@code -Dddbc.test.url} (default {@value #DEFAULT_URL}), so the same tests run unchanged against an
 * engine with replicas and lag once it exists.
 */
final class EmbeddedFixture implements AutoCloseable {
    static final String DEFAULT_URL = "ddbc:embedded:mem?partitions=4&time=virtual&seed=11&lagMs=50";
    static final String COUNTERS = "counters";
    static final String NOTES = "notes";

    final Backend backend = open(System.getProperty("ddbc.test.url", DEFAULT_URL));
    private final java.util.List<DdbcClient> clients = new java.util.ArrayList<>();

    private static Backend open(String url) {
        DdbcUrl u = DdbcUrl.parse(url);
        return BackendProviders.find(u, EmbeddedFixture.class.getClassLoader()).open(u, new Properties());
    }

    EmbeddedFixture() {
        try (DdbcClient setup = Ddbc.builder().backend(backend).build()) {
            setup.createTable(TableSpec.builder(COUNTERS).partitionKey("id", AttributeValue.Type.S).versionAttribute("version").build());
            setup.createTable(TableSpec.builder(NOTES).partitionKey("id", AttributeValue.Type.S).build());
        }
    }

    /** A client over the shared engine; closed with the fixture. */
    DdbcClient client(DdbcClientBuilder b) {
        // Declared as for an existing AWS table: a backend need not keep ddbc's version attribute.
        DdbcClient c = b.backend(backend).versionAttribute(COUNTERS, "version").build();
        clients.add(c);
        return c;
    }

    DdbcClient client() {
        return client(Ddbc.builder());
    }

    static long seed() {
        return Long.getLong("ddbc.seed", 20261123L);
    }

    /** Deletes every table (a shared server such as DynamoDB Local outlives the fixture), then closes. */
    @Override
    public void close() {
        clients.forEach(DdbcClient::close);
        try (DdbcClient cleanup = Ddbc.builder().backend(backend).build()) {
            cleanup.listTables().forEach(cleanup::deleteTable);
        }
        backend.close();
    }
}
