package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;

/** The six comparators of DynamoDB's condition grammar. */
enum Comparator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    static Comparator ofSymbol(Token t) {
        if (t.type() != Token.Type.SYMBOL) return null;
        for (Comparator c : values()) {
            if (c.symbol.equals(t.text())) return c;
        }
        return null;
    }

    /** Whether the comparator orders its operands (and so needs N, S or B). */
    boolean isOrdering() {
        return this != EQ && this != NE;
    }

    /**
     * DynamoDB's result: a missing operand or operands of different types make every comparison false
     * except {@code <>}, which is then true (a missing value equals nothing).
     */
    boolean apply(AttributeValue a, AttributeValue b) {
        switch (this) {
            case EQ: return a != null && b != null && a.equals(b);
            case NE: return a == null || b == null || !a.equals(b);
            default: {
                if (!Values.orderable(a, b)) return false;
                int c = Values.compare(a, b);
                switch (this) {
                    case LT: return c < 0;
                    case LE: return c <= 0;
                    case GT: return c > 0;
                    default: return c >= 0;
                }
            }
        }
    }
}
