package io.ddbc.embedded.global;

import static io.ddbc.embedded.global.Global.ACCOUNTS;
import static io.ddbc.embedded.global.Global.EU;
import static io.ddbc.embedded.global.Global.US;
import static io.ddbc.embedded.global.Global.key;
import static io.ddbc.embedded.global.Global.put;
import static io.ddbc.embedded.global.Global.strong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.DeleteTableRequest;
import io.ddbc.api.DescribeTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.PutRequest;
import io.ddbc.api.ResourceNotFoundException;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.UpdateRequest;
import io.ddbc.embedded.EmbeddedBackend;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writes made in one region reach the others asynchronously, after the cross-region lag, through their own replication. */
class CrossRegionReplicationTest {
    private final EmbeddedBackend us = Global.twoRegions(11, "");
    private final EmbeddedBackend eu = us.region(EU);

    @AfterEach
    void close() {
        us.close();
    }

    @Test
    void aWriteIsInvisibleElsewhereBeforeTheLagAndVisibleAfter() {
        put(us, Item.of("id", "alice", "balance", 100));
        assertEquals(100, strong(us, "alice").getNumber("balance").intValue());
        assertNull(strong(eu, "alice"), "a strong read is strong within its region only");
        assertEquals(1, eu.stats().crossRegionPending());
        us.advance(Duration.ofMillis(1));
        assertNull(strong(eu, "alice"), "1 ms is far below the cross-region lag");
        us.settle();
        assertEquals(100, strong(eu, "alice").getNumber("balance").intValue());
        assertEquals(0, eu.stats().crossRegionPending());
        assertEquals(1, eu.stats().replicatedWrites());
        assertEquals(0, us.stats().replicatedWrites());
    }

    @Test
    void advancingPastTheLagDeliversWithoutSettle() {
        put(eu, Item.of("id", "bob", "balance", 7));
        us.advance(Duration.ofSeconds(60));
        assertEquals(7, strong(us, "bob").getNumber("balance").intValue());
    }

    @Test
    void updatesDeletesBatchesAndTransactionItemsReplicateItemByItem() {
        put(us, Item.of("id", "a", "balance", 1));
        us.update(UpdateRequest.builder(ACCOUNTS, key("a")).expression("SET balance = balance + :d").value(":d", 4).build());
        us.batchWrite(BatchWriteRequest.builder().put(ACCOUNTS, Item.of("id", "b", "balance", 2)).put(ACCOUNTS, Item.of("id", "c")).build());
        us.transactWrite(TransactWriteRequest.builder()
                .put(PutRequest.builder(ACCOUNTS, Item.of("id", "d", "balance", 3)).build())
                .delete(DeleteRequest.builder(ACCOUNTS, key("c")).build()).build());
        us.settle();
        assertEquals(5, strong(eu, "a").getNumber("balance").intValue());
        assertEquals(2, strong(eu, "b").getNumber("balance").intValue());
        assertEquals(3, strong(eu, "d").getNumber("balance").intValue());
        assertNull(strong(eu, "c"), "the delete replicated after the put");
        assertEquals(6, eu.stats().replicatedWrites(), "put, update, 2 batch puts, transaction put and delete");
    }

    @Test
    void replicatedWritesReachTheDestinationsFollowersAndConsumeNoCapacityThere() {
        put(us, Item.of("id", "alice", "balance", 100));
        us.settle();
        assertEquals(0.0, eu.stats().writeUnits(), "replication is not charged to the destination");
        assertEquals(0, eu.stats().operations("PutItem"));
        for (int i = 0; i < 20; i++) {
            Item seen = eu.get(GetRequest.builder(ACCOUNTS, key("alice")).build()).item().orElse(null);
            assertEquals(100, seen.getNumber("balance").intValue(), "every eu-west-1 replica has it after settle");
        }
        assertEquals(0, eu.stats().replicationLag().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void tablesAreGlobal() {
        assertEquals(ACCOUNTS, eu.describeTable(new DescribeTableRequest(ACCOUNTS)).spec().name());
        eu.deleteTable(new DeleteTableRequest(ACCOUNTS));
        assertThrows(ResourceNotFoundException.class, () -> us.describeTable(new DescribeTableRequest(ACCOUNTS)));
        assertThrows(ResourceNotFoundException.class, () -> eu.describeTable(new DescribeTableRequest(ACCOUNTS)));
        Global.withAccounts(eu);
        assertNull(strong(us, "alice"));
    }

    @Test
    void writesInFlightWhenTheTableIsDeletedDoNotReachItsSuccessor() {
        put(us, Item.of("id", "ghost"));
        us.deleteTable(new DeleteTableRequest(ACCOUNTS));
        Global.withAccounts(us);
        us.settle();
        assertNull(strong(eu, "ghost"));
        assertEquals(0, eu.stats().crossRegionPending());
    }

    @Test
    void anAzFaultInOneRegionLeavesTheOtherAlone() {
        eu.crashReplica("az-a");
        assertEquals("crashed", eu.stats().zones().get("az-a"));
        assertEquals("up", us.stats().zones().get("az-a"));
        put(us, Item.of("id", "alice", "balance", 1));
        us.settle();
        assertTrue(strong(eu, "alice") != null, "eu-west-1 still has a quorum and applies replicated writes");
    }

    @Test
    void aDestinationWithoutQuorumHoldsWritesUntilItRecovers() {
        eu.crashReplica("az-a");
        eu.crashReplica("az-b");
        put(us, Item.of("id", "alice", "balance", 1));
        us.settle();
        assertEquals(1, eu.stats().crossRegionPending(), "held while eu-west-1 has no quorum; settle still returns");
        eu.restartReplica("az-b");
        us.settle();
        assertEquals(0, eu.stats().crossRegionPending());
        assertEquals(1, strong(eu, "alice").getNumber("balance").intValue());
    }
}
