package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.Consistency;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random workloads under random single-AZ faults (crash, isolation, leader failover, lag spikes) on virtual
 * time, several seeds: strong reads always return the last acknowledged write, eventual reads only values
 * that were written, and after healing every replica holds exactly the acknowledged history's final state.
 */
class ReplicaFaultTest {
    private static final long BASE_SEED = Long.getLong("ddbc.seed", 5150L);
    private static final List<String> AZS = List.of("az-a", "az-b", "az-c");
    private static final int KEYS = 12;

    @Test
    void acknowledgedWritesSurviveSingleReplicaFaultsAndFailovers() {
        for (long seed = BASE_SEED; seed < BASE_SEED + 6; seed++) run(seed);
    }

    private static void run(long seed) {
        String at = "seed " + seed + " (rerun with -Dddbc.seed=" + seed + ")";
        Random rnd = new Random(seed);
        try (EmbeddedBackend b = Replicated.virtual(seed, "&partitions=3")) {
            Map<String, Long> acked = new HashMap<>();
            Map<String, Set<Long>> history = new HashMap<>();
            String down = null;
            boolean crashed = false;
            int faults = 0;
            for (int step = 0; step < 1500; step++) {
                String id = "k" + rnd.nextInt(KEYS);
                int dice = rnd.nextInt(100);
                if (dice < 40) {
                    long v = step;
                    b.put(PutRequest.builder(Replicated.ACCOUNTS, Item.of("id", id, "balance", v)).build());
                    acked.put(id, v);
                    history.computeIfAbsent(id, k -> new HashSet<>()).add(v);
                } else if (dice < 48) {
                    b.delete(DeleteRequest.builder(Replicated.ACCOUNTS, Key.of("id", id)).build());
                    acked.remove(id);
                } else if (dice < 65) {
                    assertEquals(acked.get(id), Replicated.balance(Replicated.read(b, id, Consistency.STRONG)), "strong read of " + id + ", " + at);
                } else if (dice < 85) {
                    Long seen = Replicated.balance(Replicated.read(b, id, Consistency.EVENTUAL));
                    assertTrue(seen == null || history.getOrDefault(id, Set.of()).contains(seen), "eventual read of " + id + " = " + seen + ", " + at);
                } else if (dice < 91) {
                    if (down == null) {
                        down = AZS.get(rnd.nextInt(3));
                        crashed = rnd.nextBoolean();
                        if (crashed) b.crashReplica(down);
                        else b.isolateAz(down);
                        assertEquals(crashed ? "crashed" : "isolated", b.stats().zones().get(down), at);
                        assertEquals(0L, b.stats().leaders().get(down), "no partition keeps its leader in a faulty AZ, " + at);
                    } else {
                        if (crashed) b.restartReplica(down);
                        else b.healAz(down);
                        assertEquals("up", b.stats().zones().get(down), at);
                        down = null;
                    }
                    faults++;
                } else if (dice < 95) {
                    b.failoverLeader(Replicated.ACCOUNTS, Key.of("id", id));
                    faults++;
                } else if (dice < 98) {
                    b.advance(Duration.ofMillis(rnd.nextInt(200)));
                } else {
                    b.lagSpike(Duration.ofMillis(rnd.nextInt(2000)), Duration.ofMillis(rnd.nextInt(500)));
                }
            }
            if (down != null) {
                if (crashed) b.restartReplica(down);
                else b.healAz(down);
            }
            b.settle();
            EmbeddedStats s = b.stats();
            assertTrue(s.failovers() > 0 && s.faults().size() >= faults, "faults are visible in stats: " + s.faults() + ", " + at);
            assertEquals(Map.of("az-a", 0L, "az-b", 0L, "az-c", 0L), s.replicationLag(), "every replica caught up, " + at);
            for (int k = 0; k < KEYS; k++) {
                String id = "k" + k;
                assertEquals(acked.get(id), Replicated.balance(Replicated.read(b, id, Consistency.STRONG)), "final " + id + ", " + at);
                // 30 eventual reads reach every replica (routing is random): all of them hold the final state.
                for (int i = 0; i < 30; i++) {
                    GetResult r = Replicated.read(b, id, Consistency.EVENTUAL);
                    assertEquals(acked.get(id), Replicated.balance(r), "replica " + r.servedBy() + " of " + id + ", " + at);
                }
            }
            assertEquals(acked.size(), s.itemsStored(), at);
            assertEquals(0, s.deliveryFailures(), at);
        }
    }

