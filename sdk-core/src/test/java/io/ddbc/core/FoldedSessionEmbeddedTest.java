package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Page;
import io.ddbc.api.Positions;
import io.ddbc.api.SessionToken;
import io.ddbc.api.Table;
import io.ddbc.api.TableSpec;
import io.ddbc.embedded.EmbeddedControl;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 part 3 on the embedded engine (positions, replicas, index lag; virtual time without service latency,
 * so the clock moves only when the client waits): folded token buckets and unsigned tokens' claims never make a
 * session index query wait or fail; the session's own recent writes are still waited for. "Did not wait" is
 * read off the virtual clock, not measured.
 */
class FoldedSessionEmbeddedTest {
    static final String TABLE = "orders";
    DdbcClient client;
    DdbcClient otherProcess;
    EmbeddedControl control;

    @BeforeEach
    void open() {
        client = Ddbc.connect("ddbc:embedded:mem?time=virtual&serviceLatencyMs=0&partitions=4&lagMs=50&gsiLagMs=100&seed="
                + EmbeddedFixture.seed());
        control = client.unwrap(EmbeddedControl.class);
        otherProcess = Ddbc.builder().backend(client.unwrap(io.ddbc.spi.Backend.class)).build();
        client.createTable(TableSpec.builder(TABLE).partitionKey("id", AttributeValue.Type.S).versionAttribute("version")
                .globalIndex(IndexSpec.global("by_grp").partitionKey("grp", AttributeValue.Type.S).build()).build());
        control.settle();
    }

    @AfterEach
    void close() {
        otherProcess.close();
        client.close();
    }

    private static Page byGroup(DdbcSession s, String grp) {
        return s.table(TABLE).query().index("by_grp").keyCondition("grp = :g").value(":g", grp).consistency(Consistency.SESSION).execute();
    }

    /** Writes 40 keys, each at version 3, so the buckets they fold into hold 3. */
    private static void writeManyKeys(DdbcSession s) {
        Table t = s.table(TABLE);
        for (int i = 0; i < 40; i++) {
            Key k = Key.of("id", "w" + i);
            t.put(Item.of("id", "w" + i, "grp", "mine")).execute();
            t.update(k).expression("SET n = :n").value(":n", 2).execute();
            t.update(k).expression("SET n = :n").value(":n", 3).execute();
        }
    }

    private static Key bystander(SessionToken t) {
        for (int i = 0; ; i++) {
            Key k = Key.of("id", "bystander-" + i);
            if (t.exactVersion(TABLE, k) == 0 && t.knownVersion(TABLE, k) >= 3) return k;
        }
    }

    @Test
    void aFoldedBucketIsNeverWaitedFor() {
        DdbcSession s = client.newSession();
        writeManyKeys(s);
        Key other = bystander(s.token());
        otherProcess.table(TABLE).put(Item.of("id", other.partitionValue().s(), "grp", "g")).execute();   // version 1
        control.settle();
        Duration before = control.now();
        Page p = byGroup(s, "g");
        assertEquals(1, p.count(), "the bystander, written by another process");
        assertEquals(before, control.now(), "no waiting: the virtual clock did not move");
    }

    @Test
    void theSessionsOwnRecentWriteIsStillWaitedFor() {
        DdbcSession s = client.newSession();
        writeManyKeys(s);
        s.table(TABLE).update(Key.of("id", "recent")).expression("SET grp = :g, n = :n").value(":g", "g").value(":n", 1).execute();
        s.table(TABLE).update(Key.of("id", "recent")).expression("SET n = :n").value(":n", 2).execute();
        Page p = byGroup(s, "g");   // the index lags (gsiLagMs): the read waits in virtual time until it shows version 2
        assertEquals(1, p.count());
        assertEquals(2, p.items().get(0).getLong("n"), "read-your-writes through the index after folding");
    }

    @Test
    void anUnsignedCraftedTokenCannotMakeTheIndexRefuseService() {
        otherProcess.table(TABLE).put(Item.of("id", "x", "grp", "g")).execute();
        control.settle();
        // Learn the index's partitions as anyone could, then claim positions and versions nobody reached.
        Page seen = otherProcess.table(TABLE).query().index("by_grp").keyCondition("grp = :g").value(":g", "g")
                .consistency(Consistency.EVENTUAL).execute();
        Map<Long, Long> huge = seen.positions().asHashedMap().keySet().stream().collect(Collectors.toMap(h -> h, h -> 1_000_000_000L));
        SessionToken crafted = SessionToken.empty(client.newSession().token().scope(), null).withVersion(TABLE, Key.of("id", "x"), 1_000_000)
                .withPositions(Positions.ofHashed(huge, 1_000_000_000L));
        DdbcSession s = client.resumeSession(SessionToken.parse(crafted.serialize()));
        Duration before = control.now();
        Page p = byGroup(s, "g");
        assertEquals(1, p.count());
        // Unverified claims are waited for (read-your-writes across processes) only up to the bound, then served.
        assertTrue(control.now().minus(before).compareTo(java.time.Duration.ofMillis(2_500)) <= 0,
                "an unsigned token's claims cost at most the bounded wait: " + control.now().minus(before));
        assertTrue(s.table(TABLE).get(Key.of("id", "x")).consistency(Consistency.SESSION).execute().exists(),
                "a base-table read is at most routed to the leader");

        // Positions alone: the index would never report them.
        SessionToken positionsOnly = SessionToken.empty(crafted.scope(), null).withPositions(Positions.ofHashed(huge, -1));
        DdbcSession t = client.resumeSession(SessionToken.parse(positionsOnly.serialize()));
        Duration beforePositions = control.now();
        assertEquals(1, byGroup(t, "g").count());
        assertTrue(control.now().minus(beforePositions).compareTo(java.time.Duration.ofMillis(2_500)) <= 0,
                "an unsigned token's positions cost at most the bounded wait: " + control.now().minus(beforePositions));
    }
}
