package io.ddbc.core.internal;

import io.ddbc.api.ConditionCheck;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.ConditionalWriteRequest;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.Expressions;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import io.ddbc.api.VersionConflictException;
import io.ddbc.core.internal.TableCatalog.TableInfo;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns managed versions into plain DynamoDB expressions, so every backend gets the same mechanism
 * and none ever sees {@code expectVersion}:
 * <ul>
 *   <li>update: {@code ADD #ddbc_v :ddbc_one} (merged into the user's ADD clause if there is one; a new
 *       item starts at 1);</li>
 *   <li>expected version n: {@code #ddbc_v = :ddbc_e}, or {@code attribute_not_exists(#ddbc_v)} for 0,
 *       ANDed with the user's condition in parentheses;</li>
 *   <li>put: the item carries its new version.</li>
 *   <li>every write also sets the {@link WriteMarkers write marker} (a put carries it, an update gets
 *       {@code SET #ddbc_w = :ddbc_w}), so that a write whose answer was lost can recognise itself.</li>
 * </ul>
 */
final class Versioning {
    static final String NAME = "#ddbc_v";
    static final String ONE = ":ddbc_one";
    static final String EXPECTED = ":ddbc_e";
    private static final Pattern ADD_CLAUSE = Pattern.compile("(?i)(^|\\s)ADD\\s+");
    private static final Pattern SET_CLAUSE = Pattern.compile("(?i)(^|\\s)SET\\s+");

    private Versioning() {
    }

    /** The condition that the item's version is {@code expected}. */
    static String versionCondition(long expected) {
        return expected == 0 ? "attribute_not_exists(" + NAME + ")" : NAME + " = " + EXPECTED;
    }

    static String and(String user, String ours) {
        return user == null ? ours : "(" + user + ") AND (" + ours + ")";
    }

    /** The update expression with the version increment merged in. */
    static String withIncrement(String update) {
        String add = NAME + " " + ONE;
        if (update == null) return "ADD " + add;
        Matcher m = ADD_CLAUSE.matcher(update);
        if (m.find()) return update.substring(0, m.end()) + add + ", " + update.substring(m.end());
        return update + " ADD " + add;
    }

    /** The update expression that also sets the write marker (merged into the user's SET clause if there is one). */
    static String withMarker(String update) {
        String set = WriteMarkers.NAME + " = " + WriteMarkers.VALUE;
        Matcher m = SET_CLAUSE.matcher(update);
        if (m.find()) return update.substring(0, m.end()) + set + ", " + update.substring(m.end());
        return update + " SET " + set;
    }

    /** The user's placeholders plus ours. */
    static Expressions placeholders(Expressions user, String attribute, OptionalLong expected, boolean increment) {
        return placeholders(user, attribute, expected, increment, null);
    }

    /** The user's placeholders plus ours, with the write marker's when {@code marker} is not null. */
    static Expressions placeholders(Expressions user, String attribute, OptionalLong expected, boolean increment, String marker) {
        for (String n : user.names().keySet()) reserved(n);
        for (String v : user.values().keySet()) reserved(v);
        Expressions.Builder b = user.toBuilder().name(NAME, attribute);
        if (increment) b.value(ONE, 1);
        if (expected.isPresent() && expected.getAsLong() > 0) b.value(EXPECTED, expected.getAsLong());
        if (marker != null) b.name(WriteMarkers.NAME, WriteMarkers.ATTRIBUTE).value(WriteMarkers.VALUE, marker);
        return b.build();
    }

    private static void reserved(String placeholder) {
        if (placeholder.equals(NAME) || placeholder.equals(ONE) || placeholder.equals(EXPECTED)
                || placeholder.equals(WriteMarkers.NAME) || placeholder.equals(WriteMarkers.VALUE)) {
            throw new ValidationException("Expression placeholder '" + placeholder + "' is reserved for ddbc's managed versions; rename it");
        }
    }

    /** Refuses an expectVersion on a table without a managed version attribute. */
    static void requireVersioned(TableInfo t, ConditionalWriteRequest w) {
        if (w.expectVersion().isPresent() && !t.versioned()) {
            throw new ValidationException("expectVersion on table '" + w.tableName() + "', which has no managed version attribute:"
                    + " declare one with TableSpec.versionAttribute(...) or DdbcClientBuilder.versionAttribute(table, attribute)");
        }
    }

    /**
     * A put of {@code item} with version {@code newVersion} and write marker {@code marker}, conditional on
     * {@code expected}, as the backend sees it.
     */
    static PutRequest put(PutRequest r, TableInfo t, Item item, long newVersion, long expected, ReturnValues returnValues, String marker) {
        OptionalLong e = OptionalLong.of(expected);
        Item sent = item.toBuilder().put(t.versionAttribute(), newVersion).put(WriteMarkers.ATTRIBUTE, marker).build();
        return PutRequest.builder(r.tableName(), sent).key(r.key())
                .condition(and(r.condition(), versionCondition(expected)))
                .expressions(placeholders(r.expressions(), t.versionAttribute(), e, false))
                .returnValues(returnValues).returnItemOnConditionFailure(true).build();
    }

    /** A versioned update, with write marker {@code marker}, as the backend sees it. */
    static UpdateRequest update(UpdateRequest r, TableInfo t, ReturnValues returnValues, String marker) {
        checkNotTouched(r, t);
        OptionalLong e = r.expectVersion();
        return UpdateRequest.builder(r.tableName(), r.key()).expression(withMarker(withIncrement(r.updateExpression())))
                .condition(e.isPresent() ? and(r.condition(), versionCondition(e.getAsLong())) : r.condition())
                .expressions(placeholders(r.expressions(), t.versionAttribute(), e, true, marker))
                .returnValues(returnValues).returnItemOnConditionFailure(e.isPresent() || r.returnItemOnConditionFailure()).build();
    }

    /** A delete as the backend sees it (conditional when a version is expected). */
    static DeleteRequest delete(DeleteRequest r, TableInfo t, ReturnValues returnValues) {
        OptionalLong e = r.expectVersion();
        DeleteRequest.Builder b = DeleteRequest.builder(r.tableName(), r.key()).returnValues(returnValues)
                .returnItemOnConditionFailure(e.isPresent() || r.returnItemOnConditionFailure());
        if (e.isEmpty()) return b.condition(r.condition()).expressions(r.expressions()).build();
        return b.condition(and(r.condition(), versionCondition(e.getAsLong())))
                .expressions(placeholders(r.expressions(), t.versionAttribute(), e, false)).build();
    }

    /** A transaction condition check as the backend sees it. */
    static ConditionCheck check(ConditionCheck c, TableInfo t) {
        if (c.expectVersion() == null) return c;
        if (!t.versioned()) {
            throw new ValidationException("ConditionCheck with an expected version on table '" + c.tableName()
                    + "', which has no managed version attribute");
        }
        OptionalLong e = OptionalLong.of(c.expectVersion());
        return new ConditionCheck(c.tableName(), c.key(), and(c.condition(), versionCondition(c.expectVersion())),
                placeholders(c.expressions(), t.versionAttribute(), e, false), null, true);
    }

    /** An update must not set the attribute ddbc maintains. */
    private static void checkNotTouched(UpdateRequest r, TableInfo t) {
        String u = r.updateExpression();
        if (u == null) return;
        String attr = t.versionAttribute();
        boolean touched = Pattern.compile("(^|[^#:\\w.])" + Pattern.quote(attr) + "\\b").matcher(u).find();
        for (Map.Entry<String, String> n : r.expressions().names().entrySet()) {
            if (n.getValue().equals(attr) && Pattern.compile(Pattern.quote(n.getKey()) + "\\b").matcher(u).find()) touched = true;
        }
        if (touched) {
            throw new ValidationException("Update on table '" + r.tableName() + "', key " + r.key() + " writes '" + attr
                    + "', the managed version attribute; ddbc increments it itself");
        }
    }

    /**
     * A failed condition of a write that expected a version: a {@link VersionConflictException} with the
     * current item and version if the version did not match, else the original failure (the user's
     * own condition was false).
     */
    static RuntimeException conflictOrOriginal(ConditionFailedException e, TableInfo t, Key key, long expected, String detail) {
        Item current = e.currentItem().orElse(null);
        OptionalLong actual = t.versionOf(current);
        // The version matched, so the user's own condition was the false part.
        if (actual.orElse(0) == expected) return e;
        VersionConflictException c = new VersionConflictException(t.spec().name(), key, expected, current,
                actual.isPresent() ? actual.getAsLong() : null, detail);
        c.initCause(e);
        return c;
    }
}
