package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Consistency;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.ServedBy;
import io.ddbc.api.WriteResult;
import io.ddbc.api.PutRequest;
import org.junit.jupiter.api.Test;

class GetItemTest {
    private final EmbeddedBackend b = Fixture.backendWithTables();

    @Test
    void readsWhatWasPutWithPositionsAndLeader() {
        WriteResult w = b.put(PutRequest.builder(Fixture.SIMPLE, Item.of("id", "a", "balance", 500)).build());
        GetResult r = b.get(GetRequest.builder(Fixture.SIMPLE, Key.of("id", "a")).consistency(Consistency.STRONG).build());
        assertEquals(Item.of("id", "a", "balance", 500), r.item().orElseThrow());
        assertEquals(ServedBy.LEADER, r.servedBy());
        assertEquals(1, w.positions().asHashedMap().size());
        String partition = partitionOf(w);
        assertTrue(r.positions().get(partition) >= w.positions().get(partition));
    }

    private static String partitionOf(WriteResult w) {
        for (int i = 0; i < 4; i++) if (w.positions().get(Fixture.SIMPLE + "#" + i) >= 0) return Fixture.SIMPLE + "#" + i;
        throw new AssertionError("no partition id of the form simple#n in " + w.positions());
    }

    @Test
    void missingItemIsEmptyAndCostsTheMinimum() {
        GetResult eventual = b.get(GetRequest.builder(Fixture.SIMPLE, Key.of("id", "none")).build());
        assertFalse(eventual.exists());
        assertEquals(0.5, eventual.consumedCapacity().readUnits());
        GetResult strong = b.get(GetRequest.builder(Fixture.SIMPLE, Key.of("id", "none")).consistency(Consistency.STRONG).build());
        assertEquals(1.0, strong.consumedCapacity().readUnits());
        assertEquals(1.0, strong.consumedCapacity().table(Fixture.SIMPLE).read());
    }

    @Test
    void sortKeyTableNeedsBothKeys() {
        Fixture.invalid("The number of conditions on the keys is invalid", () -> b.get(GetRequest.builder(Fixture.SORTED, Key.of("pk", "a")).build()));
        Fixture.invalid("Type mismatch for key sk expected: N actual: S",
                () -> b.get(GetRequest.builder(Fixture.SORTED, Key.of("pk", "a", "sk", "x")).build()));
        Fixture.invalid("cannot contain an empty string", () -> b.get(GetRequest.builder(Fixture.SIMPLE, Key.of("id", "")).build()));
    }

    @Test
    void sessionAndBoundedConsistencyMustBeResolvedByTheCore() {
        Fixture.invalid("only EVENTUAL or STRONG", () -> b.get(GetRequest.builder(Fixture.SIMPLE, Key.of("id", "a"))
                .consistency(Consistency.SESSION).build()));
    }

    @Test
    void projectionReturnsOnlyNamedAttributesButChargesTheWholeItem() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "a", "name", "Alice", "pad", Fixture.bytes(5000)));
        GetResult r = b.get(GetRequest.builder(Fixture.SIMPLE, Key.of("id", "a")).projection("#n").name("#n", "name")
                .consistency(Consistency.STRONG).build());
        assertEquals(Item.of("name", "Alice"), r.item().orElseThrow());
        assertEquals(2.0, r.consumedCapacity().readUnits());
    }

    @Test
    void unusedPlaceholderWithoutExpressionIsRejected() {
        Fixture.invalid("ExpressionAttributeNames can only be specified when using expressions",
                () -> b.get(GetRequest.builder(Fixture.SIMPLE, Key.of("id", "a")).name("#n", "name").build()));
    }
}
