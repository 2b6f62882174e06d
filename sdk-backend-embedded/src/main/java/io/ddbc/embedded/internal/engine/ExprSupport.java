package io.ddbc.embedded.internal.engine;

import io.ddbc.api.Expressions;
import io.ddbc.api.ValidationException;
import io.ddbc.embedded.internal.expr.Placeholders;
import io.ddbc.embedded.internal.storage.IndexLayout;
import java.util.Set;

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

    /**
     * Key attributes are scalars: a document path below one ({@code pk.b}, {@code pk[3]}, {@code g.x} where
     * {@code g} keys any index of the table) in any expression of the request is rejected as DynamoDB rejects
     * it — the table's keys first, then the indexes' — instead of being evaluated as a path that can never
     * resolve. {@code exempt} names attributes reported otherwise (an update's table-key targets: "Cannot
     * update attribute pk").
     */
    static void checkKeyPaths(Placeholders placeholders, TableState table, Set<String> exempt) {
        if (placeholders == null || placeholders.nestedTopLevel().isEmpty()) return;
        for (String name : placeholders.nestedTopLevel()) {
            if (table.spec().isKeyAttribute(name) && !exempt.contains(name)) throw notScalar("Key: " + name);
        }
        for (String name : placeholders.nestedTopLevel()) {
            if (table.spec().isKeyAttribute(name)) continue;   // an index may share the table's keys: reported above
            for (IndexLayout l : table.layouts()) {
                if (name.equals(l.partitionName()) || name.equals(l.sortName())) throw notScalar("IndexKey: " + name);
            }
        }
    }

    private static ValidationException notScalar(String what) {
        return new ValidationException("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: " + what);
    }

    /** After compiling: every placeholder must have been used. */
    static void finish(Placeholders placeholders) {
        if (placeholders != null) placeholders.checkAllUsed();
    }
}
