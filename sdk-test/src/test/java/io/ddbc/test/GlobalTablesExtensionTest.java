package io.ddbc.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.embedded.ReplicationConflict;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @DdbcTest(regions = ...)}: an application's global-tables code under test, with region faults. */
@DdbcTest(seed = 5, regions = {"us-east-1", "eu-west-1"}, regionLagMs = 300)
@DdbcTable(name = "profiles", partitionKey = "userId")
class GlobalTablesExtensionTest {
    private static final Key USER = Key.of("userId", "12345");

    private static String name(DdbcClient client, String region, Consistency c) {
        return client.newSession(region).table("profiles").get(USER).consistency(c).execute().item().map(i -> i.getString("name")).orElse(null);
    }

    @Test
    void theEngineHasTheRegionsAndTheTablesAreGlobal(DdbcClient client) {
        assertEquals(List.of("us-east-1", "eu-west-1"), client.regions());
        assertEquals("us-east-1", client.homeRegion());
        client.newSession("eu-west-1").table("profiles").put(Item.of("userId", "created-in-eu")).execute();
    }

    @Test
    void aWriteReachesTheOtherRegionOnlyAfterReplication(DdbcClient client, TestControl control) {
        client.newSession("us-east-1").table("profiles").put(Item.of("userId", "12345", "name", "Alice")).execute();
        assertEquals(null, name(client, "eu-west-1", Consistency.STRONG), "strong is strong within a region only");
        control.settle();
        assertEquals("Alice", name(client, "eu-west-1", Consistency.STRONG));
    }

    @Test
    void aResumedSessionReadsItsWriteInTheOtherRegion(DdbcClient client) {
        DdbcSession us = client.newSession("us-east-1");
        us.table("profiles").put(Item.of("userId", "12345", "name", "Alice")).execute();
        DdbcSession eu = client.resumeSession(us.token(), "eu-west-1");
        assertEquals("Alice", eu.table("profiles").get(USER).execute().item().orElseThrow().getString("name"));
    }

    @Test
    void isolatedRegionsDivergeAndLastWriterWinsAfterHealing(DdbcClient client, TestControl control) {
        control.isolateRegion("eu-west-1");
        client.newSession("us-east-1").table("profiles").put(Item.of("userId", "12345", "name", "Alice")).execute();
        control.advance(Duration.ofMillis(50));
        client.newSession("eu-west-1").table("profiles").put(Item.of("userId", "12345", "name", "Bob")).execute();
        control.settle();
        assertEquals("Alice", name(client, "us-east-1", Consistency.STRONG), "nothing crosses while isolated");
        assertEquals("Bob", name(client, "eu-west-1", Consistency.STRONG));
        assertTrue(control.replicationConflicts().isEmpty());

        control.healRegion("eu-west-1");
        control.settle();
        assertEquals("Bob", name(client, "us-east-1", Consistency.STRONG), "the later write wins everywhere");
        assertEquals("Bob", name(client, "eu-west-1", Consistency.STRONG));
        List<ReplicationConflict> conflicts = control.replicationConflicts();
        assertEquals(1, conflicts.size(), String.valueOf(conflicts));
        assertEquals("us-east-1", conflicts.get(0).overwrittenRegion());
        assertEquals("Alice", conflicts.get(0).overwrittenImage().orElseThrow().getString("name"));
        assertFalse(conflicts.get(0).keptRegion().equals(conflicts.get(0).overwrittenRegion()));
    }
}
