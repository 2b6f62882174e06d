package io.ddbc.embedded.internal.expr;

import java.util.Arrays;

/**
 * The kinds of semantic error a parser can find. DynamoDB reports a syntax error first; otherwise it
 * reports one problem, chosen by a precedence that differs between grammars (a reserved word beats an
 * undefined placeholder in updates, redundant parentheses beat everything in conditions, ...).
 */
enum Problem {
    PARENS, UNKNOWN_FUNCTION, MISUSED_FUNCTION, RESERVED, SECTION, NAME, VALUE, OVERLAP, CONFLICT, OPERAND, ARITY,
    DISTINCT, FUNCTION;

    /** Condition, filter and key condition expressions. */
    static final Precedence CONDITION = new Precedence(new Problem[][] {
        {PARENS}, {UNKNOWN_FUNCTION}, {MISUSED_FUNCTION}, {RESERVED}, {NAME, VALUE}, {ARITY}, {DISTINCT}, {FUNCTION}});
    /** Update expressions. */
    static final Precedence UPDATE = new Precedence(new Problem[][] {
        {RESERVED}, {UNKNOWN_FUNCTION, MISUSED_FUNCTION}, {SECTION}, {NAME}, {VALUE}, {OVERLAP}, {CONFLICT}, {OPERAND},
        {ARITY, FUNCTION}});
    /** Projection expressions. */
    static final Precedence PROJECTION = new Precedence(new Problem[][] {
        {RESERVED}, {UNKNOWN_FUNCTION, MISUSED_FUNCTION}, {NAME}, {OVERLAP}, {CONFLICT}});

    /** A rank per problem, lower reported first; problems in one group rank alike (the first found wins). */
    static final class Precedence {
        private final int[] rank = new int[values().length];

        Precedence(Problem[][] groups) {
            Arrays.fill(rank, groups.length);
            for (int i = 0; i < groups.length; i++) {
                for (Problem p : groups[i]) rank[p.ordinal()] = i;
            }
        }

        int of(Problem p) {
            return rank[p.ordinal()];
        }
    }
}
