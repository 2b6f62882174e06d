package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One action of an update expression, applied to the item being built. Immutable. */
interface UpdateAction {

    /** The path the action writes or removes. */
    DocumentPath target();

    /**
     * Applies the action. {@code original} is the item before the update (operands read it);
     * {@code working} holds the earlier actions' results and receives this one's.
     */
    void apply(Item original, WorkingItem working);

    /** {@code SET path = value}. */
    record SetAction(DocumentPath target, UpdateOperand value) implements UpdateAction {
        @Override
        public void apply(Item original, WorkingItem working) {
            PathEditor.checkSettable(working, target); // the target path is checked before the value is evaluated
            PathEditor.set(working, target, value.value(original));
        }
    }

    /** {@code REMOVE path}. */
    record RemoveAction(DocumentPath target) implements UpdateAction {
        @Override
        public void apply(Item original, WorkingItem working) {
            PathEditor.remove(working, target);
        }
    }

    /** {@code ADD path :v}: number addition or set union; creates the attribute if absent. */
    record AddAction(DocumentPath target, AttributeValue value) implements UpdateAction {
        @Override
        public void apply(Item original, WorkingItem working) {
            AttributeValue current = working.resolve(target);
            AttributeValue result;
            if (current == null) {
                result = value;
            } else if (current.type() != value.type()) {
                throw new ExprErrors.LateTypeError();
            } else if (value.type() == AttributeValue.Type.N) {
                result = AttributeValue.n(current.n().add(value.n()));
            } else {
                Set<AttributeValue> union = new LinkedHashSet<>(current.setElements());
                union.addAll(value.setElements());
                result = union.size() == current.setElements().size() ? current : Values.setOf(value.type(), union);
            }
            if (result != current) PathEditor.set(working, target, result);
        }
    }

    /** {@code DELETE path :set}: set difference; removing the last element removes the attribute. */
    record DeleteAction(DocumentPath target, AttributeValue value) implements UpdateAction {
        @Override
        public void apply(Item original, WorkingItem working) {
            AttributeValue current = working.resolve(target);
            if (current == null) return;
            if (current.type() != value.type()) throw new ExprErrors.LateTypeError();
            List<AttributeValue> remaining = new ArrayList<>(current.setElements());
            remaining.removeAll(new java.util.HashSet<>(value.setElements()));
            if (remaining.size() == current.setElements().size()) return;
            if (remaining.isEmpty()) {
                PathEditor.remove(working, target);
            } else {
                PathEditor.set(working, target, Values.setOf(value.type(), remaining));
            }
        }
    }
}
