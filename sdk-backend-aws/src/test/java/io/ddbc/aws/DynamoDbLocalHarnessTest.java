package io.ddbc.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TableSpec;
import io.ddbc.aws.testing.DynamoDbLocalServer;
import io.ddbc.spi.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The harness itself: a private server listens on 127.0.0.1 only, serves the backend, and leaves no non-daemon thread. */
class DynamoDbLocalHarnessTest {

    @Test
    void privateServerOnLoopbackLeavesNoNonDaemonThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        DynamoDbLocalServer server = DynamoDbLocalServer.start();
        try (Backend backend = AwsBackend.wrap(server.client())) {
            assertEquals(List.of("127.0.0.1"), listeningAddresses(server.port()), "must listen on 127.0.0.1 only");
            assertEquals("aws:" + server.endpoint(), backend.sessionScope());
            backend.createTable(new CreateTableRequest(TableSpec.builder("harness").partitionKey("id", AttributeValue.Type.S).build()));
            backend.put(PutRequest.builder("harness", Item.of("id", "a", "v", 1)).build());
            assertEquals(Item.of("id", "a", "v", 1), backend.get(GetRequest.builder("harness", Key.of("id", "a"))
                    .consistency(Consistency.STRONG).build()).item().orElseThrow());
        } finally {
            server.close();
        }
        List<Thread> leaked = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        do {
            leaked.clear();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (!before.contains(t) && t.isAlive() && !t.isDaemon()) leaked.add(t);
            }
            if (!leaked.isEmpty()) Thread.sleep(50);
        } while (!leaked.isEmpty() && System.nanoTime() < deadline);
        assertTrue(leaked.isEmpty(), "non-daemon threads left after close: " + leaked);
    }

    /** Local addresses of LISTEN sockets on the port, read from /proc (no traffic sent). */
    static List<String> listeningAddresses(int port) throws Exception {
        List<String> out = new ArrayList<>();
        for (String f : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(f);
            if (!Files.exists(p)) continue;
            List<String> lines = Files.readAllLines(p);
            for (String line : lines.subList(1, lines.size())) {
                String[] cols = line.trim().split("\\s+");
                String[] local = cols[1].split(":");
                if (!cols[3].equals("0A") || Integer.parseInt(local[1], 16) != port) continue;
                out.add(decode(local[0]));
            }
        }
        return out;
    }

    private static String decode(String hex) throws java.net.UnknownHostException {
        byte[] b = new byte[hex.length() / 2];
        for (int w = 0; w < b.length / 4; w++) { // /proc prints each 32-bit word little-endian
            for (int i = 0; i < 4; i++) {
                b[w * 4 + i] = (byte) Integer.parseInt(hex.substring(w * 8 + (3 - i) * 2, w * 8 + (3 - i) * 2 + 2), 16);
            }
        }
        return java.net.InetAddress.getByAddress(b).getHostAddress();
    }
}
