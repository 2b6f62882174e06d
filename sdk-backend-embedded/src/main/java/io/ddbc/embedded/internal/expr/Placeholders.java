package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Expressions;
import io.ddbc.api.ValidationException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The {@code #name} and {@code :value} placeholders of one request, recording which ones its
 * expressions use. Not thread-safe: one per request.
 *
 * <pre>{@code
 * Placeholders p = new Placeholders(request.expressions());
 * CompiledCondition c = ExpressionCompiler.condition("ConditionExpression", "#s = :v", p);
 * p.checkAllUsed();   // after every expression of the request is compiled
 * }</pre>
 */
public final class Placeholders {
    private final Expressions expressions;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();
    /** Top-level attributes of the request's expressions reached into by a nested path ({@code a.b}, {@code a[0]}). */
    private final Set<String> nestedTopLevel = new java.util.LinkedHashSet<>();

    /** Wraps a request's placeholders. */
    public Placeholders(Expressions expressions) {
        this.expressions = expressions;
    }

    /** Records that a path of one of the request's expressions goes below the top-level attribute {@code name}. */
    void nested(String name) {
        nestedTopLevel.add(name);
    }

    /**
     * The top-level attributes some document path of the request's expressions goes below, in order of
     * appearance: key attributes are scalars, so the engine rejects such paths into them as DynamoDB does.
     */
    public Set<String> nestedTopLevel() {
        return java.util.Collections.unmodifiableSet(nestedTopLevel);
    }

    /** The attribute name of {@code #placeholder}; records it as used. */
    public String name(String placeholder) {
        String name = findName(placeholder);
        if (name == null) throw new ValidationException(undefinedName(placeholder));
        return name;
    }

    /** The value of {@code :placeholder}; records it as used. */
    public AttributeValue value(String placeholder) {
        AttributeValue value = findValue(placeholder);
        if (value == null) throw new ValidationException(undefinedValue(placeholder));
        return value;
    }

    /** The attribute name of {@code #placeholder}, recorded as used, or null if it is not defined. */
    String findName(String placeholder) {
        return find(expressions.names(), usedNames, placeholder);
    }

    /** The value of {@code :placeholder}, recorded as used, or null if it is not defined. */
    AttributeValue findValue(String placeholder) {
        return find(expressions.values(), usedValues, placeholder);
    }

    static String undefinedName(String placeholder) {
        return "An expression attribute name used in the document path is not defined; attribute name: " + placeholder;
    }

    static String undefinedValue(String placeholder) {
        return "An expression attribute value used in expression is not defined; attribute value: " + placeholder;
    }

    private static <T> T find(Map<String, T> defined, Set<String> used, String placeholder) {
        T found = defined.get(placeholder);
        if (found != null) used.add(placeholder);
        return found;
    }

    /**
     * After every expression of the request is compiled: rejects unused placeholders as DynamoDB does
     * ("Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}").
     */
    public void checkAllUsed() {
        checkUsed("ExpressionAttributeNames", expressions.names().keySet(), usedNames);
        checkUsed("ExpressionAttributeValues", expressions.values().keySet(), usedValues);
    }

    private static void checkUsed(String what, Set<String> provided, Set<String> used) {
        StringJoiner unused = new StringJoiner(", ", "{", "}");
        boolean any = false;
        for (String key : provided) {
            if (!used.contains(key)) {
                unused.add(key);
                any = true;
            }
        }
        if (any) {
            throw new ValidationException("Value provided in " + what + " unused in expressions: keys: " + unused);
        }
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
