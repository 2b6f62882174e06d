package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;

/**
 * The sort key part of a key condition.
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
        throw new IllegalStateException("expression engine not merged yet");
    }
}