    @Test
    void noQuorumRefusesWritesAndStrongReadsButServesEventualReads() {
        try (EmbeddedBackend b = Replicated.virtual(BASE_SEED, "&partitions=1")) {
            b.put(PutRequest.builder(Replicated.ACCOUNTS, Item.of("id", "alice", "balance", 10)).build());
            b.crashReplica("az-b");
            b.put(PutRequest.builder(Replicated.ACCOUNTS, Item.of("id", "alice", "balance", 20)).build());
            b.isolateAz("az-c");
            BackendUnavailableException e = Fixture.fails(BackendUnavailableException.class, "table 'accounts', partition accounts#0",
                    () -> b.put(PutRequest.builder(Replicated.ACCOUNTS, Item.of("id", "alice", "balance", 30)).build()));
            assertTrue(e.isRetryable() && e.getMessage().contains("no quorum (1 of 3 replicas reachable)"), e.getMessage());
            Fixture.fails(BackendUnavailableException.class, "no quorum", () -> Replicated.read(b, "alice", Consistency.STRONG));
            Fixture.fails(BackendUnavailableException.class, "no quorum", () -> b.transactWrite(io.ddbc.api.TransactWriteRequest.builder()
                    .put(Replicated.ACCOUNTS, Item.of("id", "bob", "balance", 1)).build()));
            for (int i = 0; i < 10; i++) {
                GetResult r = Replicated.read(b, "alice", Consistency.EVENTUAL);
                assertEquals(20L, Replicated.balance(r), "the one reachable replica (the leader) answers with the acknowledged value");
            }
            EmbeddedStats s = b.stats();
            assertEquals(Map.of("az-a", "up", "az-b", "crashed", "az-c", "isolated"), s.zones());
            assertEquals(List.of("crash az-b", "isolate az-c"), s.faults());

            b.crashReplica("az-a");
            Fixture.fails(BackendUnavailableException.class, "no reachable replica", () -> Replicated.read(b, "alice", Consistency.EVENTUAL));

            b.restartReplica("az-b");   // az-b alone: still no quorum; its copy is stale (10) but it must not lead alone
            Fixture.fails(BackendUnavailableException.class, "no quorum", () -> Replicated.read(b, "alice", Consistency.STRONG));
            b.healAz("az-c");           // az-b + az-c: a quorum; az-c acknowledged 20, so it becomes leader
            assertEquals(20L, Replicated.balance(Replicated.read(b, "alice", Consistency.STRONG)));
            assertEquals(1L, b.stats().leaders().get("az-c"));
            b.put(PutRequest.builder(Replicated.ACCOUNTS, Item.of("id", "alice", "balance", 40)).build());
            b.restartReplica("az-a");
            b.settle();
            for (int i = 0; i < 20; i++) assertEquals(40L, Replicated.balance(Replicated.read(b, "alice", Consistency.EVENTUAL)));
        }
    }

    @Test
    void failoverPromotesTheFollowerThatAcknowledged() {
        try (EmbeddedBackend b = Replicated.virtual(BASE_SEED, "&partitions=1")) {
            b.put(PutRequest.builder(Replicated.ACCOUNTS, Item.of("id", "alice", "balance", 500)).build());
            String lagging = b.stats().replicationLag().get("az-b") == 1 ? "az-b" : "az-c";
            String acking = lagging.equals("az-b") ? "az-c" : "az-b";
            b.failoverLeader(Replicated.ACCOUNTS, Key.of("id", "alice"));
            assertEquals(1L, b.stats().leaders().get(acking), "the follower with the highest applied position leads");
            assertEquals(500L, Replicated.balance(Replicated.read(b, "alice", Consistency.STRONG)));
            assertEquals(1, b.stats().failovers());
            Fixture.fails(io.ddbc.api.ValidationException.class, "Unknown availability zone 'az-d'", () -> b.crashReplica("az-d"));
        }
    }
}
