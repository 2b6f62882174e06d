package io.ddbc.embedded.internal.expr;

import io.ddbc.api.ValidationException;

/**
 * Compiles DynamoDB expressions once into immutable, thread-safe evaluators. One
 * {@link Placeholders} is shared by all expressions of a request so that unused or missing
 * placeholders are reported as DynamoDB does.
 *
 * <p>Errors are {@link ValidationException}s worded like DynamoDB's, naming the offending token,
 * e.g. {@code Invalid ConditionExpression: Syntax error; token: "AND", near: "a AND AND"}.
 *
 * <pre>{@code
 * Placeholders p = new Placeholders(Expressions.builder().name("#s", "status").value(":a", "active").build());
 * CompiledCondition active = ExpressionCompiler.condition("ConditionExpression", "#s = :a", p);
 * p.checkAllUsed();
 * boolean ok = active.test(item);
 * }</pre>
 */
public final class ExpressionCompiler {
    private ExpressionCompiler() {
    }

    /** A ConditionExpression or FilterExpression ({@code kind} is used in messages: "ConditionExpression", "FilterExpression"). */
    public static CompiledCondition condition(String kind, String text, Placeholders placeholders) {
        ConditionParser parser = new ConditionParser(kind, text, placeholders);
        return new ConditionImpl(parser.parse(), parser.topLevel);
    }

    /** An UpdateExpression. */
    public static CompiledUpdate update(String text, Placeholders placeholders) {
        return new UpdateImpl(new UpdateParser(text, placeholders).parse());
    }

    /** A ProjectionExpression. */
    public static CompiledProjection projection(String text, Placeholders placeholders) {
        return new ProjectionImpl(new ProjectionParser(text, placeholders).parse());
    }

    /** A KeyConditionExpression. */
    public static CompiledKeyCondition keyCondition(String text, Placeholders placeholders) {
        return KeyConditionCompiler.compile(text, placeholders);
    }
}
