package io.ddbc.embedded.internal.expr;

import io.ddbc.api.ValidationException;

/**
 * Compiles DynamoDB expressions once into immutable, thread-safe evaluators. One
 * {@link Placeholders} is shared by all expressions of a request so that unused or missing
 * placeholders are reported as DynamoDB does.
 *
 * <p>Errors are {@link ValidationException}s worded like DynamoDB's, naming the offending token,
 * e.g. {@code Invalid ConditionExpression: Syntax error; token: "AND", near: "a AND AND"}.
 */
public final class ExpressionCompiler {
    private ExpressionCompiler() {
    }

    /** A ConditionExpression or FilterExpression ({@code kind} is used in messages: "ConditionExpression", "FilterExpression"). */
    public static CompiledCondition condition(String kind, String text, Placeholders placeholders) {
        throw new IllegalStateException("expression engine not merged yet");
    }

    /** An UpdateExpression. */
    public static CompiledUpdate update(String text, Placeholders placeholders) {
        throw new IllegalStateException("expression engine not merged yet");
    }

    /** A ProjectionExpression. */
    public static CompiledProjection projection(String text, Placeholders placeholders) {
        throw new IllegalStateException("expression engine not merged yet");
    }

    /** A KeyConditionExpression. */
    public static CompiledKeyCondition keyCondition(String text, Placeholders placeholders) {
        throw new IllegalStateException("expression engine not merged yet");
    }
}
