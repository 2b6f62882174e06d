package io.ddbc.embedded.global;

import static io.ddbc.embedded.global.Global.ACCOUNTS;
import static io.ddbc.embedded.global.Global.EU;
import static io.ddbc.embedded.global.Global.US;
import static io.ddbc.embedded.global.Global.key;
import static io.ddbc.embedded.global.Global.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.Consistency;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Page;
import io.ddbc.api.Positions;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.StaleReadException;
import io.ddbc.embedded.EmbeddedBackend;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Positions are region-qualified; a region asked for writes of another region that it has not applied yet
 * refuses with StaleReadException — never answers without them.
 */
class CrossRegionPositionsTest {
    private final EmbeddedBackend us = Global.twoRegions(21, "&regionLagMs=100&gsiLagMs=20");
    private final EmbeddedBackend eu = us.region(EU);

    @AfterEach
    void close() {
        us.close();
    }

    private GetResult getIn(EmbeddedBackend region, String id, Positions min) {
        return region.get(GetRequest.builder(ACCOUNTS, key(id)).minPositions(min).build());
    }

    private static StaleReadException stale(Executable read) {
        return assertThrows(StaleReadException.class, read);
    }

    @Test
    void positionsNameTheRegionTheyComeFrom() {
        Positions p = put(us, Item.of("id", "alice")).positions();
        int partition = -1;
        for (int i = 0; i < 4; i++) if (p.get(US + ":" + ACCOUNTS + "#" + i) > 0) partition = i;
        assertTrue(partition >= 0, "the write's position is under us-east-1:accounts#p");
        assertEquals(-1, p.get(ACCOUNTS + "#" + partition), "never unqualified in a multi-region engine");
        us.settle();
        Positions read = getIn(eu, "alice", Positions.NONE).positions();
        assertTrue(read.get(EU + ":" + ACCOUNTS + "#" + partition) > p.get(US + ":" + ACCOUNTS + "#" + partition),
                "eu-west-1 applied it later on the shared counter, at a position of its own");
    }

    @Test
    void aGetInAnotherRegionIsRefusedUntilTheWriteArrives() {
        Positions p = put(us, Item.of("id", "alice", "balance", 5)).positions();
        StaleReadException e = stale(() -> getIn(eu, "alice", p));
        String m = e.getMessage();
        assertTrue(m.contains("'" + ACCOUNTS + "'") && m.contains("alice") && m.contains(EU) && m.contains(US)
                && m.contains(String.valueOf(p.asHashedMap().values().iterator().next())), m);
        assertEquals(ACCOUNTS, e.tableName());
        assertEquals(key("alice"), e.key());
        us.advance(Duration.ofSeconds(30));
        GetResult r = getIn(eu, "alice", p);
        assertEquals(5, r.item().orElseThrow().getNumber("balance").intValue());
        assertTrue(p.isCoveredBy(r.positions()), "the answer says it reflects the us-east-1 write it was asked for");
    }

    @Test
    void theHomeRegionAndStrongReadsIgnoreOtherRegionsRequirements() {
        Positions p = put(eu, Item.of("id", "bob")).positions();
        GetResult strongHere = us.get(GetRequest.builder(ACCOUNTS, key("bob")).consistency(Consistency.STRONG).minPositions(p).build());
        assertTrue(strongHere.item().isEmpty(), "strong within us-east-1: it does not wait for eu-west-1");
        assertTrue(getIn(eu, "bob", p).item().isPresent(), "the writing region serves its own positions");
    }

    @Test
    void queriesScansAndBatchGetsAreRefusedUntilTheWriteArrives() {
        Positions p = put(us, Item.of("id", "alice", "ownerId", "o1")).positions();
        QueryRequest query = QueryRequest.builder(ACCOUNTS).keyCondition("id = :i").value(":i", "alice").minPositions(p).build();
        ScanRequest scan = ScanRequest.builder(ACCOUNTS).minPositions(p).build();
        BatchGetRequest batch = BatchGetRequest.builder().add(ACCOUNTS, key("alice")).build().withMinPositions(p);
        stale(() -> eu.query(query));
        stale(() -> eu.scan(scan));
        stale(() -> eu.batchGet(batch));
        us.settle();
        assertTrue(p.isCoveredBy(eu.query(query).positions()));
        assertEquals(1, eu.query(query).count());
        assertEquals(1, eu.scan(scan).count());
        assertEquals(1, eu.batchGet(batch).items().get(ACCOUNTS).size());
    }

