package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;

/** An operand of a condition: a document path, a constant or {@code size(operand)}. Immutable. */
interface Operand {

    /** The operand's value for the item, or null when it refers to something missing. */
    AttributeValue eval(Item item);

    /** The value of a document path. */
    record Path(DocumentPath path) implements Operand {
        @Override
        public AttributeValue eval(Item item) {
            return path.resolve(item);
        }
    }

    /** A {@code :value} placeholder, resolved when the expression is compiled. */
    record Constant(AttributeValue value) implements Operand {
        @Override
        public AttributeValue eval(Item item) {
            return value;
        }
    }

    /** {@code size(operand)}; missing when the operand is missing or of a type size() does not apply to. */
    record Size(Operand operand) implements Operand {
        @Override
        public AttributeValue eval(Item item) {
            AttributeValue v = operand.eval(item);
            if (v == null) return null;
            long size = Values.size(v);
            return size < 0 ? null : AttributeValue.n(size);
        }
    }
}
