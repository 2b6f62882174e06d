package io.ddbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.SessionToken;
import io.ddbc.api.SessionTokenException;
import io.ddbc.api.StaleReadException;
import io.ddbc.api.Table;
import io.ddbc.aws.testing.Eventually;
import java.util.List;

/** Session guarantees and minVersion reads through the core client, on each backend's own routing. */
class SessionConformanceTest {

    @ConformanceTest
    void sessionReadsItsOwnUpdatesAndDeletes(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            DdbcSession s = f.client().newSession();
            Table t = s.table(table);
            Key key = Key.of("id", "ryw");
            for (int i = 1; i <= 10; i++) {
                t.update(key).expression("SET n = :n").value(":n", i).execute();
                GetResult r = t.get(key).consistency(Consistency.SESSION).execute();
                assertEquals(i, r.item().orElseThrow().getInt("n"), "read-your-writes after update " + i);
                assertEquals(i, r.version().getAsLong());
            }
            t.delete(key).execute();
            assertFalse(t.get(key).consistency(Consistency.SESSION).execute().exists(), "read-your-writes after delete");
            assertEquals(0, t.query().keyCondition("id = :id").value(":id", "ryw").consistency(Consistency.SESSION).execute().count(),
                    "a session query does not see the deleted item");
        }
    }

    @ConformanceTest
    void aSerializedTokenResumesTheSessionInAnotherClient(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            DdbcClient writerProcess = f.client();
            DdbcClient readerProcess = f.client();
            DdbcSession s = writerProcess.newSession();
            Key key = Key.of("id", "handover");
            for (int i = 1; i <= 5; i++) s.table(table).update(key).expression("SET n = :n").value(":n", i).execute();
            String wire = s.token().serialize();

            DdbcSession resumed = readerProcess.resumeSession(SessionToken.parse(wire));
            GetResult r = resumed.table(table).get(key).consistency(Consistency.SESSION).execute();
            assertEquals(5, r.item().orElseThrow().getInt("n"), "the resumed session reads the writes its token carries");
            assertEquals(5, resumed.token().knownVersion(table, key));
            assertEquals(s.token().scope(), resumed.token().scope());

            assertThrows(SessionTokenException.class, () -> SessionToken.parse("not a token"));
        }
    }

    @ConformanceTest
    void sessionReadsAreMonotonicWhileAnotherClientWrites(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            Table writer = f.client().table(table);
            DdbcSession reader = f.client().newSession();
            Key key = Key.of("id", "mono");
            writer.put(Item.of("id", "mono", "n", 0)).execute();
            long last = -1; // nothing seen yet: a lagging replica may not have the put
            for (int i = 1; i <= 15; i++) {
                writer.update(key).expression("SET n = :n").value(":n", i).execute();
                GetResult r = reader.table(table).get(key).consistency(Consistency.SESSION).execute();
                long seen = r.item().map(it -> it.getLong("n")).orElse(-1L);
                assertTrue(seen >= last, "monotonic reads: saw " + seen + " after " + last);
                last = seen;
            }
            // Handed to another process, the session still never goes back.
            DdbcSession elsewhere = f.client().resumeSession(SessionToken.parse(reader.token().serialize()));
            long again = elsewhere.table(table).get(key).consistency(Consistency.SESSION).execute().item().orElseThrow().getLong("n");
            assertTrue(again >= last, "monotonic across processes: " + again + " after " + last);
        }
    }

    @ConformanceTest
    void minVersionReadsEscalateAndFailWhenTheVersionDoesNotExist(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            Table t = f.client().table(table);
            Key key = Key.of("id", "mv");
            t.put(Item.of("id", "mv", "n", 1)).execute();
            t.update(key).expression("SET n = :n").value(":n", 2).execute();
            t.update(key).expression("SET n = :n").value(":n", 3).execute();

            GetResult met = t.get(key).consistency(Consistency.EVENTUAL).minVersion(3).execute();
            assertEquals(3, met.version().getAsLong());
            assertEquals(3, met.item().orElseThrow().getInt("n"));
            assertTrue(t.get(key).consistency(Consistency.EVENTUAL).minVersion(2).execute().version().getAsLong() >= 2);

            StaleReadException stale = assertThrows(StaleReadException.class,
                    () -> t.get(key).consistency(Consistency.EVENTUAL).minVersion(9).execute());
            assertEquals(9, stale.requiredVersion());
            assertEquals(3, stale.seenVersion());
            assertEquals(table, stale.tableName());
            assertTrue(stale.getMessage().contains(table), stale.getMessage());
        }
    }

    /**
     * Issue 17: a session that wrote more than 16 keys folds the older ones into hashed buckets holding the
     * highest version seen. A bucket is a hint, so an index query returning another key of the same bucket
     * (written by someone else, at a lower version) is answered at once; the session's recent write is still
     * read back through the index. And a token anyone can build with the public API, unsigned, claiming
     * versions no item has, costs at most strong reads: it never makes a read fail.
     */
    @ConformanceTest
    void foldedOrUnsignedSessionKnowledgeNeverFailsAnIndexQuery(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            DdbcClient process = f.client();
            DdbcSession s = process.newSession();
            Table t = s.table(table);
            for (int i = 0; i < 40; i++) {
                Key k = Key.of("id", "w" + i);
                t.put(Item.of("id", "w" + i, "grp", "mine")).execute();
                t.update(k).expression("SET n = :n").value(":n", 2).execute();
                t.update(k).expression("SET n = :n").value(":n", 3).execute();   // version 3
            }
            Key bystander = null;
            for (int i = 0; bystander == null; i++) {
                Key k = Key.of("id", "bystander-" + i);
                if (s.token().exactVersion(table, k) == 0 && s.token().knownVersion(table, k) >= 3) bystander = k;
            }
            String other = bystander.partitionValue().s();
            f.client().table(table).put(Item.of("id", other, "grp", "g", "n", 1)).execute();   // another process, version 1
            t.update(Key.of("id", "recent")).expression("SET grp = :g, n = :n").value(":g", "g").value(":n", 1).execute();
            t.update(Key.of("id", "recent")).expression("SET n = :n").value(":n", 2).execute();   // version 2
            settle(process);
            Table observer = f.client().table(table);
            Eventually.read(() -> observer.query().index("by_grp").keyCondition("grp = :g").value(":g", "g").consistency(Consistency.EVENTUAL)
                    .execute().count(), n -> n == 2);

            List<Item> seen = t.query().index("by_grp").keyCondition("grp = :g").value(":g", "g").consistency(Consistency.SESSION)
                    .execute().items();
            assertEquals(2, seen.size(), "both items: " + seen);
            Item mine = seen.stream().filter(i -> i.getString("id").equals("recent")).findFirst().orElseThrow();
            assertEquals(2, mine.getLong("n"), "read-your-writes through the index after folding");

            // Crafted, unsigned: claims version 1,000,000 of the bystander and of the recent item.
            SessionToken crafted = SessionToken.empty(s.token().scope(), s.token().region()).withVersion(table, bystander, 1_000_000)
                    .withVersion(table, Key.of("id", "recent"), 1_000_000);
            DdbcSession resumed = f.client().resumeSession(SessionToken.parse(crafted.serialize()));
            assertEquals(2, resumed.table(table).query().index("by_grp").keyCondition("grp = :g").value(":g", "g")
                    .consistency(Consistency.SESSION).execute().count());
            GetResult g = resumed.table(table).get(bystander).consistency(Consistency.SESSION).execute();
            assertEquals(1, g.version().getAsLong(), "upgraded at most, never refused");
        }
    }

    /** Applies pending replication on the embedded engine (so the index shows every write); nothing elsewhere. */
    private static void settle(DdbcClient client) {
        try {
            client.unwrap(io.ddbc.embedded.EmbeddedControl.class).settle();
        } catch (io.ddbc.api.DdbcConfigException notEmbedded) {
            // DynamoDB Local updates its indexes before it answers
        }
    }
}
