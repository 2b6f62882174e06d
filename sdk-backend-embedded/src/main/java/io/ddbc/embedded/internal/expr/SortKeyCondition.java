package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;

/**
 * The sort key part of a key condition.
 *
 * <pre>{@code
 * SortKeyCondition c = new SortKeyCondition("sk", SortKeyCondition.Op.BEGINS_WITH, AttributeValue.s("2024-"), null);
 * c.matches(AttributeValue.s("2024-05-01"));   // true
 * }</pre>
 *
 * @param attribute the sort key attribute named
 * @param op the comparison
 * @param value the operand (the lower bound for BETWEEN, the prefix for BEGINS_WITH)
 * @param upper the upper bound for BETWEEN; null otherwise
 */
public record SortKeyCondition(String attribute, Op op, AttributeValue value, AttributeValue upper) {

    /** The comparisons DynamoDB allows on a sort key. */
    public enum Op { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    /** Whether a sort key value satisfies the condition (DynamoDB ordering: N numeric, S/B bytewise). */
    public boolean matches(AttributeValue sortValue) {
        switch (op) {
            case EQ: return Comparator.EQ.apply(sortValue, value);
            case LT: return Comparator.LT.apply(sortValue, value);
            case LE: return Comparator.LE.apply(sortValue, value);
            case GT: return Comparator.GT.apply(sortValue, value);
            case GE: return Comparator.GE.apply(sortValue, value);
            case BETWEEN: return Comparator.GE.apply(sortValue, value) && Comparator.LE.apply(sortValue, upper);
            default: return Values.beginsWith(sortValue, value);
        }
    }
}
