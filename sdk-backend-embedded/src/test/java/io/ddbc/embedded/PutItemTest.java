package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.WriteResult;
import org.junit.jupiter.api.Test;

class PutItemTest {
    private final EmbeddedBackend b = Fixture.backendWithTables();

    @Test
    void replacesTheWholeItemAndReturnsTheOldOne() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "a", "x", 1, "y", 2));
        WriteResult r = b.put(PutRequest.builder(Fixture.SIMPLE, Item.of("id", "a", "z", 3)).returnValues(ReturnValues.ALL_OLD).build());
        assertEquals(Item.of("id", "a", "x", 1, "y", 2), r.attributes().orElseThrow());
        assertEquals(Item.of("id", "a", "z", 3), Fixture.get(b, Fixture.SIMPLE, Key.of("id", "a")));
    }

    @Test
    void allOldOfANewItemIsEmptyAndNoneReturnsNothing() {
        assertFalse(b.put(PutRequest.builder(Fixture.SIMPLE, Item.of("id", "n")).returnValues(ReturnValues.ALL_OLD).build())
                .attributes().isPresent());
        assertFalse(b.put(PutRequest.builder(Fixture.SIMPLE, Item.of("id", "n", "v", 1)).build()).attributes().isPresent());
    }

    @Test
    void onlyNoneAndAllOldAreAccepted() {
        // DynamoDB's PutItem has no ALL_NEW: the engine rejects it as DynamoDB does (issue 18; this test used to
        // assert the item came back). ddbc's client answers a put's ALL_NEW itself without asking the backend.
        for (ReturnValues rv : new ReturnValues[] {ReturnValues.ALL_NEW, ReturnValues.UPDATED_OLD, ReturnValues.UPDATED_NEW}) {
            Fixture.invalid("Return values set to invalid value",
                    () -> b.put(PutRequest.builder(Fixture.SIMPLE, Item.of("id", "a")).returnValues(rv).build()));
        }
    }

    @Test
    void positionsGrowWithEveryWriteAcrossPartitions() {
        long last = 0;
        for (int i = 0; i < 20; i++) {
            WriteResult r = b.put(PutRequest.builder(Fixture.SIMPLE, Item.of("id", "k" + i)).build());
            long p = r.positions().asHashedMap().values().iterator().next();
            assertTrue(p > last, "position " + p + " after " + last);
            last = p;
        }
    }

    @Test
    void missingOrMistypedKeyIsRejected() {
        Fixture.invalid("Missing the key id", () -> Fixture.put(b, Fixture.SIMPLE, Item.of("other", "a")));
        Fixture.invalid("Type mismatch for key id expected: S actual: N", () -> Fixture.put(b, Fixture.SIMPLE, Item.of("id", 5)));
        Fixture.invalid("Size of hashkey has exceeded the maximum size limit of 2048 bytes",
                () -> Fixture.put(b, Fixture.SIMPLE, Item.of("id", Fixture.bytes(2049))));
        b.createTable(new io.ddbc.api.CreateTableRequest(io.ddbc.api.TableSpec.builder("rangekeys")
                .partitionKey("pk", io.ddbc.api.AttributeValue.Type.S).sortKey("sk", io.ddbc.api.AttributeValue.Type.S).build()));
        Fixture.invalid("Size of rangekey has exceeded the maximum size limit of 1024 bytes",
                () -> Fixture.put(b, "rangekeys", Item.of("pk", "a", "sk", Fixture.bytes(1025))));
    }

    @Test
    void conditionalPutIfAbsent() {
        PutRequest create = PutRequest.builder(Fixture.SIMPLE, Item.of("id", "a", "v", 1)).condition("attribute_not_exists(id)").build();
        b.put(create);
        ConditionFailedException e = assertThrows(ConditionFailedException.class,
                () -> b.put(PutRequest.builder(Fixture.SIMPLE, Item.of("id", "a", "v", 2)).condition("attribute_not_exists(id)").build()));
        assertEquals(Item.of("id", "a", "v", 1), e.currentItem().orElseThrow());
        assertEquals("attribute_not_exists(id)", e.condition().orElseThrow());
        assertEquals(Item.of("id", "a", "v", 1), Fixture.get(b, Fixture.SIMPLE, Key.of("id", "a")));
        assertEquals(1, b.stats().conditionalCheckFailures());
    }

    @Test
    void conditionFailureWithoutReturningTheItem() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "a", "v", 1));
        ConditionFailedException e = assertThrows(ConditionFailedException.class,
                () -> b.put(PutRequest.builder(Fixture.SIMPLE, Item.of("id", "a")).condition("v = :two").value(":two", 2)
                        .returnItemOnConditionFailure(false).build()));
        assertFalse(e.currentItem().isPresent());
    }
}
