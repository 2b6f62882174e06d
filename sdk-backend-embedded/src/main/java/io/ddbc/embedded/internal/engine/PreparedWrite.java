package io.ddbc.embedded.internal.engine;

import io.ddbc.api.ConditionCheck;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.Expressions;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import io.ddbc.embedded.internal.expr.CompiledCondition;
import io.ddbc.embedded.internal.expr.CompiledUpdate;
import io.ddbc.embedded.internal.expr.ExpressionCompiler;
import io.ddbc.embedded.internal.expr.Placeholders;
import io.ddbc.embedded.internal.storage.ItemKey;
import java.util.HashSet;
import java.util.Set;

/**
 * A put, update, delete or condition check, validated and compiled before any lock is taken, ready to be
 * evaluated by the partition leader against the item's current image. Evaluation is pure: it returns the
 * new image (the effect a log record carries) or reports that the condition is false. Shared by single
 * writes, BatchWriteItem and TransactWriteItems so the rules live in one place.
 */
final class PreparedWrite {
    /** What the write does. */
    enum Kind { PUT, UPDATE, DELETE, CHECK }

    final TableState table;
    final Kind kind;
    final Key key;
    final ItemKey itemKey;
    final int partition;
    final Item putItem;
    final CompiledUpdate update;
    final CompiledCondition condition;
    final String conditionText;
    final ReturnValues returnValues;
    final boolean returnItemOnFailure;
    /** Describes the request canonically, for transaction idempotency checks (computed only when a token is given). */
    private final java.util.function.Supplier<String> fingerprint;

    private PreparedWrite(TableState table, Kind kind, Key key, Item putItem, CompiledUpdate update, CompiledCondition condition,
                          String conditionText, ReturnValues returnValues, boolean returnItemOnFailure,
                          java.util.function.Supplier<String> fingerprint) {
        this.table = table;
        this.kind = kind;
        this.key = key;
        this.itemKey = ItemKey.of(key);
        this.partition = table.partitionOf(key);
        this.putItem = putItem;
        this.update = update;
        this.condition = condition;
        this.conditionText = conditionText;
        this.returnValues = returnValues;
        this.returnItemOnFailure = returnItemOnFailure;
        this.fingerprint = fingerprint;
    }

    /** The result of evaluating a write against the current item. */
    record Outcome(Item newImage, boolean writes) {
    }

