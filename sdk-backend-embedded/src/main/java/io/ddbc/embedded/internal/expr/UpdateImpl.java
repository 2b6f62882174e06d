package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A compiled update: its actions in application order and the top-level attributes they touch. */
final class UpdateImpl implements CompiledUpdate {
    private final UpdateAction[] actions;
    private final Set<String> topLevel;
    /** The targets as a projection: DynamoDB's UPDATED_OLD / UPDATED_NEW granularity. */
    private final ProjectionImpl targets;

    UpdateImpl(List<UpdateAction> actions) {
        this.actions = actions.toArray(new UpdateAction[0]);
        Set<String> names = new LinkedHashSet<>();
        for (UpdateAction a : actions) names.add(a.target().top());
        this.topLevel = Collections.unmodifiableSet(names);
        List<DocumentPath> paths = new ArrayList<>();
        for (UpdateAction a : actions) paths.add(a.target());
        this.targets = new ProjectionImpl(paths);       // the parser has rejected overlapping targets
    }

    /**
     * Every operand reads {@code current}; each action writes the result of the ones before it. Errors in
     * DynamoDB's order (found against DynamoDB Local): an invalid SET or REMOVE target inside a map or list the
     * item has, then ADD or DELETE on a list and DELETE on a number or map,
     * then a non-number in arithmetic (any action), then, action by action, an invalid target path or a missing
     * attribute, then a wrong type for list_append, ADD or DELETE, and last a computed number out of range.
     */
    @Override
    public Item apply(Item current) {
        WorkingItem working = new WorkingItem(current);
        for (UpdateAction a : actions) {
            // A SET or REMOVE target inside a map or list the item has is checked before anything is evaluated.
            if (!(a instanceof UpdateAction.SetAction) && !(a instanceof UpdateAction.RemoveAction)) continue;
            AttributeValue top = current.get(a.target().top());
            if (top != null && (top.type() == AttributeValue.Type.M || top.type() == AttributeValue.Type.L)) {
                PathEditor.checkSettable(working, a.target());
            }
        }
        for (UpdateAction a : actions) {
            // ADD or DELETE on a list, DELETE on a number or map: reported before arithmetic and missing attributes
            // (other mismatches later). Found against DynamoDB Local; its full rule is not known (ADD of a set to a
            // number or map is sometimes reported here, sometimes later).
            boolean delete = a instanceof UpdateAction.DeleteAction;
            if (!(a instanceof UpdateAction.AddAction) && !delete) continue;
            AttributeValue existing = a.target().resolve(current);
            if (existing != null && (existing.type() == AttributeValue.Type.L
                    || (delete && (existing.type() == AttributeValue.Type.N || existing.type() == AttributeValue.Type.M)))) {
                throw ExprErrors.update(ExprErrors.INCORRECT_DATA_TYPE);
            }
        }
        for (UpdateAction a : actions) {
            if (a instanceof UpdateAction.SetAction set) set.value().checkArithmeticTypes(current);
        }
        ExprErrors.LateTypeError late = null;
        ExprErrors.LateNumberError number = null;
        for (UpdateAction a : actions) {
            try {
                a.apply(current, working);
            } catch (ExprErrors.LateTypeError e) {
                if (late == null) late = e;
            } catch (ExprErrors.LateNumberError e) {
                if (number == null) number = e;
            }
        }
        if (late != null) throw late;
        if (number != null) throw number;
        return working.result();
    }

    @Override
    public Set<String> topLevelAttributes() {
        return topLevel;
    }

    @Override
    public Item updatedParts(Item image) {
        return targets.apply(image);
    }
}
