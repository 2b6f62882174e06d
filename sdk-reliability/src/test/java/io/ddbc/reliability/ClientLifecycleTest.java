package io.ddbc.reliability;

import static io.ddbc.reliability.Store.ACCOUNTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcException;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.aws.testing.DynamoDbLocalServer;
import io.ddbc.core.Ddbc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** close() releases every thread and socket the client made, and later operations fail clearly. */
class ClientLifecycleTest {

    @Test
    void closingAnEmbeddedClientReleasesItsSyncAndAsyncThreads() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        DdbcClient client = Ddbc.connect("ddbc:embedded:mem?partitions=4&replicas=3"); // real time: a replication thread
        exercise(client, "lifecycle");
        List<String> started = threadsStartedSince(before, t -> true).stream().map(Thread::getName).toList();
        // the real-time replication scheduler of the three-replica engine and the async pool must both exist, or the check is empty
        assertTrue(started.stream().anyMatch(n -> n.startsWith("ddbc-embedded-replication")), "no replication thread: " + started);
        assertTrue(started.stream().anyMatch(n -> n.startsWith("ddbc-async")), "no async thread: " + started);
        client.close();
        assertEquals(List.of(), survivors(before, t -> true), "threads left alive after close()");
        assertClosed(client);
    }

    @Test
    void closingAMultiRegionEmbeddedClientReleasesTheThreadsOfEveryRegion() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        DdbcClient client = Ddbc.connect("ddbc:embedded:mem?regions=us-east-1,eu-west-1&home=eu-west-1"); // real time
        exercise(client, "lifecycle");
        // async work in the other region too, so its engine's pool has started
        var us = client.newSession("us-east-1");
        for (int i = 0; i < 20; i++) us.table("lifecycle").get(Key.of("id", "k" + i)).executeAsync().join();
        List<String> started = threadsStartedSince(before, t -> true).stream().map(Thread::getName).toList();
        assertTrue(started.stream().anyMatch(n -> n.startsWith("ddbc-embedded-replication")), "no replication thread: " + started);
        assertTrue(started.stream().filter(n -> n.startsWith("ddbc-async")).count() >= 2, "async threads of both regions expected: " + started);
        client.close();
        assertEquals(List.of(), survivors(before, t -> true), "threads left alive after close()");
        assertClosed(client);
    }

    @Test
    void closingAnAwsClientShutsItsConnectionsAndThreads() throws Exception {
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start()) {
            // Warm the server's own threads up first so that only the client's threads are new afterwards.
            try (DdbcClient warm = Ddbc.builder().backend(io.ddbc.aws.AwsBackend.wrap(server.client())).build()) {
                exercise(warm, "warmup");
            }
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            Set<Integer> otherSockets = established(server.port()); // the server's own client (the warm-up) keeps its pool
            DdbcClient client = Ddbc.connect("ddbc:aws:?endpoint=" + server.endpoint());
            exercise(client, "lifecycle");
            assertFalse(newSockets(server.port(), otherSockets).isEmpty(), "no client connection: the check could not fail");
            assertFalse(threadsStartedSince(before, notServerThread()).isEmpty(), "the client started no thread: the check could not fail");
            client.close();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!newSockets(server.port(), otherSockets).isEmpty() && System.nanoTime() < deadline) Thread.sleep(20);
            assertEquals(Set.of(), newSockets(server.port(), otherSockets), "client sockets (local ports) still ESTABLISHED after close()");
            assertEquals(List.of(), survivors(before, notServerThread()), "threads left alive after close()");
            assertClosed(client);
        }
    }

    /** Sync and async operations of every kind, so that every lazily started resource exists. */
    private static void exercise(DdbcClient client, String table) {
        client.createTable(TableSpec.builder(table).partitionKey("id", AttributeValue.Type.S).build());
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            client.table(table).put(Item.of("id", "k" + i, "n", i)).execute();
            pending.add(client.table(table).get(Key.of("id", "k" + i)).consistency(Consistency.STRONG).executeAsync());
            pending.add(client.executeAsync(GetRequest.builder(table, Key.of("id", "k" + i)).build()));
        }
        pending.forEach(CompletableFuture::join);
        client.newSession().table(table).query().keyCondition("id = :k").value(":k", "k1").execute();
        client.batchGet().add(table, Key.of("id", "k1"), Key.of("id", "k2")).execute();
        client.transactWrite().put(table, Item.of("id", "t")).execute();
    }

    private static void assertClosed(DdbcClient client) {
        DdbcException e = assertThrows(DdbcException.class, () -> client.table(ACCOUNTS).get(Key.of("id", "a")).execute());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        CompletionException async = assertThrows(CompletionException.class,
                () -> client.executeAsync(GetRequest.builder(ACCOUNTS, Key.of("id", "a")).build()).join());
        assertTrue(async.getCause() instanceof DdbcException && async.getCause().getMessage().contains("closed"), String.valueOf(async.getCause()));
        client.close(); // idempotent
    }

    private static List<Thread> threadsStartedSince(Set<Thread> before, Predicate<Thread> counted) {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.isAlive() && counted.test(t)) out.add(t);
        }
        return out;
    }

    /** New threads still alive after a grace period for threads that are already ending. */
    private static List<String> survivors(Set<Thread> before, Predicate<Thread> counted) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Thread> alive = threadsStartedSince(before, counted);
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            alive = threadsStartedSince(before, counted);
        }
        return alive.stream().map(t -> t.getName() + " at " + java.util.Arrays.toString(t.getStackTrace())).toList();
    }

    /**
     * DynamoDB Local's own threads (Jetty, SQLite, its table jobs) serve the test's server, not the client.
     * An idle worker of one of its pools shows only JDK frames, so a "pool-N-" thread counts as the
     * server's when another thread of the same pool runs server code.
     */
    private static Predicate<Thread> notServerThread() {
        Set<String> serverPools = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (runsServerCode(t)) serverPools.add(poolOf(t));
        }
        return t -> !runsServerCode(t) && !serverPools.contains(poolOf(t)) && !t.getName().startsWith("qtp");
    }

    private static boolean runsServerCode(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("com.amazonaws.services.dynamodbv2.") || c.startsWith("org.eclipse.jetty.") || c.startsWith("com.almworks.sqlite4java.")) {
                return true;
            }
        }
        return false;
    }

    private static String poolOf(Thread t) {
        String n = t.getName();
        int cut = n.startsWith("pool-") ? n.indexOf("-thread-") : -1;
        return cut > 0 ? n.substring(0, cut) : n;
    }

    private static Set<Integer> newSockets(int port, Set<Integer> others) throws Exception {
        Set<Integer> now = new java.util.TreeSet<>(established(port));
        now.removeAll(others);
        return now;
    }

    /** Local ports of ESTABLISHED TCP connections whose remote end is the port (/proc/net/tcp{,6}): clients' sides. */
    static Set<Integer> established(int port) throws Exception {
        Set<Integer> n = new java.util.HashSet<>();
        for (String f : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(f);
            if (!Files.exists(p)) continue;
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                String[] cols = line.trim().split("\\s+");
                int remotePort = Integer.parseInt(cols[2].split(":")[1], 16);
                if (remotePort == port && cols[3].equals("01")) n.add(Integer.parseInt(cols[1].split(":")[1], 16));
            }
        }
        return n;
    }
}
