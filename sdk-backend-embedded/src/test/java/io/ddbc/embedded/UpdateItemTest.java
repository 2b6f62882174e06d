package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.WriteResult;
import org.junit.jupiter.api.Test;

class UpdateItemTest {
    private final EmbeddedBackend b = Fixture.backendWithTables();
    private final Key a = Key.of("id", "a");

    private UpdateRequest.Builder update(String expression) {
        return UpdateRequest.builder(Fixture.SIMPLE, a).expression(expression);
    }

    @Test
    void updateWithoutExpressionCreatesTheKeyOnlyItem() {
        WriteResult r = b.update(UpdateRequest.builder(Fixture.SIMPLE, a).returnValues(ReturnValues.ALL_NEW).build());
        assertEquals(Item.of("id", "a"), r.attributes().orElseThrow());
        assertEquals(Item.of("id", "a"), Fixture.get(b, Fixture.SIMPLE, a));
    }

    @Test
    void setAndAddCreateAndChangeTheItem() {
        b.update(update("SET balance = :z").value(":z", 0).build());
        WriteResult r = b.update(update("SET balance = balance + :d").value(":d", 500).returnValues(ReturnValues.ALL_NEW).build());
        assertEquals(Item.of("id", "a", "balance", 500), r.attributes().orElseThrow());
        b.update(update("ADD visits :one").value(":one", 1).build());
        assertEquals(Item.of("id", "a", "balance", 500, "visits", 1), Fixture.get(b, Fixture.SIMPLE, a));
    }

    @Test
    void returnValuesVariants() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "a", "x", 1, "y", 2));
        assertEquals(Item.of("id", "a", "x", 1, "y", 2),
                b.update(update("SET x = :v").value(":v", 10).returnValues(ReturnValues.ALL_OLD).build()).attributes().orElseThrow());
        assertEquals(Item.of("x", 10),
                b.update(update("SET x = :v").value(":v", 11).returnValues(ReturnValues.UPDATED_OLD).build()).attributes().orElseThrow());
        assertEquals(Item.of("x", 12),
                b.update(update("SET x = :v").value(":v", 12).returnValues(ReturnValues.UPDATED_NEW).build()).attributes().orElseThrow());
        assertFalse(b.update(update("SET x = :v").value(":v", 13).build()).attributes().isPresent());
    }

    @Test
    void updatedOldAndNewReturnOnlyTheUpdatedPaths() {
        io.ddbc.api.AttributeValue m = io.ddbc.api.AttributeValue.m(java.util.Map.of("b", io.ddbc.api.AttributeValue.n(1),
                "c", io.ddbc.api.AttributeValue.n(2)));
        Fixture.put(b, Fixture.SIMPLE, Item.builder().put("id", Fixture.s("a")).put("m", m).put("z", Fixture.s("kept")).build());
        Item oldParts = b.update(update("SET m.b = :v").value(":v", 9).returnValues(ReturnValues.UPDATED_OLD).build()).attributes().orElseThrow();
        assertEquals(Item.builder().put("m", io.ddbc.api.AttributeValue.m(java.util.Map.of("b", io.ddbc.api.AttributeValue.n(1)))).build(), oldParts);
        Item newParts = b.update(update("SET m.b = :v").value(":v", 10).returnValues(ReturnValues.UPDATED_NEW).build()).attributes().orElseThrow();
        assertEquals(Item.builder().put("m", io.ddbc.api.AttributeValue.m(java.util.Map.of("b", io.ddbc.api.AttributeValue.n(10)))).build(), newParts);
    }

    @Test
    void keyAttributesCannotBeUpdated() {
        Fixture.invalid("Cannot update attribute id. This attribute is part of the key",
                () -> b.update(update("SET id = :v").value(":v", "b").build()));
    }

    @Test
    void conditionFailureLeavesTheItem() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "a", "balance", 50));
        ConditionFailedException e = assertThrows(ConditionFailedException.class, () -> b.update(update("SET balance = balance - :a")
                .condition("balance >= :a").value(":a", 100).build()));
        assertEquals(Item.of("id", "a", "balance", 50), e.currentItem().orElseThrow());
        assertEquals(Item.of("id", "a", "balance", 50), Fixture.get(b, Fixture.SIMPLE, a));
    }

    @Test
    void anUpdateThatMakesTheItemTooLargeIsRejected() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "a", "p1", Fixture.bytes(300 * 1024)));
        Fixture.invalid("Item size to update has exceeded the maximum allowed size",
                () -> b.update(update("SET p2 = :v").value(":v", Fixture.bytes(200 * 1024)).build()));
    }

    @Test
    void writingAnIndexKeyWithTheWrongTypeIsRejected() {
        Fixture.invalid("Type mismatch for Index Key email Expected: S Actual: N IndexName: by_email",
                () -> b.update(UpdateRequest.builder(Fixture.SORTED, Key.of("pk", "p", "sk", 1)).expression("SET email = :e")
                        .value(":e", 5).build()));
    }

    @Test
    void unusedValuePlaceholderIsRejected() {
        assertThrows(io.ddbc.api.ValidationException.class, () -> b.update(update("SET x = :v").value(":v", 1).value(":unused", 2).build()));
    }
}
