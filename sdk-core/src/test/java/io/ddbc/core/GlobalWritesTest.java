package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.ValidationException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Writes on a two-region backend: write affinity routing, regional transactions, split batches, configuration
 * errors (the conflict-aware updates are in {@link GlobalConflictContract}).
 */
class GlobalWritesTest {
    static final String US = GlobalSessionsTest.US;
    static final String EU = GlobalSessionsTest.EU;
    static final String COUNTERS = GlobalSessionsTest.COUNTERS;
    static final String NOTES = GlobalSessionsTest.NOTES;
    static final List<String> SORTED = List.of(EU, US);

    GlobalTestBackend backend;
    DdbcClient client;

    @BeforeEach
    void open() {
        backend = new GlobalTestBackend(US, EU);
        client = Ddbc.builder().backend(backend).build();
        GlobalSessionsTest.createTables(client);
    }

    @AfterEach
    void close() {
        client.close();
        backend.close();
    }

    private DdbcClient owned() {
        return Ddbc.builder().backend(backend).writeAffinity(WriteAffinity.byPartitionKey()).build();
    }

    /** The first key "k0", "k1"... whose owner under byPartitionKey is {@code region}. */
    private static String ownedBy(String region, String table) {
        for (int i = 0; ; i++) {
            if (WriteAffinity.byPartitionKey().regionFor(table, Key.of("id", "k" + i), US, SORTED).equals(region)) return "k" + i;
        }
    }

    private long writes(String region) {
        return backend.regions.get(region).writes.get();
    }

    private long n(String region, String table, String id) {
        GetResult r = client.newSession(region).table(table).get(Key.of("id", id)).consistency(Consistency.STRONG).execute();
        return r.item().orElseThrow().getLong("n");
    }

    // ------------------------------------------------------------------------------- affinity routing

    @Test
    void homeAffinitySendsWritesToTheSessionsRegion() {
        client.newSession(EU).table(NOTES).put(Item.of("id", "a", "n", 1)).execute();
        assertEquals(1, writes(EU));
        assertEquals(0, writes(US));
        client.table(NOTES).put(Item.of("id", "b", "n", 1)).execute();
        assertEquals(1, writes(US), "client-level writes go to the client's home region");
    }

    @Test
    void ownerAffinityIsStableAndSpreadsKeysOverRegions() {
        WriteAffinity a = WriteAffinity.byPartitionKey();
        assertEquals(a.regionFor(NOTES, Key.of("id", "x"), US, SORTED), a.regionFor(NOTES, Key.of("id", "x"), EU, SORTED));
        assertNotEquals(ownedBy(US, NOTES), ownedBy(EU, NOTES));
        assertEquals(a.regionFor(NOTES, Key.of("id", 1), US, SORTED), a.regionFor(NOTES, Key.of("id", new java.math.BigDecimal("1.0")), US, SORTED));
    }

    @Test
    void ownerAffinityRoutesEveryWriteOfAnItemToItsOwner() {
        try (DdbcClient c = owned()) {
            String usKey = ownedBy(US, NOTES);
            DdbcSession eu = c.newSession(EU);
            eu.table(NOTES).put(Item.of("id", usKey, "n", 1)).execute();
            eu.table(NOTES).update(Key.of("id", usKey)).expression("SET n = :n").value(":n", 2).execute();
            assertEquals(2, writes(US));
            assertEquals(0, writes(EU));
            assertEquals(List.of(US), List.copyOf(eu.token().regions()));
            // The session reads its own write although eu-west-1 has nothing yet: routed to us-east-1.
            assertEquals(2, eu.table(NOTES).get(Key.of("id", usKey)).execute().item().orElseThrow().getLong("n"));
        }
    }

