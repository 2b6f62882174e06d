package io.ddbc.embedded.internal.engine;

import io.ddbc.api.Expressions;
import io.ddbc.api.ValidationException;
import io.ddbc.embedded.internal.expr.Placeholders;

/** Placeholders of one request: created only when the request has an expression, checked after all are compiled. */
final class ExprSupport {
    private ExprSupport() {
    }

    /**
     * The placeholders for a request whose expression texts are given (nulls for absent ones), or null
     * when it has none; placeholders without any expression are refused as DynamoDB does.
     */
    static Placeholders begin(Expressions expressions, String... texts) {
        for (String t : texts) {
            if (t != null) return new Placeholders(expressions);
        }
        if (!expressions.names().isEmpty()) {
            throw new ValidationException("ExpressionAttributeNames can only be specified when using expressions");
        }
        if (!expressions.values().isEmpty()) {
            throw new ValidationException("ExpressionAttributeValues can only be specified when using expressions");
        }
        return null;
    }

    /** After compiling: every placeholder must have been used. */
    static void finish(Placeholders placeholders) {
        if (placeholders != null) placeholders.checkAllUsed();
    }
}