    /** Thrown (without a stack trace) when the condition is false. */
    static final class ConditionNotMet extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConditionNotMet() {
            super(null, null, false, false);
        }
    }

    static PreparedWrite put(TableState t, PutRequest r) {
        // DynamoDB's PutItem knows only NONE and ALL_OLD. ddbc's client answers a put's ALL_NEW itself with the
        // item written and never sends it (sdk-core WritePath), so here it is rejected as DynamoDB does.
        checkPutDeleteReturnValues(r.returnValues());
        Item item = Numbers.canonical(r.item());
        Key key = t.spec().keyOf(item);
        ItemRules.check(t, ItemKey.of(key), item);
        CompiledCondition c = compileCondition(t, r.condition(), r.expressions());
        return new PreparedWrite(t, Kind.PUT, key, item, null, c, r.condition(), r.returnValues(), r.returnItemOnConditionFailure(),
                () -> "Put|" + t.name() + "|" + r.item() + "|" + r.condition() + "|" + r.expressions());
    }

    static PreparedWrite delete(TableState t, DeleteRequest r) {
        checkPutDeleteReturnValues(r.returnValues());
        t.spec().validateKey(r.key());
        CompiledCondition c = compileCondition(t, r.condition(), r.expressions());
        return new PreparedWrite(t, Kind.DELETE, Numbers.canonical(r.key()), null, null, c, r.condition(), r.returnValues(), r.returnItemOnConditionFailure(),
                () -> "Delete|" + t.name() + "|" + r.key() + "|" + r.condition() + "|" + r.expressions());
    }

    static PreparedWrite update(TableState t, UpdateRequest r) {
        t.spec().validateKey(r.key());
        Placeholders ph = ExprSupport.begin(r.expressions(), r.updateExpression(), r.condition());
        CompiledUpdate u = r.updateExpression() == null ? null : ExpressionCompiler.update(r.updateExpression(), ph);
        CompiledCondition c = r.condition() == null ? null : ExpressionCompiler.condition("ConditionExpression", r.condition(), ph);
        ExprSupport.finish(ph);
        // Paths below key attributes first, as DynamoDB orders them, except an update's own table-key targets
        // (SET pk.b = :x), which get "Cannot update attribute pk" below.
        Set<String> keyTargets = new HashSet<>();
        if (u != null) for (String a : u.topLevelAttributes()) if (t.spec().isKeyAttribute(a)) keyTargets.add(a);
        ExprSupport.checkKeyPaths(ph, t, keyTargets);
        if (u != null) {
            for (String a : u.topLevelAttributes()) {
                if (t.spec().isKeyAttribute(a)) {
                    throw new ValidationException("One or more parameter values were invalid: Cannot update attribute " + a
                            + ". This attribute is part of the key");
                }
            }
        }
        return new PreparedWrite(t, Kind.UPDATE, Numbers.canonical(r.key()), null, u, c, r.condition(), r.returnValues(), r.returnItemOnConditionFailure(),
                () -> "Update|" + t.name() + "|" + r.key() + "|" + r.updateExpression() + "|" + r.condition() + "|" + r.expressions());
    }

    static PreparedWrite check(TableState t, ConditionCheck check) {
        t.spec().validateKey(check.key());
        if (check.condition() == null) {
            throw new ValidationException("A ConditionCheck on table '" + t.name() + "' needs a ConditionExpression");
        }
        CompiledCondition c = compileCondition(t, check.condition(), check.expressions());
        return new PreparedWrite(t, Kind.CHECK, Numbers.canonical(check.key()), null, null, c, check.condition(), ReturnValues.NONE,
                check.returnItemOnConditionFailure(), () -> "Check|" + t.name() + "|" + check.key() + "|" + check.condition() + "|"
                + check.expressions());
    }

    /** An unconditional put of BatchWriteItem. */
    static PreparedWrite batchPut(TableState t, Item item) {
        Item canonical = Numbers.canonical(item);
        Key key = t.spec().keyOf(canonical);
        ItemRules.check(t, ItemKey.of(key), canonical);
        return new PreparedWrite(t, Kind.PUT, key, canonical, null, null, null, ReturnValues.NONE, false, () -> "");
    }

    /** An unconditional delete of BatchWriteItem. */
    static PreparedWrite batchDelete(TableState t, Key key) {
        t.spec().validateKey(key);
        return new PreparedWrite(t, Kind.DELETE, Numbers.canonical(key), null, null, null, null, ReturnValues.NONE, false, () -> "");
    }

    /** A canonical description of the request, for transaction idempotency checks. */
    String fingerprint() {
        return fingerprint.get();
    }

    private static CompiledCondition compileCondition(TableState t, String text, Expressions expressions) {
        Placeholders ph = ExprSupport.begin(expressions, text);
        CompiledCondition c = text == null ? null : ExpressionCompiler.condition("ConditionExpression", text, ph);
        ExprSupport.finish(ph);
        ExprSupport.checkKeyPaths(ph, t, Set.of());
        return c;
    }

    private static void checkPutDeleteReturnValues(ReturnValues rv) {
        if (rv != ReturnValues.NONE && rv != ReturnValues.ALL_OLD) {
            throw new ValidationException("Return values set to invalid value (PutItem and DeleteItem take only NONE or ALL_OLD; got "
                    + rv + ")");
        }
    }

    /**
     * Evaluates the write against the item's current image.
     *
     * @throws ConditionNotMet if the condition is false
     * @throws ValidationException if the update cannot be applied to this item
     */
    Outcome evaluate(Item current) {
        if (condition != null && !condition.test(current == null ? Item.empty() : current)) throw new ConditionNotMet();
        switch (kind) {
            case PUT: return new Outcome(putItem, true);
            case DELETE: return new Outcome(null, true);
            case CHECK: return new Outcome(current, false);
            default: {
                Item base = current != null ? current : key.asItem();
                // Arithmetic and values from the expression may carry any number text: store DynamoDB's.
                Item updated = update == null ? base : Numbers.canonical(update.apply(base));
                ItemRules.check(table, itemKey, updated, true);
                return new Outcome(updated, true);
            }
        }
    }

    /** The image this write would have produced had its condition held, for charging a failed write; null if unknown. */
    Item wouldBe(Item current) {
        if (kind == Kind.PUT) return putItem;
        if (kind != Kind.UPDATE || update == null) return null;
        try {
            return update.apply(current != null ? current : key.asItem());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The attributes to return for {@link ReturnValues}, given the images before and after. */
    Item returned(Item before, Item after) {
        switch (returnValues) {
            case ALL_OLD: return before;
            case ALL_NEW: return after;
            case UPDATED_OLD: return onlyUpdated(before);
            case UPDATED_NEW: return onlyUpdated(after);
            default: return null;
        }
    }

    /**
     * The parts of an image at the document paths the update wrote or removed, as DynamoDB returns them
     * for UPDATED_OLD / UPDATED_NEW. Null when none remain, as DynamoDB omits Attributes then.
     */
    private Item onlyUpdated(Item image) {
        if (image == null || update == null) return null;
        Item parts = update.updatedParts(image);
        return parts.attributes().isEmpty() ? null : parts;
    }
}
