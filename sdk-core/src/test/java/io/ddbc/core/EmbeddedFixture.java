package io.ddbc.core;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.TableSpec;
import io.ddbc.embedded.EmbeddedBackend;

/** Clients over one shared embedded engine, as several "processes" over the same data. */
final class EmbeddedFixture implements AutoCloseable {
    static final String COUNTERS = "counters";
    static final String NOTES = "notes";

    final EmbeddedBackend backend = EmbeddedBackend.inMemory(4);
    private final java.util.List<DdbcClient> clients = new java.util.ArrayList<>();

    EmbeddedFixture() {
        try (DdbcClient setup = Ddbc.builder().backend(backend).build()) {
            setup.createTable(TableSpec.builder(COUNTERS).partitionKey("id", AttributeValue.Type.S).versionAttribute("version").build());
            setup.createTable(TableSpec.builder(NOTES).partitionKey("id", AttributeValue.Type.S).build());
        }
    }

    /** A client over the shared engine; closed with the fixture. */
    DdbcClient client(DdbcClientBuilder b) {
        DdbcClient c = b.backend(backend).build();
        clients.add(c);
        return c;
    }

    DdbcClient client() {
        return client(Ddbc.builder());
    }

    static long seed() {
        return Long.getLong("ddbc.seed", 20261123L);
    }

    @Override
    public void close() {
        clients.forEach(DdbcClient::close);
        backend.close();
    }
}
