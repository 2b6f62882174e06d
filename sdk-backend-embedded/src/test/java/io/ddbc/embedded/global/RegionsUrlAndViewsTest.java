package io.ddbc.embedded.global;

import static io.ddbc.embedded.global.Global.ACCOUNTS;
import static io.ddbc.embedded.global.Global.AP;
import static io.ddbc.embedded.global.Global.EU;
import static io.ddbc.embedded.global.Global.US;
import static io.ddbc.embedded.global.Global.put;
import static io.ddbc.embedded.global.Global.strong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DdbcException;
import io.ddbc.api.Item;
import io.ddbc.embedded.EmbeddedBackend;
import io.ddbc.embedded.EmbeddedControl;
import io.ddbc.spi.Backend;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code regions} URL parameters and the region views of a multi-region engine. */
class RegionsUrlAndViewsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "regions=us-east-1,us-east-1|regions|twice",
        "regions=US-EAST-1|regions|US-EAST-1",
        "regions=us-east|regions|not a region name",
        "regions=us-east-1,,eu-west-1|regions|not a region name",
        "regions=|regions|not a region name",
        "regionLagMs=100|regionLagMs|needs 'regions'",
        "regions=us-east-1&regionLagMs=-5|regionLagMs|≥ 0",
        "regions=us-east-1&regionLagSpikeProbability=2|regionLagSpikeProbability|0 to 1",
        "regions=us-east-1&regionLagSpikeMs=x|regionLagSpikeMs|x",
    })
    void badRegionParametersAreRefusedNamingTheParameter(String query, String parameter, String fragment) {
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> Global.open("ddbc:embedded:mem?" + query));
        assertTrue(e.getMessage().contains(parameter) && e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void regionsAreListedHomeFirstAndEveryViewSharesTheScopeAndTables() {
        try (Backend b = Global.open("ddbc:embedded:mem?time=virtual&regions=" + EU + "," + US + "," + AP)) {
            assertEquals(List.of(EU, US, AP), b.regions());
            Backend us = b.region(US);
            assertEquals(b.sessionScope(), us.sessionScope());
            assertEquals(b.sessionScope(), b.region(AP).sessionScope());
            assertEquals(b.regions(), us.regions());
            assertSame(us, b.region(US));
            assertSame(b.region(AP), us.region(AP), "a view reaches its siblings");
            assertNotSame(b, b.region(EU), "the home view is a view too: closing it must not close the backend");
            Global.withAccounts((EmbeddedBackend) us);
            assertEquals(List.of(ACCOUNTS), b.listTables(io.ddbc.api.ListTablesRequest.firstPage()).tableNames());
        }
    }

    @Test
    void anUnknownRegionIsRefusedNamingItAndTheRegions() {
        try (EmbeddedBackend b = Global.twoRegions(1, "")) {
            DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> b.region("sa-east-1"));
            assertTrue(e.getMessage().contains("sa-east-1") && e.getMessage().contains("[us-east-1, eu-west-1]"), e.getMessage());
            e = assertThrows(DdbcConfigException.class, () -> b.isolateRegion("sa-east-1"));
            assertTrue(e.getMessage().contains("sa-east-1"), e.getMessage());
            assertThrows(DdbcConfigException.class, () -> b.region(null));
        }
    }

    @Test
    void closingAViewDoesNothingAndClosingTheBackendClosesEveryView() {
        EmbeddedBackend b = Global.twoRegions(1, "");
        EmbeddedBackend eu = b.region(EU);
        eu.close();
        put(eu, Item.of("id", "alice"));
        b.settle();
        assertTrue(strong(b, "alice") != null);
        b.close();
        assertTrue(eu.isClosed());
        DdbcException e = assertThrows(DdbcException.class, () -> strong(eu, "alice"));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aSingleRegionEngineHasNoRegionsAndSaysHowToGetThem() {
        try (EmbeddedBackend b = (EmbeddedBackend) Global.open("ddbc:embedded:mem?time=virtual")) {
            assertEquals(List.of(), b.regions());
            assertTrue(assertThrows(DdbcConfigException.class, () -> b.region(US)).getMessage().contains("regions="));
            assertTrue(assertThrows(DdbcConfigException.class, () -> b.isolateRegion(US)).getMessage().contains("single-region"));
            assertEquals(List.of(), b.replicationConflicts());
            assertEquals(null, b.stats().region());
            Global.withAccounts(b);
            io.ddbc.api.Positions p = put(b, Item.of("id", "alice")).positions();
            long unqualified = 0;
            for (int i = 0; i < 4; i++) unqualified = Math.max(unqualified, p.get(ACCOUNTS + "#" + i));
            assertTrue(unqualified > 0, "single-region partition ids stay unqualified");
        }
    }

    @Test
    void oneReplicaPerRegionWorksAndEachViewHasItsOwnStats() {
        try (EmbeddedBackend b = Global.withAccounts((EmbeddedBackend) Global.open(
                "ddbc:embedded:mem?time=virtual&replicas=1&regions=" + US + "," + EU))) {
            EmbeddedControl eu = b.region(EU).unwrap(EmbeddedControl.class);
            put(b, Item.of("id", "alice"));
            b.settle();
            assertTrue(strong(b.region(EU), "alice") != null);
            assertEquals(1, b.stats().operations("PutItem"));
            assertEquals(0, eu.stats().operations("PutItem"));
            assertEquals(EU, eu.stats().region());
            assertEquals(1, eu.stats().replicas());
            assertEquals(b.stats().lastPosition(), eu.stats().lastPosition(), "one counter for every region");
        }
    }
}
