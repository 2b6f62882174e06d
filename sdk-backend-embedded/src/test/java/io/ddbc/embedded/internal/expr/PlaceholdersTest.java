package io.ddbc.embedded.internal.expr;

import static io.ddbc.embedded.internal.expr.Fixtures.assertInvalid;
import static io.ddbc.embedded.internal.expr.Fixtures.cond;
import static io.ddbc.embedded.internal.expr.Fixtures.ph;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code #name} and {@code :value} placeholders: resolution, usage tracking, DynamoDB's messages. */
class PlaceholdersTest {

    @Test
    void resolvesAndRecordsUsage() {
        Placeholders p = ph("#a", "status", ":v", 1);
        assertEquals("status", p.name("#a"));
        assertEquals(AttributeValue.n(1), p.value(":v"));
        assertEquals(Set.of("#a"), p.usedNames());
        assertEquals(Set.of(":v"), p.usedValues());
        assertDoesNotThrow(p::checkAllUsed);
    }

    @Test
    void missingPlaceholders() {
        Placeholders p = ph();
        assertInvalid(() -> p.name("#x"), "An expression attribute name used in the document path is not defined; attribute name: #x");
        assertInvalid(() -> p.value(":x"), "An expression attribute value used in expression is not defined; attribute value: :x");
        assertInvalid(() -> cond("#x = :v", ":v", 1),
                "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #x");
        assertInvalid(() -> cond("a = :x"),
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :x");
        assertInvalid(() -> Fixtures.update(Item.empty(), "SET #a = :v", ":v", 1), "Invalid UpdateExpression", "attribute name: #a");
    }

    @Test
    void unusedPlaceholdersAcrossTheRequest() {
        Placeholders p = ph("#a", "x", "#b", "y", ":v", 1, ":w", 2);
        ExpressionCompiler.condition("ConditionExpression", "#a = :v", p);
        assertInvalid(p::checkAllUsed, "Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}");
        ExpressionCompiler.projection("#b", p);
        assertInvalid(p::checkAllUsed, "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}");
        ExpressionCompiler.update("SET c = :w", p);
        assertDoesNotThrow(p::checkAllUsed);
    }

    @Test
    void listsEveryUnusedKey() {
        Placeholders p = ph(":a", 1, ":b", 2, ":c", 3);
        p.value(":b");
        assertInvalid(p::checkAllUsed, "keys: {:a, :c}");
    }

    @Test
    void placeholdersStandForWholeNamesAndBypassReservedWords() {
        Item i = Item.of("status", "on", "a.b", 1, "a", java.util.Map.of("b", 2));
        assertTrue(Fixtures.test("#s = :v", i, "#s", "status", ":v", "on"));
        assertTrue(Fixtures.test("#dotted = :one", i, "#dotted", "a.b", ":one", 1));   // a literal dot, not a path
        assertTrue(Fixtures.test("#a.#b = :two", i, "#a", "a", "#b", "b", ":two", 2));
    }
}
