package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.*;

import io.ddbc.api.*;
import io.ddbc.embedded.EmbeddedControl;
import org.junit.jupiter.api.Test;

/** Connecting through the URL and the ServiceLoader, with the real embedded provider on the classpath. */
class ConnectTest {

    @Test
    void connectsToTheEmbeddedEngineByUrl() {
        try (DdbcClient c = Ddbc.connect("ddbc:embedded:mem?partitions=2&consistency=strong")) {
            c.createTable(TableSpec.builder("accounts").partitionKey("id", AttributeValue.Type.S).build());
            c.table("accounts").put(Item.of("id", "alice", "balance", 10)).execute();
            GetResult r = c.table("accounts").get(Key.of("id", "alice")).execute();
            assertEquals(10, r.item().orElseThrow().getLong("balance"));
            assertEquals(Consistency.STRONG, c.defaultConsistency());
            assertEquals(java.util.List.of("accounts"), c.listTables());
            assertNotNull(c.unwrap(EmbeddedControl.class));
        }
    }

    @Test
    void connectWithoutAUrlReadsTheDdbcUrlProperty() {
        String before = System.getProperty("ddbc.url");
        System.setProperty("ddbc.url", "ddbc:embedded:mem?consistency=session");
        try (DdbcClient c = Ddbc.connect()) {
            assertEquals(Consistency.SESSION, c.defaultConsistency());
        } finally {
            if (before == null) System.clearProperty("ddbc.url");
            else System.setProperty("ddbc.url", before);
        }
    }

    @Test
    void unknownBackendNamesTheBackendsPresent() {
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> Ddbc.connect("ddbc:cassandra:mem"));
        assertTrue(e.getMessage().contains("cassandra") && e.getMessage().contains("embedded"), e.getMessage());
    }

    @Test
    void unknownParameterIsNamedWithTheAcceptedOnes() {
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> Ddbc.connect("ddbc:embedded:mem?replicaz=3"));
        assertTrue(e.getMessage().contains("replicaz") && e.getMessage().contains("consistency") && e.getMessage().contains("partitions"),
                e.getMessage());
    }

    @Test
    void malformedUrlsAndBadValuesAreConfigErrors() {
        assertThrows(DdbcConfigException.class, () -> Ddbc.connect("jdbc:embedded:mem"));
        assertThrows(DdbcConfigException.class, () -> Ddbc.connect("ddbc:embedded"));
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> Ddbc.connect("ddbc:embedded:mem?consistency=sometimes"));
        assertTrue(e.getMessage().contains("consistency"), e.getMessage());
        DdbcConfigException noUrl = assertThrows(DdbcConfigException.class, () -> Ddbc.builder().url(null));
        assertTrue(noUrl.getMessage().contains("URL"), noUrl.getMessage());
    }

    @Test
    void builderWithoutAUrlResolvesItLikeConnect() {
        String before = System.getProperty("ddbc.url");
        System.setProperty("ddbc.url", "ddbc:embedded:mem?consistency=session");
        io.micrometer.core.instrument.simple.SimpleMeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try (DdbcClient c = Ddbc.builder().meterRegistry(registry).build()) {
            assertEquals(Consistency.SESSION, c.defaultConsistency(), "the URL came from ddbc.url, as for Ddbc.connect()");
            assertNotNull(c.unwrap(EmbeddedControl.class));
        } finally {
            if (before == null) System.clearProperty("ddbc.url");
            else System.setProperty("ddbc.url", before);
        }
        // Nothing configured anywhere: the default URL, as for Ddbc.connect().
        if (System.getenv("DDBC_URL") == null && before == null) {
            try (DdbcClient c = Ddbc.builder().meterRegistry(registry).build()) {
                assertNotNull(c.unwrap(EmbeddedControl.class));
            }
        }
    }

    @Test
    void unwrapOfSomethingNobodyProvidesIsAConfigError() {
        try (DdbcClient c = Ddbc.connect("ddbc:embedded:mem")) {
            DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> c.unwrap(StringBuilder.class));
            assertTrue(e.getMessage().contains("StringBuilder"));
        }
    }

    @Test
    void sessionTokensOfAnotherBackendOrUnsignedOnesAreRefused() {
        byte[] secret = "s3cret".getBytes();
        try (DdbcClient signed = Ddbc.builder().url("ddbc:embedded:mem").sessionTokenSecret(secret).build();
             DdbcClient other = Ddbc.connect("ddbc:embedded:mem")) {
            SessionToken mine = signed.newSession().token();
            assertTrue(mine.isSigned());
            signed.resumeSession(SessionToken.parse(mine.serialize()));
            assertThrows(SessionTokenException.class, () -> other.resumeSession(mine));
            SessionToken unsigned = SessionToken.empty(mine.scope(), null);
            assertThrows(SessionTokenException.class, () -> signed.resumeSession(unsigned));
            SessionToken forged = unsigned.sign("other".getBytes());
            assertThrows(SessionTokenException.class, () -> signed.resumeSession(forged));
            assertThrows(SessionTokenException.class, () -> signed.newSession().merge(forged));
        }
    }
}
