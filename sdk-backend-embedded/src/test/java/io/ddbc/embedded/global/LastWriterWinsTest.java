package io.ddbc.embedded.global;

import static io.ddbc.embedded.global.Global.ACCOUNTS;
import static io.ddbc.embedded.global.Global.AP;
import static io.ddbc.embedded.global.Global.EU;
import static io.ddbc.embedded.global.Global.US;
import static io.ddbc.embedded.global.Global.key;
import static io.ddbc.embedded.global.Global.put;
import static io.ddbc.embedded.global.Global.strong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.DeleteRequest;
import io.ddbc.api.Item;
import io.ddbc.api.UpdateRequest;
import io.ddbc.embedded.EmbeddedBackend;
import io.ddbc.embedded.ReplicationConflict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Last writer wins per item, by a per-item write stamp; concurrent writes are reported as conflicts, causally
 * later writes are not.
 */
class LastWriterWinsTest {
    private final EmbeddedBackend us = Global.twoRegions(5, "");
    private final EmbeddedBackend eu = us.region(EU);

    @AfterEach
    void close() {
        us.close();
    }

    @Test
    void concurrentPutsConvergeOnTheLaterStampAndAreReportedOnce() {
        put(us, Item.of("id", "alice", "balance", 100));
        us.advance(Duration.ofMillis(1));
        put(eu, Item.of("id", "alice", "balance", 200));
        us.settle();
        assertEquals(200, strong(us, "alice").getNumber("balance").intValue(), "eu-west-1 wrote later");
        assertEquals(200, strong(eu, "alice").getNumber("balance").intValue());
        List<ReplicationConflict> conflicts = us.replicationConflicts();
        assertEquals(1, conflicts.size(), () -> "one pair, detected in both regions, reported once: " + conflicts);
        ReplicationConflict c = conflicts.get(0);
        assertEquals(ACCOUNTS, c.table());
        assertEquals(key("alice"), c.key());
        assertEquals(EU, c.keptRegion());
        assertEquals(US, c.overwrittenRegion());
        assertTrue(c.keptTimestamp().compareTo(c.overwrittenTimestamp()) > 0);
        assertEquals(Optional.of(Item.of("id", "alice", "balance", 100)), c.overwrittenImage(), "the lost write's image");
        assertEquals(conflicts, eu.replicationConflicts(), "conflicts are engine-wide");
    }

    @Test
    void tiesOnTheTimestampGoToTheGreaterRegionName() {
        put(eu, Item.of("id", "alice", "balance", 1));
        put(us, Item.of("id", "alice", "balance", 2));   // same virtual instant: serviceLatencyMs=0
        us.settle();
        assertEquals(2, strong(eu, "alice").getNumber("balance").intValue(), "us-east-1 > eu-west-1");
        ReplicationConflict c = us.replicationConflicts().get(0);
        assertEquals(c.keptTimestamp(), c.overwrittenTimestamp());
        assertEquals(US, c.keptRegion());
    }

    @Test
    void aWriteThatHadSeenTheOneItReplacesIsNotAConflict() {
        put(us, Item.of("id", "alice", "balance", 100));
        us.settle();
        eu.update(UpdateRequest.builder(ACCOUNTS, key("alice")).expression("SET balance = balance + :d").value(":d", 50).build());
        us.settle();
        assertEquals(150, strong(us, "alice").getNumber("balance").intValue());
        assertEquals(List.of(), us.replicationConflicts());
    }

    @Test
    void aCausallyLaterWriteIsNotAConflictInAThirdRegionWhicheverArrivesFirst() {
        EmbeddedBackend three = Global.withAccounts((EmbeddedBackend) Global.open(
                "ddbc:embedded:mem?time=virtual&serviceLatencyMs=0&seed=3&regions=" + US + "," + EU + "," + AP));
        try {
            three.isolateRegion(AP);
            put(three, Item.of("id", "alice", "v", 1));
            three.settle();                                          // eu-west-1 has it; ap-southeast-2 does not
            put(three.region(EU), Item.of("id", "alice", "v", 2));    // made after seeing v=1
            three.settle();
            three.healRegion(AP);
            three.settle();
            for (String r : List.of(US, EU, AP)) assertEquals(2, strong(three.region(r), "alice").getNumber("v").intValue(), r);
            assertEquals(List.of(), three.replicationConflicts());
        } finally {
            three.close();
        }
    }

    @Test
    void aLaterDeleteWinsOverAnEarlierPutAndItsTombstoneReplicates() {
        put(us, Item.of("id", "alice", "balance", 1));
        us.settle();
        put(eu, Item.of("id", "alice", "balance", 2));
        us.advance(Duration.ofMillis(1));
        us.delete(DeleteRequest.builder(ACCOUNTS, key("alice")).build());
        us.settle();
        assertNull(strong(us, "alice"));
        assertNull(strong(eu, "alice"), "the tombstone is later than eu-west-1's put");
        ReplicationConflict c = us.replicationConflicts().get(0);
        assertEquals(US, c.keptRegion());
        assertEquals(Optional.of(Item.of("id", "alice", "balance", 2)), c.overwrittenImage());
    }

    @Test
    void aLaterPutWinsOverAnEarlierDelete() {
        put(us, Item.of("id", "alice", "balance", 1));
        us.settle();
        us.delete(DeleteRequest.builder(ACCOUNTS, key("alice")).build());
        us.advance(Duration.ofMillis(1));
        put(eu, Item.of("id", "alice", "balance", 3));
        us.settle();
        assertEquals(3, strong(us, "alice").getNumber("balance").intValue());
        assertEquals(3, strong(eu, "alice").getNumber("balance").intValue());
        ReplicationConflict c = us.replicationConflicts().get(0);
        assertEquals(EU, c.keptRegion());
        assertEquals(US, c.overwrittenRegion());
        assertEquals(Optional.empty(), c.overwrittenImage(), "the lost write was a delete");
    }

    @Test
    void conditionsAreCheckedAgainstTheLocalRegionOnlySoBothVersionedWritesSucceedAndOneIsLost() {
        put(us, Item.of("id", "alice", "balance", 100, "version", 1));
        us.settle();
        String bump = "SET balance = :b, version = :n";
        us.update(UpdateRequest.builder(ACCOUNTS, key("alice")).expression(bump).condition("version = :v")
                .value(":b", 150).value(":n", 2).value(":v", 1).build());
        us.advance(Duration.ofMillis(1));
        eu.update(UpdateRequest.builder(ACCOUNTS, key("alice")).expression(bump).condition("version = :v")
                .value(":b", 80).value(":n", 2).value(":v", 1).build());
        us.settle();
        assertEquals(80, strong(us, "alice").getNumber("balance").intValue(), "the +50 deposit is silently lost by LWW");
        ReplicationConflict c = us.replicationConflicts().get(0);
        assertEquals(150, c.overwrittenImage().orElseThrow().getNumber("balance").intValue(), "but ddbc reports it");
    }
}
