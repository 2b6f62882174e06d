package io.ddbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Page;
import io.ddbc.api.Positions;
import io.ddbc.api.ServedBy;
import io.ddbc.api.Table;
import io.ddbc.api.WriteResult;

/**
 * What legitimately differs between backends, asserted per backend rather than skipped: which
 * replica answered, and whether results and session tokens carry positions.
 */
class RoutingConformanceTest {

    @ConformanceTest
    void servedByNamesTheReplicaOnTheEngineAndTheServiceOnAws(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = f.client().newSession().table(f.plainTable());
            Key key = Key.of("id", "r");
            t.put(Item.of("id", "r")).execute();
            GetResult strong = t.get(key).consistency(Consistency.STRONG).execute();
            GetResult eventual = t.get(key).consistency(Consistency.EVENTUAL).execute();
            GetResult session = t.get(key).consistency(Consistency.SESSION).execute();
            Page page = t.query().keyCondition("id = :id").value(":id", "r").consistency(Consistency.STRONG).execute();
            switch (backend) {
                case EMBEDDED, GLOBAL -> {
                    assertEquals(ServedBy.LEADER, strong.servedBy(), "strong reads go to the leader");
                    assertEquals(ServedBy.LEADER, page.servedBy());
                    assertTrue(backend.backendServedBy().contains(eventual.servedBy()), eventual.servedBy().toString());
                    assertTrue(backend.backendServedBy().contains(session.servedBy()), session.servedBy().toString());
                }
                case AWS, WRAPPED, SERVER -> {
                    assertEquals(ServedBy.BACKEND, strong.servedBy(), "DynamoDB does not say which replica answered");
                    assertEquals(ServedBy.BACKEND, eventual.servedBy());
                    assertEquals(ServedBy.BACKEND, session.servedBy());
                    assertEquals(ServedBy.BACKEND, page.servedBy());
                }
            }
            assertTrue(session.exists(), "read-your-writes either way");
        }
    }

    @ConformanceTest
    void positionsExistOnlyWhereTheBackendHasThem(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            DdbcSession s = f.client().newSession();
            WriteResult w = s.table(table).put(Item.of("id", "p", "n", 1)).execute();
            GetResult r = s.table(table).get(Key.of("id", "p")).consistency(Consistency.STRONG).execute();
            if (backend.hasPositions()) {
                assertFalse(w.positions().isEmpty(), "the engine reports the write's position");
                assertFalse(r.positions().isEmpty());
                assertFalse(s.token().positions().isEmpty(), "the session token carries positions");
            } else {
                assertEquals(Positions.NONE, w.positions(), "DynamoDB has no replica positions");
                assertEquals(Positions.NONE, r.positions());
                assertTrue(s.token().positions().isEmpty());
            }
            // Either way the token knows the item's version, which is what AWS sessions rely on.
            assertEquals(1, s.token().knownVersion(table, Key.of("id", "p")));
        }
    }
}