    @Test
    void aGlobalIndexQueryWaitsForTheWriteAndForTheIndex() {
        EmbeddedBackend slowIndex = Global.twoRegions(22, "&regionLagMs=10&gsiLagMs=100000");
        try {
            Positions p = put(slowIndex, Item.of("id", "alice", "ownerId", "o1")).positions();
            QueryRequest byOwner = QueryRequest.builder(ACCOUNTS).index("by_owner").keyCondition("ownerId = :o").value(":o", "o1")
                    .minPositions(p).build();
            EmbeddedBackend eu2 = slowIndex.region(EU);
            stale(() -> eu2.query(byOwner));
            slowIndex.advance(Duration.ofSeconds(20));
            assertTrue(Global.strong(eu2, "alice") != null, "the table has it in eu-west-1");
            StaleReadException e = stale(() -> eu2.query(byOwner));
            assertTrue(e.getMessage().contains("global secondary index 'by_owner'"), e.getMessage());
            slowIndex.settle();
            Page page = eu2.query(byOwner);
            assertEquals(1, page.count());
            assertTrue(p.isCoveredBy(page.positions()), "an index wait on these positions can see the index has the write");
        } finally {
            slowIndex.close();
        }
    }

    @Test
    void anIsolatedRegionRefusesReadsThatNeedTheOtherSideAndSaysSo() {
        us.isolateRegion(EU);
        Positions p = put(us, Item.of("id", "alice")).positions();
        us.settle();
        StaleReadException e = stale(() -> getIn(eu, "alice", p));
        assertTrue(e.getMessage().contains("cut off"), e.getMessage());
        us.healRegion(EU);
        us.settle();
        assertTrue(getIn(eu, "alice", p).item().isPresent());
    }

    @Test
    void aPositionSeenInOneRegionCoversTheWritesItHadReceivedFromAThirdRegion() {
        EmbeddedBackend three = Global.withAccounts((EmbeddedBackend) Global.open(
                "ddbc:embedded:mem?time=virtual&serviceLatencyMs=0&seed=4&regions=" + US + "," + EU + "," + Global.AP));
        try {
            EmbeddedBackend eu3 = three.region(EU);
            EmbeddedBackend ap = three.region(Global.AP);
            three.isolateRegion(Global.AP);
            put(eu3, Item.of("id", "alice", "balance", 9));
            three.settle();                                      // us-east-1 has eu-west-1's write; ap-southeast-2 does not
            Positions seenInUs = getIn(three, "alice", Positions.NONE).positions();
            assertTrue(getIn(three, "alice", Positions.NONE).item().isPresent());
            StaleReadException e = stale(() -> getIn(ap, "alice", seenInUs));
            assertTrue(e.getMessage().contains("region " + EU) && e.getMessage().contains("which region " + US + " had applied"),
                    e.getMessage());
            three.healRegion(Global.AP);
            three.settle();
            assertEquals(9, getIn(ap, "alice", seenInUs).item().orElseThrow().getNumber("balance").intValue());
        } finally {
            three.close();
        }
    }

    @Test
    void aRequirementOnADifferentPartitionDoesNotBlockARead() {
        Positions p = put(us, Item.of("id", "alice")).positions();
        int blocked = 0;
        for (int i = 0; i < 40; i++) {
            String id = "other" + i;
            try {
                getIn(eu, id, p);
            } catch (StaleReadException e) {
                blocked++;
            }
        }
        assertTrue(blocked > 0 && blocked < 40, "only keys of alice's partition wait for it: " + blocked + " of 40 refused");
    }
}
