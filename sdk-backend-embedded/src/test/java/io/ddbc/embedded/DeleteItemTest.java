package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.WriteResult;
import org.junit.jupiter.api.Test;

class DeleteItemTest {
    private final EmbeddedBackend b = Fixture.backendWithTables();

    @Test
    void deletesAndReturnsTheOldItemChargedOnItsSize() {
        Item big = Item.of("id", "a", "pad", Fixture.bytes(3000));
        Fixture.put(b, Fixture.SIMPLE, big);
        WriteResult r = b.delete(DeleteRequest.builder(Fixture.SIMPLE, Key.of("id", "a")).returnValues(ReturnValues.ALL_OLD).build());
        assertEquals(big, r.attributes().orElseThrow());
        assertEquals(3.0, r.consumedCapacity().writeUnits());
        assertNull(Fixture.get(b, Fixture.SIMPLE, Key.of("id", "a")));
    }

    @Test
    void deletingAMissingItemCostsOneAndReturnsNothing() {
        WriteResult r = b.delete(DeleteRequest.builder(Fixture.SIMPLE, Key.of("id", "none")).returnValues(ReturnValues.ALL_OLD).build());
        assertFalse(r.attributes().isPresent());
        assertEquals(1.0, r.consumedCapacity().writeUnits());
    }

    @Test
    void onlyNoneAndAllOldAreAccepted() {
        Fixture.invalid("Return values set to invalid value",
                () -> b.delete(DeleteRequest.builder(Fixture.SIMPLE, Key.of("id", "a")).returnValues(ReturnValues.ALL_NEW).build()));
    }

    @Test
    void keyMustMatchTheSchema() {
        Fixture.invalid("does not match the schema", () -> b.delete(DeleteRequest.builder(Fixture.SIMPLE, Key.of("nope", "a")).build()));
    }

    @Test
    void conditionalDeleteKeepsTheItemWhenFalse() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "a", "balance", 5));
        ConditionFailedException e = assertThrows(ConditionFailedException.class, () -> b.delete(DeleteRequest.builder(Fixture.SIMPLE,
                Key.of("id", "a")).condition("balance = :z").value(":z", 0).build()));
        assertEquals(Item.of("id", "a", "balance", 5), e.currentItem().orElseThrow());
        b.delete(DeleteRequest.builder(Fixture.SIMPLE, Key.of("id", "a")).condition("balance = :five").value(":five", 5).build());
        assertNull(Fixture.get(b, Fixture.SIMPLE, Key.of("id", "a")));
    }

    @Test
    void removesIndexEntries() {
        Fixture.put(b, Fixture.SORTED, Item.of("pk", "p", "sk", 1, "email", "e@x", "status", "on", "rank", 3));
        b.delete(DeleteRequest.builder(Fixture.SORTED, Key.of("pk", "p", "sk", 1)).build());
        io.ddbc.api.Page gsi = b.scan(io.ddbc.api.ScanRequest.builder(Fixture.SORTED).index("by_email").build());
        io.ddbc.api.Page lsi = b.scan(io.ddbc.api.ScanRequest.builder(Fixture.SORTED).index("by_rank").build());
        assertEquals(0, gsi.count());
        assertEquals(0, lsi.count());
    }
}
