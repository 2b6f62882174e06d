package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.Consistency;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import org.junit.jupiter.api.Test;

class EmbeddedControlTest {
    private final EmbeddedBackend b = Fixture.backendWithTables();

    @Test
    void statsCountOperationsItemsPositionsAndCapacity() {
        EmbeddedControl control = b.unwrap(EmbeddedControl.class);
        assertSame(b, control);
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "a"));
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "b", "pad", Fixture.bytes(1500)));
        b.get(GetRequest.builder(Fixture.SIMPLE, Key.of("id", "a")).consistency(Consistency.STRONG).build());
        assertThrows(ConditionFailedException.class, () -> b.put(PutRequest.builder(Fixture.SIMPLE, Item.of("id", "a"))
                .condition("attribute_not_exists(id)").build()));
        EmbeddedStats s = control.stats();
        assertEquals(3, s.operations("PutItem"), "failed requests are counted too");
        assertEquals(1, s.operations("GetItem"));
        assertEquals(2, s.operations("CreateTable"));
        assertEquals(2, s.tables());
        assertEquals(2, s.itemsStored());
        assertEquals(2, s.lastPosition());
        assertEquals(1, s.conditionalCheckFailures());
        assertEquals(1.0, s.readUnits());
        assertEquals(1 + 2 + 1, s.writeUnits(), "the failed conditional put is charged as well");
    }
}
