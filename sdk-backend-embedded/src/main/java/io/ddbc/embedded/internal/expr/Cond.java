package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;

/** A node of a compiled condition tree. Every node is immutable; evaluation allocates nothing. */
interface Cond {

    boolean test(Item item);

    /** {@code left comparator right}. */
    record Compare(Comparator op, Operand left, Operand right) implements Cond {
        @Override
        public boolean test(Item item) {
            return op.apply(left.eval(item), right.eval(item));
        }
    }

    /** {@code value BETWEEN lower AND upper}: lower &lt;= value &lt;= upper, all of one type. */
    record Between(Operand value, Operand lower, Operand upper) implements Cond {
        @Override
        public boolean test(Item item) {
            AttributeValue v = value.eval(item);
            AttributeValue lo = lower.eval(item);
            AttributeValue hi = upper.eval(item);
            return Values.orderable(v, lo) && Values.orderable(v, hi)
                    && Values.compare(lo, v) <= 0 && Values.compare(v, hi) <= 0;
        }
    }

    /** {@code value IN (c1, c2, ...)}. */
    record In(Operand value, Operand[] candidates) implements Cond {
        @Override
        public boolean test(Item item) {
            AttributeValue v = value.eval(item);
            if (v == null) return false;
            for (Operand c : candidates) {
                if (v.equals(c.eval(item))) return true;
            }
            return false;
        }
    }

    record And(Cond[] parts) implements Cond {
        @Override
        public boolean test(Item item) {
            for (Cond c : parts) {
                if (!c.test(item)) return false;
            }
            return true;
        }
    }

    record Or(Cond[] parts) implements Cond {
        @Override
        public boolean test(Item item) {
            for (Cond c : parts) {
                if (c.test(item)) return true;
            }
            return false;
        }
    }

    record Not(Cond inner) implements Cond {
        @Override
        public boolean test(Item item) {
            return !inner.test(item);
        }
    }

    record Exists(DocumentPath path) implements Cond {
        @Override
        public boolean test(Item item) {
            return path.resolve(item) != null;
        }
    }

    record NotExists(DocumentPath path) implements Cond {
        @Override
        public boolean test(Item item) {
            return path.resolve(item) == null;
        }
    }

    /** {@code attribute_type(path, :t)}. */
    record TypeIs(DocumentPath path, AttributeValue.Type type) implements Cond {
        @Override
        public boolean test(Item item) {
            AttributeValue v = path.resolve(item);
            return v != null && v.type() == type;
        }
    }

    record BeginsWith(Operand value, Operand prefix) implements Cond {
        @Override
        public boolean test(Item item) {
            return Values.beginsWith(value.eval(item), prefix.eval(item));
        }
    }

    record Contains(Operand value, Operand element) implements Cond {
        @Override
        public boolean test(Item item) {
            return Values.contains(value.eval(item), element.eval(item));
        }
    }
}
