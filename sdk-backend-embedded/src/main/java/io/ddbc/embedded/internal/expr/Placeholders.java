package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Expressions;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code #name} and {@code :value} placeholders of one request, recording which ones its
 * expressions use. Not thread-safe: one per request.
 */
public final class Placeholders {
    private final Expressions expressions;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    /** Wraps a request's placeholders. */
    public Placeholders(Expressions expressions) {
        this.expressions = expressions;
    }

    /** The attribute name of {@code #placeholder}; records it as used. */
    public String name(String placeholder) {
        throw new IllegalStateException("expression engine not merged yet");
    }

    /** The value of {@code :placeholder}; records it as used. */
    public AttributeValue value(String placeholder) {
        throw new IllegalStateException("expression engine not merged yet");
    }

    /**
     * After every expression of the request is compiled: rejects unused placeholders as DynamoDB does
     * ("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}").
     */
    public void checkAllUsed() {
        throw new IllegalStateException("expression engine not merged yet");
    }

    Expressions expressions() {
        return expressions;
    }

    Set<String> usedNames() {
        return usedNames;
    }

    Set<String> usedValues() {
        return usedValues;
    }
}
