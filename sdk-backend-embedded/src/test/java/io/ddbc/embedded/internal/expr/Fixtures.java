package io.ddbc.embedded.internal.expr;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Expressions;
import io.ddbc.api.Item;
import io.ddbc.api.ValidationException;
import org.junit.jupiter.api.function.Executable;

/** Shared helpers for the expression tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** Placeholders from alternating keys and values: "#x" keys map to names, ":x" keys to values. */
    static Placeholders ph(Object... keysAndValues) {
        Expressions.Builder b = Expressions.builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            if (key.startsWith("#")) {
                b.name(key, (String) keysAndValues[i + 1]);
            } else {
                b.value(key, keysAndValues[i + 1]);
            }
        }
        return new Placeholders(b.build());
    }

    static CompiledCondition cond(String text, Object... placeholders) {
        return ExpressionCompiler.condition("ConditionExpression", text, ph(placeholders));
    }

    static boolean test(String text, Item item, Object... placeholders) {
        return cond(text, placeholders).test(item);
    }

    static Item update(Item item, String text, Object... placeholders) {
        return ExpressionCompiler.update(text, ph(placeholders)).apply(item);
    }

    /** Asserts a ValidationException whose message contains every fragment; returns the message. */
    static String assertInvalid(Executable call, String... fragments) {
        ValidationException e = assertThrows(ValidationException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message <" + e.getMessage() + "> lacks <" + f + ">");
        }
        return e.getMessage();
    }
}
