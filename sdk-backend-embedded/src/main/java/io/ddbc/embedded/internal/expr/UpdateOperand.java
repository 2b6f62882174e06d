package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import java.util.ArrayList;
import java.util.List;

/** The right-hand side of a SET action, evaluated against the item as it was before the update. Immutable. */
interface UpdateOperand {

    /** The operand's value; never null. @throws io.ddbc.api.ValidationException as DynamoDB does */
    AttributeValue value(Item item);

    /**
     * Checks the operands of arithmetic ({@code +}, {@code -}) that are present in {@code item}: DynamoDB reports
     * a non-number there before any missing attribute. Other operands check nothing here.
     */
    default void checkArithmeticTypes(Item item) {
    }

    /** The operand's value, which a function or operator needs to be of {@code type}. */
    static AttributeValue valueOfType(UpdateOperand operand, Item item, AttributeValue.Type type) {
        AttributeValue v = operand.value(item);
        if (v.type() != type) throw ExprErrors.update(ExprErrors.INCORRECT_DATA_TYPE);
        return v;
    }

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
            if (a.type() != AttributeValue.Type.L || b.type() != AttributeValue.Type.L) throw new ExprErrors.LateTypeError();
            List<AttributeValue> joined = new ArrayList<>(a.l().size() + b.l().size());
            joined.addAll(a.l());
            joined.addAll(b.l());
            return AttributeValue.l(joined);
        }
    }

    /** {@code left + right} or {@code left - right} on numbers; the result obeys the 38-digit rules. */
    record Arithmetic(UpdateOperand left, UpdateOperand right, boolean subtract) implements UpdateOperand {
        @Override
        public void checkArithmeticTypes(Item item) {
            for (UpdateOperand o : new UpdateOperand[] {left, right}) {
                o.checkArithmeticTypes(item);
                AttributeValue v = o instanceof Constant c ? c.constant() : o instanceof Path p ? p.path().resolve(item) : null;
                if (v != null && v.type() != AttributeValue.Type.N) throw ExprErrors.update(ExprErrors.INCORRECT_DATA_TYPE);
            }
        }

        @Override
        public AttributeValue value(Item item) {
            AttributeValue a = valueOfType(left, item, AttributeValue.Type.N);
            AttributeValue b = valueOfType(right, item, AttributeValue.Type.N);
            try {
                return AttributeValue.n(subtract ? a.n().subtract(b.n()) : a.n().add(b.n()));
            } catch (io.ddbc.api.ValidationException e) {
                throw new ExprErrors.LateNumberError(e.getMessage()); // a result out of range: reported after type errors
            }
        }
    }
}
