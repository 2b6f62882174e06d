package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.SessionToken;
import io.ddbc.api.StaleReadException;
import io.ddbc.api.TableSpec;
import io.ddbc.embedded.EmbeddedControl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * End to end on the embedded multi-region engine ({@code regions=us-east-1,eu-west-1}, virtual time, seeded;
 * positions that name region-qualified partitions): cross-region session reads served, waited for, routed or
 * refused (the conflict-aware updates are in {@link GlobalConflictsEmbeddedTest}).
 * Seed: {@code -Dddbc.seed=...} (printed on failure).
 */
class GlobalEmbeddedTest {
    static final String US = GlobalSessionsTest.US;
    static final String EU = GlobalSessionsTest.EU;
    static final String COUNTERS = "counters";
    static final String NOTES = "notes";
    static final Key K = Key.of("id", "k1");

    final long seed = EmbeddedFixture.seed();
    SimpleMeterRegistry meters;
    DdbcClient client;
    EmbeddedControl control;

    @BeforeEach
    void open(TestInfo info) {
        meters = new SimpleMeterRegistry();
        client = connect(Ddbc.builder());
        control = client.unwrap(EmbeddedControl.class);
        client.createTable(TableSpec.builder(COUNTERS).partitionKey("id", AttributeValue.Type.S).versionAttribute("version").build());
        client.createTable(TableSpec.builder(NOTES).partitionKey("id", AttributeValue.Type.S)
                .globalIndex(IndexSpec.global("by_tag").partitionKey("tag", AttributeValue.Type.S).build()).build());
        control.settle();
    }

    private DdbcClient connect(DdbcClientBuilder b) {
        return b.url(url(seed)).meterRegistry(meters).build();
    }

    /** A virtual-time two-region engine without service latency, so the clock moves only by waiting and settling. */
    static String url(long seed) {
        return "ddbc:embedded:mem?time=virtual&serviceLatencyMs=0&regionLagMs=250&seed=" + seed + "&regions=" + US + "," + EU;
    }

    @AfterEach
    void close() {
        client.close();
    }

    private String seedNote() {
        return " (seed " + seed + ": rerun with -Dddbc.seed=" + seed + ")";
    }

    private double outcome(String outcome) {
        var c = meters.find("ddbc.session.cross_region").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    private SessionToken writtenInUs(long n) {
        DdbcSession us = client.newSession(US);
        us.table(COUNTERS).put(Item.of("id", "k1", "n", n)).execute();
        us.table(NOTES).put(Item.of("id", "k1", "n", n, "tag", "t")).execute();
        return us.token();
    }

    private long strongN(String region, String table) {
        return client.newSession(region).table(table).get(K).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("n");
    }

    @Test
    void servedInTheNewHomeOnceItCaughtUp() {
        SessionToken t = writtenInUs(1);
        control.settle();
        DdbcSession eu = client.resumeSession(t, EU);
        assertEquals(1, eu.table(COUNTERS).get(K).execute().item().orElseThrow().getLong("n"), seedNote());
        assertEquals(1, eu.table(NOTES).get(K).execute().item().orElseThrow().getLong("n"), seedNote());
        assertEquals(2, outcome("caught_up"), seedNote());
        assertEquals(List.of(EU, US), List.copyOf(eu.token().regions()).stream().sorted().toList());
    }

    @Test
    void waitsInVirtualTimeForReplication() {
        SessionToken t = writtenInUs(2);
        var before = control.now();
        GetResult r = client.resumeSession(t, EU).table(NOTES).get(K).execute();
        assertEquals(2, r.item().orElseThrow().getLong("n"), seedNote());
        assertEquals(1, outcome("waited") + outcome("caught_up"), seedNote());
        assertTrue(outcome("waited") == 1 && control.now().compareTo(before) > 0, "waited for replication" + seedNote());
    }

    @Test
    void routedToTheWritingRegionWhenHomeIsIsolated() {
        SessionToken t = writtenInUs(3);
        control.isolateRegion(EU);
        DdbcSession eu = client.resumeSession(t, EU);
        assertEquals(3, eu.table(COUNTERS).get(K).execute().item().orElseThrow().getLong("n"), seedNote());
        assertEquals(3, eu.table(NOTES).get(K).execute().item().orElseThrow().getLong("n"), seedNote());
        assertEquals(1, eu.table(NOTES).query().keyCondition("id = :k").value(":k", "k1").execute().items().size(), seedNote());
        assertEquals(1, eu.batchGet().add(COUNTERS, List.of(K)).execute().items(COUNTERS).size(), seedNote());
        assertEquals(3, eu.transactGet().get(NOTES, K).execute().items().get(0).orElseThrow().getLong("n"), seedNote());
        assertEquals(5, outcome("routed"), seedNote());
        // What eu-west-1 itself holds: nothing yet. The session never saw that.
        assertTrue(client.newSession(EU).table(NOTES).get(K).consistency(Consistency.STRONG).execute().item().isEmpty(), seedNote());
    }

    @Test
    void refusedWhenHomeIsIsolatedAndTheWritingRegionIsDown() {
        SessionToken t = writtenInUs(4);
        control.isolateRegion(EU);
        EmbeddedControl usAzs = client.unwrap(io.ddbc.embedded.EmbeddedBackend.class).region(US).unwrap(EmbeddedControl.class);
        for (String az : List.of("az-a", "az-b", "az-c")) usAzs.crashReplica(az);
        StaleReadException e = assertThrows(StaleReadException.class, () -> client.resumeSession(t, EU).table(NOTES).get(K).execute(),
                seedNote());
        assertEquals(NOTES, e.tableName());
        assertTrue(e.getMessage().contains("'" + EU + "'") && e.getMessage().contains(US), e.getMessage());
        assertEquals(1, outcome("refused"));
    }

    @Test
    void sessionIndexQueriesInAnotherRegionSeeTheSessionsWrites() {
        SessionToken t = writtenInUs(5);
        List<Item> items = client.resumeSession(t, EU).table(NOTES).query().index("by_tag").keyCondition("tag = :t").value(":t", "t")
                .execute().items();
        assertEquals(1, items.size(), seedNote());
        assertEquals(5, items.get(0).getLong("n"));
    }

    @Test
    void theUrlNamesTheHomeRegion() {
        try (DdbcClient eu = Ddbc.connect("ddbc:embedded:mem?time=virtual&regions=" + US + "," + EU + "&home=" + EU)) {
            assertEquals(EU, eu.homeRegion());
            assertEquals(List.of(EU, US), eu.regions());
        }
        io.ddbc.api.DdbcConfigException e = assertThrows(io.ddbc.api.DdbcConfigException.class,
                () -> Ddbc.connect("ddbc:embedded:mem?time=virtual&regions=" + US + "," + EU + "&home=ap-south-1"));
        assertTrue(e.getMessage().contains("'ap-south-1'") && e.getMessage().contains(US) && e.getMessage().contains(EU), e.getMessage());
    }

    @Test
    void aMovedSessionsMutateNeverBuildsOnARegionThatLacksItsWrites() {
        SessionToken t = writtenInUs(1);
        control.isolateRegion(EU);
        DdbcSession eu = client.resumeSession(t, EU);
        eu.table(COUNTERS).mutate(K, i -> i.toBuilder().put("n", i.getLong("n") + 1).build());
        control.healRegion(EU);
        control.settle();
        for (String region : List.of(US, EU)) {
            long n = client.newSession(region).table(COUNTERS).get(K).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("n");
            assertEquals(2, n, region + seedNote());
        }
        assertTrue(control.replicationConflicts().isEmpty(), control.replicationConflicts() + seedNote());
    }
}
