package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcException;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.api.ValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Error messages speak of what the application wrote, never of the expressions ddbc rewrote it into (managed
 * versions, write markers, putIfAbsent's key placeholder).
 */
class UserFacingMessagesTest {
    private DdbcClient client;

    @BeforeEach
    void open() {
        client = Ddbc.connect("ddbc:embedded:mem?replicas=1");
        client.createTable(TableSpec.builder("plain").partitionKey("id", AttributeValue.Type.S).build());
        client.createTable(TableSpec.builder("versioned").partitionKey("id", AttributeValue.Type.S).versionAttribute("version").build());
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static void assertNoInternals(DdbcException e) {
        String m = e.getMessage();
        System.out.println(m);
        assertFalse(m.contains("ddbc_"), "message shows ddbc's rewrite: " + m);
    }

    @Test
    void aRepeatedPutIfAbsentSaysTheItemExists() {
        for (String table : new String[] {"plain", "versioned"}) {
            client.table(table).putIfAbsent(Item.of("id", "a")).execute();
            ConditionFailedException e = assertThrows(ConditionFailedException.class,
                    () -> client.table(table).putIfAbsent(Item.of("id", "a")).execute());
            assertNoInternals(e);
            assertTrue(e.getMessage().contains("item already exists"), e.getMessage());
            assertTrue(e.condition().orElseThrow().equals("attribute_not_exists(id)"), e.condition().toString());
            assertTrue(e.currentItem().isPresent());
        }
    }

    @Test
    void aSyntaxErrorInAVersionedUpdateQuotesOnlyTheApplicationsExpression() {
        client.table("versioned").put(Item.of("id", "a", "balance", 1)).execute();
        ValidationException e = assertThrows(ValidationException.class, () -> client.table("versioned").update(Key.of("id", "a"))
                .expression("SET balance = balance +").execute());
        assertNoInternals(e);
        assertTrue(e.getMessage().contains("\"SET balance = balance +\""), e.getMessage());
        ValidationException merged = assertThrows(ValidationException.class, () -> client.table("versioned").update(Key.of("id", "a"))
                .expression("SET balance = balance + :d ADD visits").value(":d", 1).execute());
        assertNoInternals(merged);
    }

    @Test
    void aFalseConditionOnAVersionedTableQuotesTheApplicationsCondition() {
        client.table("versioned").put(Item.of("id", "a", "balance", 1)).execute();
        ConditionFailedException e = assertThrows(ConditionFailedException.class, () -> client.table("versioned").update(Key.of("id", "a"))
                .expression("SET balance = :b").condition("balance > :min").value(":b", 0).value(":min", 5).expectVersion(1).execute());
        assertNoInternals(e);
        assertTrue(e.getMessage().contains("balance > :min"), e.getMessage());
    }
}
