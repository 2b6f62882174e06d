package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbc.api.ConsumedCapacity;
import io.ddbc.api.Consistency;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.WriteResult;
import org.junit.jupiter.api.Test;

/** DynamoDB's capacity rules, each with numbers worked out by hand from the rule. */
class CapacityTest {
    private final EmbeddedBackend b = Fixture.backendWithTables();

    /** An item of exactly {@code size} bytes in table SIMPLE: "id"(2)+"k"(1) + "pad"(3) + padding. */
    private static Item simpleOfSize(int size) {
        return Item.of("id", "k", "pad", Fixture.bytes(size - 6));
    }

    private WriteResult put(String table, Item item) {
        return b.put(PutRequest.builder(table, item).build());
    }

    @Test
    void readUnitsAreFourKilobyteSteps() {
        put(Fixture.SIMPLE, simpleOfSize(4096));
        GetRequest.Builder get = GetRequest.builder(Fixture.SIMPLE, Key.of("id", "k"));
        assertEquals(1.0, b.get(get.consistency(Consistency.STRONG).build()).consumedCapacity().readUnits());
        assertEquals(0.5, b.get(get.consistency(Consistency.EVENTUAL).build()).consumedCapacity().readUnits());
        put(Fixture.SIMPLE, simpleOfSize(4097));
        assertEquals(2.0, b.get(get.consistency(Consistency.STRONG).build()).consumedCapacity().readUnits());
        assertEquals(1.0, b.get(get.consistency(Consistency.EVENTUAL).build()).consumedCapacity().readUnits());
    }

    @Test
    void writeUnitsAreOneKilobyteStepsOnTheLargerImage() {
        assertEquals(1.0, put(Fixture.SIMPLE, simpleOfSize(1024)).consumedCapacity().writeUnits());
        assertEquals(2.0, put(Fixture.SIMPLE, simpleOfSize(1025)).consumedCapacity().writeUnits());
        assertEquals(2.0, put(Fixture.SIMPLE, simpleOfSize(10)).consumedCapacity().writeUnits(), "overwriting a 1025-byte item");
        assertEquals(1.0, put(Fixture.SIMPLE, simpleOfSize(10)).consumedCapacity().writeUnits());
    }

    @Test
    void updateChargesTheLargerOfBeforeAndAfter() {
        put(Fixture.SIMPLE, Item.of("id", "k", "big", Fixture.bytes(5000)));
        WriteResult r = b.update(UpdateRequest.builder(Fixture.SIMPLE, Key.of("id", "k")).expression("REMOVE big").build());
        assertEquals(5.0, r.consumedCapacity().writeUnits());
    }

    @Test
    void deleteChargesTheDeletedItem() {
        put(Fixture.SIMPLE, simpleOfSize(2049));
        assertEquals(3.0, b.delete(DeleteRequest.builder(Fixture.SIMPLE, Key.of("id", "k")).build()).consumedCapacity().writeUnits());
    }

    @Test
    void newIndexEntriesCostOneWriteEachRoundedOnTheirOwn() {
        // by_email (ALL): entry = whole item; by_status (KEYS_ONLY): pk, sk, status; by_rank (LSI, INCLUDE score).
        Item item = Item.of("pk", "p", "sk", 1, "email", "e", "status", "on", "rank", 1, "pad", Fixture.bytes(1500));
        ConsumedCapacity c = put(Fixture.SORTED, item).consumedCapacity();
        assertEquals(2.0, c.table(Fixture.SORTED).write());
        assertEquals(2.0, c.index(Fixture.SORTED, "by_email").write());
        assertEquals(1.0, c.index(Fixture.SORTED, "by_status").write());
        assertEquals(1.0, c.index(Fixture.SORTED, "by_rank").write());
        assertEquals(6.0, c.writeUnits());
    }

    @Test
    void untouchedIndexesCostNothingAndKeyChangesCostTwo() {
        put(Fixture.SORTED, Item.of("pk", "p", "sk", 1, "email", "e", "status", "on"));
        // Only status changes: by_status key changes (delete + put = 2); by_email entry (ALL) changes (1); no rank: LSI untouched.
        ConsumedCapacity c = put(Fixture.SORTED, Item.of("pk", "p", "sk", 1, "email", "e", "status", "off")).consumedCapacity();
        assertEquals(2.0, c.index(Fixture.SORTED, "by_status").write());
        assertEquals(1.0, c.index(Fixture.SORTED, "by_email").write());
        assertEquals(0.0, c.index(Fixture.SORTED, "by_rank").write());
        // A non-projected attribute change: KEYS_ONLY entry unchanged (0), ALL entry rewritten (1).
        ConsumedCapacity d = put(Fixture.SORTED, Item.of("pk", "p", "sk", 1, "email", "e", "status", "off", "x", 1)).consumedCapacity();
        assertEquals(0.0, d.index(Fixture.SORTED, "by_status").write());
        assertEquals(1.0, d.index(Fixture.SORTED, "by_email").write());
        // Removing the index key attribute removes the entry: 1.
        ConsumedCapacity e = put(Fixture.SORTED, Item.of("pk", "p", "sk", 1, "email", "e")).consumedCapacity();
        assertEquals(1.0, e.index(Fixture.SORTED, "by_status").write());
    }

    @Test
    void deleteChargesEachIndexEntryRemoved() {
        put(Fixture.SORTED, Item.of("pk", "p", "sk", 1, "email", "e", "rank", 3));
        ConsumedCapacity c = b.delete(DeleteRequest.builder(Fixture.SORTED, Key.of("pk", "p", "sk", 1)).build()).consumedCapacity();
        assertEquals(1.0, c.table(Fixture.SORTED).write());
        assertEquals(1.0, c.index(Fixture.SORTED, "by_email").write());
        assertEquals(1.0, c.index(Fixture.SORTED, "by_rank").write());
        assertEquals(0.0, c.index(Fixture.SORTED, "by_status").write());
    }

    @Test
    void numberSizesFollowTheDigitPairRule() {
        // 1 + ceil(significant digits / 2): 12345 → 4 bytes; "n"(1) + "id"(2) + "k"(1) = 8 bytes total.
        assertEquals(8, Item.of("id", "k", "n", 12345).sizeInBytes());
        assertEquals(1.0, put(Fixture.SIMPLE, Item.of("id", "k", "n", 12345)).consumedCapacity().writeUnits());
    }
}
