package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.Consistency;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchTest {
    private final EmbeddedBackend b = Fixture.backendWithTables();

    private static List<Key> keys(int n) {
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) keys.add(Key.of("id", "k" + i));
        return keys;
    }

    @Test
    void batchWritePutsAndDeletesAcrossTables() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "gone"));
        BatchWriteResult r = b.batchWrite(BatchWriteRequest.builder().put(Fixture.SIMPLE, Item.of("id", "a"))
                .put(Fixture.SORTED, Item.of("pk", "p", "sk", 1)).delete(Fixture.SIMPLE, Key.of("id", "gone")).build());
        assertFalse(r.hasUnprocessed());
        assertEquals(3.0, r.consumedCapacity().writeUnits());
        assertEquals(Item.of("id", "a"), Fixture.get(b, Fixture.SIMPLE, Key.of("id", "a")));
        assertNull(Fixture.get(b, Fixture.SIMPLE, Key.of("id", "gone")));
    }

    @Test
    void batchWriteLimits() {
        BatchWriteRequest.Builder tooMany = BatchWriteRequest.builder();
        for (int i = 0; i < 26; i++) tooMany.put(Fixture.SIMPLE, Item.of("id", "k" + i));
        Fixture.invalid("Too many items requested for the BatchWriteItem call", () -> b.batchWrite(tooMany.build()));
        Fixture.invalid("Provided list of item keys contains duplicates", () -> b.batchWrite(BatchWriteRequest.builder()
                .put(Fixture.SIMPLE, Item.of("id", "a")).delete(Fixture.SIMPLE, Key.of("id", "a")).build()));
        Fixture.invalid("Missing the key id", () -> b.batchWrite(BatchWriteRequest.builder()
                .put(Fixture.SIMPLE, Item.of("id", "ok")).put(Fixture.SIMPLE, Item.of("x", "a")).build()));
        assertNull(Fixture.get(b, Fixture.SIMPLE, Key.of("id", "ok")), "nothing is applied when one write is invalid");
    }

    @Test
    void batchGetReturnsFoundItemsAndChargesEachItem() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "k0", "pad", Fixture.bytes(5000)));
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "k1"));
        BatchGetResult eventual = b.batchGet(BatchGetRequest.builder().add(Fixture.SIMPLE, keys(3)).build());
        assertEquals(2, eventual.items(Fixture.SIMPLE).size());
        assertEquals(1.0 + 0.5 + 0.5, eventual.consumedCapacity().readUnits(), "2 units × ½, ½, and ½ for the missing item");
        BatchGetResult strong = b.batchGet(BatchGetRequest.builder().add(Fixture.SIMPLE, keys(3)).consistency(Consistency.STRONG).build());
        assertEquals(2.0 + 1 + 1, strong.consumedCapacity().readUnits());
        assertFalse(strong.hasUnprocessed());
    }

    @Test
    void batchGetProjectionAndPerTableConsistency() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "k0", "a", 1, "b", 2));
        Fixture.put(b, Fixture.SORTED, Item.of("pk", "p", "sk", 1));
        BatchGetRequest r = BatchGetRequest.of(java.util.Map.of(
                Fixture.SIMPLE, new BatchGetRequest.TableKeys(keys(1), Consistency.STRONG, "a", io.ddbc.api.Expressions.NONE),
                Fixture.SORTED, new BatchGetRequest.TableKeys(List.of(Key.of("pk", "p", "sk", 1)), Consistency.EVENTUAL, null, null)));
        BatchGetResult res = b.batchGet(r);
        assertEquals(List.of(Item.of("a", 1)), res.items(Fixture.SIMPLE));
        assertEquals(1.0, res.consumedCapacity().table(Fixture.SIMPLE).read());
        assertEquals(0.5, res.consumedCapacity().table(Fixture.SORTED).read());
    }

    @Test
    void batchGetLimits() {
        Fixture.invalid("Too many items requested for the BatchGetItem call",
                () -> b.batchGet(BatchGetRequest.builder().add(Fixture.SIMPLE, keys(101)).build()));
        Fixture.invalid("Provided list of item keys contains duplicates",
                () -> b.batchGet(BatchGetRequest.builder().add(Fixture.SIMPLE, Key.of("id", "a"), Key.of("id", "a")).build()));
        Fixture.invalid("does not match the schema",
                () -> b.batchGet(BatchGetRequest.builder().add(Fixture.SIMPLE, Key.of("x", "a")).build()));
    }

    @Test
    void batchGetOverSixteenMegabytesLeavesKeysUnprocessed() {
        List<Key> keys = keys(60);
        for (Key k : keys) Fixture.put(b, Fixture.SIMPLE, Item.of("id", k.partitionValue(), "pad", Fixture.bytes(390 * 1024)));
        BatchGetResult r = b.batchGet(BatchGetRequest.builder().add(Fixture.SIMPLE, keys).build());
        int found = r.items(Fixture.SIMPLE).size();
        int left = r.unprocessed().get(Fixture.SIMPLE).keys().size();
        assertEquals(60, found + left);
        assertEquals(43, found, "16 MB / 390 KB: the item crossing 16 MB is the last returned");
        Set<Key> all = new HashSet<>(r.unprocessed().get(Fixture.SIMPLE).keys());
        for (Item i : r.items(Fixture.SIMPLE)) all.add(Key.of("id", i.get("id")));
        assertEquals(new HashSet<>(keys), all);
    }
}
