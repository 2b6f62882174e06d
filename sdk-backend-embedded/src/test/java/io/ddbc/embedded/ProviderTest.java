package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.TableSpec;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProvider;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProviderTest {

    private static Backend open(String url) {
        return new EmbeddedBackendProvider().open(DdbcUrl.parse(url), new Properties());
    }

    @Test
    void serviceLoaderFindsTheProvider() {
        boolean found = false;
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) found |= p instanceof EmbeddedBackendProvider;
        assertTrue(found);
        assertTrue(new EmbeddedBackendProvider().acceptsUrl(DdbcUrl.parse("ddbc:embedded:mem")));
    }

    @Test
    void opensMemWithPartitionsAndUnwrapsControl() {
        try (Backend b = open("ddbc:embedded:mem?partitions=2")) {
            assertEquals("embedded", b.name());
            assertTrue(b.supportsPositions());
            EmbeddedControl control = b.unwrap(EmbeddedControl.class);
            assertNotNull(control);
            b.createTable(new CreateTableRequest(TableSpec.builder("abc").partitionKey("id", AttributeValue.Type.S).build()));
            assertEquals(1, control.stats().tables());
            assertEquals(1, control.stats().operations("CreateTable"));
            assertNull(b.unwrap(String.class));
        }
    }

    @Test
    void twoEnginesHaveDifferentSessionScopes() {
        try (Backend a = open("ddbc:embedded:mem"); Backend b = open("ddbc:embedded:mem")) {
            assertTrue(!a.sessionScope().equals(b.sessionScope()));
        }
    }

    @Test
    void fileTargetIsNotSupportedYet() {
        Fixture.fails(DdbcConfigException.class, "not supported yet", () -> open("ddbc:embedded:file:/tmp/x"));
    }

    @Test
    void unknownTargetParameterAndBadValuesAreRejected() {
        Fixture.fails(DdbcConfigException.class, "unknown embedded target 'disk'", () -> open("ddbc:embedded:disk"));
        Fixture.fails(DdbcConfigException.class, "Unknown parameter 'nodes'", () -> open("ddbc:embedded:mem?nodes=3"));
        Fixture.fails(DdbcConfigException.class, "'replicas' = 2 must be 1 or 3", () -> open("ddbc:embedded:mem?replicas=2"));
        Fixture.fails(DdbcConfigException.class, "is not one of", () -> open("ddbc:embedded:mem?time=warp"));
        Fixture.fails(DdbcConfigException.class, "'lagMs' = -1.0 must be a finite number", () -> open("ddbc:embedded:mem?lagMs=-1"));
        Fixture.fails(DdbcConfigException.class, "'lagSpikeProbability' = 2.0 must be 0 to 1",
                () -> open("ddbc:embedded:mem?lagSpikeProbability=2"));
        Fixture.fails(DdbcConfigException.class, "seed", () -> open("ddbc:embedded:mem?seed=abc"));
        Fixture.fails(DdbcConfigException.class, "partitions", () -> open("ddbc:embedded:mem?partitions=zero"));
        Fixture.fails(DdbcConfigException.class, "must be 1 to 1024", () -> open("ddbc:embedded:mem?partitions=0"));
    }

    @Test
    void backendProvidersFindsEmbeddedByUrl() {
        BackendProvider p = BackendProviders.find(DdbcUrl.parse("ddbc:embedded:mem"), getClass().getClassLoader());
        assertInstanceOf(EmbeddedBackendProvider.class, p);
    }
}
