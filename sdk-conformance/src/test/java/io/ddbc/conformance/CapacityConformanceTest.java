package io.ddbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.ConsumedCapacity;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Table;
import io.ddbc.api.WriteResult;
import io.ddbc.aws.testing.Eventually;

/**
 * Capacity figures DynamoDB defines the same way on every backend (AWS's documented arithmetic; see
 * /work/shared/reference/dynamodb-capacity-and-limits.md). Left out on purpose, because DynamoDB Local
 * departs from AWS there and the embedded engine follows AWS: BatchGetItem of missing keys,
 * BatchWriteItem delete of a missing item, TransactWriteItems capacity, and empty Query/Scan pages.
 */
class CapacityConformanceTest {
    private static final double EPS = 1e-9;

    @ConformanceTest
    void readUnitsFollowItemSizeAndConsistency(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String items = f.itemsTable();
            Table t = f.client().table(items);
            Key key = Key.of("pk", "r", "sk", 1);
            t.put(Item.of("pk", "r", "sk", 1, "pad", "x".repeat(5 * 1024))).execute(); // just over 5 KB: two 4 KB units

            GetResult strong = t.get(key).consistency(Consistency.STRONG).execute();
            assertTrue(strong.exists());
            assertEquals(2.0, strong.consumedCapacity().readUnits(), EPS);
            assertEquals(2.0, strong.consumedCapacity().table(items).read(), EPS);

            // Eventual reads may miss the write on a lagging replica (a missing item would cost 0.5).
            GetResult eventual = Eventually.read(() -> t.get(key).consistency(Consistency.EVENTUAL).execute(), GetResult::exists);
            assertTrue(eventual.exists());
            // Through the drop-in wrapper, an eventual read of a key the wrapper's own session wrote is upgraded
            // (the wrapper's whole point), so it costs a strong read there.
            assertEquals(backend.upgradesReadsOfItsOwnWrites() ? 2.0 : 1.0, eventual.consumedCapacity().readUnits(), EPS,
                    "eventual is half of strong");

            GetResult missing = t.get(Key.of("pk", "r", "sk", 2)).consistency(Consistency.STRONG).execute();
            assertEquals(1.0, missing.consumedCapacity().readUnits(), EPS, "a missing item costs the minimum");
            assertEquals(0.0, strong.consumedCapacity().writeUnits(), EPS);
        }
    }

    @ConformanceTest
    void sessionReadOfOwnWriteCostsAnEventualReadWhenTheBackendCanTell(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            DdbcSession s = f.client().newSession();
            String pad = "x".repeat(5 * 1024);
            Table versioned = s.table(f.versionedTable());
            versioned.put(Item.of("id", "s", "pad", pad)).execute();
            GetResult known = versioned.get(Key.of("id", "s")).consistency(Consistency.SESSION).execute();
            assertTrue(known.exists());
            // Embedded: a caught-up replica answers at the eventual price. AWS: the eventual read already
            // shows the version the session wrote, so no strong re-read is needed. (The wrapper below the
            // adapter does not know this table's version attribute, so it reads its own write strongly.)
            assertEquals(backend.upgradesReadsOfItsOwnWrites() ? 2.0 : 1.0, known.consumedCapacity().readUnits(), EPS);

            Table unversioned = s.table(f.itemsTable());
            unversioned.put(Item.of("pk", "s", "sk", 1, "pad", pad)).execute();
            GetResult r = unversioned.get(Key.of("pk", "s", "sk", 1)).consistency(Consistency.SESSION).execute();
            assertTrue(r.exists());
            double expected = switch (backend) {
                // positions tell which replica has the write, versions or not
                case EMBEDDED, GLOBAL -> 1.0;
                // no positions and no version attribute: only a strong read can guarantee read-your-writes
                case AWS, WRAPPED, SERVER -> 2.0;
            };
            assertEquals(expected, r.consumedCapacity().readUnits(), EPS);
        }
    }

    @ConformanceTest
    void writeUnitsFollowTheLargerImageRoundedPerKilobyte(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String plain = f.plainTable();
            Table t = f.client().table(plain);
            Key key = Key.of("id", "w");
            WriteResult put = t.put(Item.of("id", "w", "pad", "x".repeat(1536))).execute(); // 1.5 KB
            assertEquals(2.0, put.consumedCapacity().writeUnits(), EPS);
            assertEquals(0.0, put.consumedCapacity().readUnits(), EPS);
            WriteResult shrink = t.put(Item.of("id", "w", "pad", "x")).execute();
            assertEquals(2.0, shrink.consumedCapacity().writeUnits(), EPS, "the larger of the old and new images");
            WriteResult update = t.update(key).expression("SET #p = :p").name("#p", "pad").value(":p", "x".repeat(3000)).execute();
            assertEquals(3.0, update.consumedCapacity().writeUnits(), EPS);
            WriteResult delete = t.delete(key).execute();
            assertEquals(3.0, delete.consumedCapacity().writeUnits(), EPS, "the deleted item's size");
            WriteResult deleteMissing = t.delete(key).execute();
            assertEquals(1.0, deleteMissing.consumedCapacity().writeUnits(), EPS);
        }
    }

    @ConformanceTest
    void indexWritesAreChargedPerIndexEntry(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String items = f.itemsTable();
            Table t = f.client().table(items);
            Key key = Key.of("pk", "g", "sk", 1);
            WriteResult put = t.put(Item.of("pk", "g", "sk", 1, "gpk", "a", "gsk", 1, "lsk", "l", "pad", "x".repeat(1536))).execute();
            ConsumedCapacity c = put.consumedCapacity();
            assertEquals(2.0, c.table(items).write(), EPS);
            assertEquals(2.0, c.index(items, "by_g").write(), EPS, "new GSI entry, ALL projected: 1.5 KB");
            assertEquals(1.0, c.index(items, "by_l").write(), EPS, "new LSI entry, keys only");
            assertEquals(5.0, c.writeUnits(), EPS);

            WriteResult moved = t.update(key).expression("SET gsk = :g").value(":g", 2).execute();
            assertEquals(4.0, moved.consumedCapacity().index(items, "by_g").write(), EPS, "GSI key changed: delete + put");

            WriteResult notIndexed = t.put(Item.of("pk", "g", "sk", 2, "v", 1)).execute();
            assertEquals(1.0, notIndexed.consumedCapacity().writeUnits(), EPS, "no index key, no index write");
        }
    }
}