    @Test
    void transactionsMustStayInOneRegion() {
        try (DdbcClient c = owned()) {
            String usKey = ownedBy(US, NOTES);
            String euKey = ownedBy(EU, NOTES);
            ValidationException e = assertThrows(ValidationException.class, () -> c.transactWrite()
                    .put(NOTES, Item.of("id", usKey)).put(NOTES, Item.of("id", euKey)).execute());
            assertTrue(e.getMessage().contains(US) && e.getMessage().contains(EU) && e.getMessage().contains(usKey)
                    && e.getMessage().contains(euKey), e.getMessage());
            assertEquals(0, writes(US) + writes(EU));
            String euKey2 = ownedBy(EU, COUNTERS);
            c.transactWrite().put(NOTES, Item.of("id", euKey)).update(io.ddbc.api.UpdateRequest.builder(COUNTERS, Key.of("id", euKey2))
                    .expression("SET n = :one").value(":one", 1).build()).execute();
            assertEquals(2, writes(EU));
            assertEquals(0, writes(US));
        }
    }

    @Test
    void batchWritesAreSplitByOwner() {
        try (DdbcClient c = owned()) {
            String usKey = ownedBy(US, NOTES);
            String euKey = ownedBy(EU, NOTES);
            var result = c.batchWrite().put(NOTES, Item.of("id", usKey, "n", 1)).put(NOTES, Item.of("id", euKey, "n", 2))
                    .delete(NOTES, Key.of("id", "never-there-" + usKey)).execute();
            assertTrue(result.unprocessed().isEmpty());
            assertEquals(1, n(US, NOTES, usKey));
            assertEquals(2, n(EU, NOTES, euKey));
            assertTrue(client.newSession(EU).table(NOTES).get(Key.of("id", usKey)).consistency(Consistency.STRONG).execute().item().isEmpty());
        }
    }

    @Test
    void aCustomAffinityMustNameARegionOfTheClient() {
        try (DdbcClient c = Ddbc.builder().backend(backend).writeAffinity(WriteAffinity.of((t, k) -> "mars-north-1")).build()) {
            DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> c.table(NOTES).put(Item.of("id", "a")).execute());
            assertTrue(e.getMessage().contains("'mars-north-1'") && e.getMessage().contains(NOTES) && e.getMessage().contains(US), e.getMessage());
        }
        try (DdbcClient c = Ddbc.builder().backend(backend).writeAffinity(WriteAffinity.of((t, k) -> EU)).build()) {
            c.table(NOTES).put(Item.of("id", "a")).execute();
            assertEquals(1, writes(EU));
        }
    }

    // ------------------------------------------------------------------------------- configuration

    @Test
    void unknownRegionsAreConfigurationErrorsNamingTheRegions() {
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> Ddbc.builder().backend(backend).homeRegion("ap-south-1").build());
        assertTrue(e.getMessage().contains("'ap-south-1'") && e.getMessage().contains("[" + US + ", " + EU + "]"), e.getMessage());
        assertThrows(DdbcConfigException.class, () -> client.newSession("ap-south-1"));
        assertThrows(DdbcConfigException.class, () -> client.resumeSession(client.newSession().token(), "ap-south-1"));
        assertThrows(DdbcConfigException.class, () -> Ddbc.builder().crossRegionWait(java.time.Duration.ofMillis(-1)));
        try (DdbcClient eu = Ddbc.builder().backend(backend).homeRegion(EU).build()) {
            assertEquals(EU, eu.homeRegion());
            assertEquals(List.of(EU, US), eu.regions());
            assertEquals(EU, eu.newSession().homeRegion());
        }
    }

    @Test
    void singleRegionClientsRefuseRegions() {
        DdbcConfigException url = assertThrows(DdbcConfigException.class, () -> Ddbc.connect("ddbc:embedded:mem?home=eu-west-1"));
        assertTrue(url.getMessage().contains("'eu-west-1'") && url.getMessage().contains("single-region"), url.getMessage());
        try (DdbcClient single = Ddbc.connect("ddbc:embedded:mem")) {
            assertThrows(DdbcConfigException.class, () -> single.newSession("eu-west-1"));
        }
    }
}
