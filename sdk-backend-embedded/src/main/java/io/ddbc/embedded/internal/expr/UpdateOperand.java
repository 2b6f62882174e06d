package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import java.util.ArrayList;
import java.util.List;

/** The right-hand side of a SET action, evaluated against the item as it was before the update. Immutable. */
interface UpdateOperand {

    /** The operand's value; never null. @throws io.ddbc.api.ValidationException as DynamoDB does */
    AttributeValue value(Item item);

    record Path(DocumentPath path) implements UpdateOperand {
        @Override
        public AttributeValue value(Item item) {
            AttributeValue v = path.resolve(item);
            if (v == null) throw ExprErrors.update(ExprErrors.MISSING_ATTRIBUTE);
            return v;
        }
    }

    record Constant(AttributeValue constant) implements UpdateOperand {
        @Override
        public AttributeValue value(Item item) {
            return constant;
        }
    }

    /** {@code if_not_exists(path, fallback)}. */
    record IfNotExists(DocumentPath path, UpdateOperand fallback) implements UpdateOperand {
        @Override
        public AttributeValue value(Item item) {
            AttributeValue v = path.resolve(item);
            return v != null ? v : fallback.value(item);
        }
    }

    /** {@code list_append(first, second)}: both lists. */
    record ListAppend(UpdateOperand first, UpdateOperand second) implements UpdateOperand {
        @Override
        public AttributeValue value(Item item) {
            AttributeValue a = first.value(item);
            AttributeValue b = second.value(item);
            if (a.type() != AttributeValue.Type.L || b.type() != AttributeValue.Type.L) {
                throw ExprErrors.update(ExprErrors.INCORRECT_DATA_TYPE);
            }
            List<AttributeValue> joined = new ArrayList<>(a.l().size() + b.l().size());
            joined.addAll(a.l());
            joined.addAll(b.l());
            return AttributeValue.l(joined);
        }
    }

    /** {@code left + right} or {@code left - right} on numbers; the result obeys the 38-digit rules. */
    record Arithmetic(UpdateOperand left, UpdateOperand right, boolean subtract) implements UpdateOperand {
        @Override
        public AttributeValue value(Item item) {
            AttributeValue a = left.value(item);
            AttributeValue b = right.value(item);
            if (a.type() != AttributeValue.Type.N || b.type() != AttributeValue.Type.N) {
                throw ExprErrors.update(ExprErrors.INCORRECT_DATA_TYPE);
            }
            return AttributeValue.n(subtract ? a.n().subtract(b.n()) : a.n().add(b.n()));
        }
    }
}
