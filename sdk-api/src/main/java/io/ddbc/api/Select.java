package io.ddbc.api;

/**
 * What a query or scan returns, as DynamoDB's {@code Select}.
 *
 * <pre>{@code
 * int n = orders.query().keyCondition("customer = :c").value(":c", "alice").select(Select.COUNT).execute().count();
 * }</pre>
 */
public enum Select {
    /** Every attribute of each item (the default without a projection). */ ALL_ATTRIBUTES,
    /** Every attribute projected into the index queried. */ ALL_PROJECTED_ATTRIBUTES,
    /** The attributes of the projection expression. */ SPECIFIC_ATTRIBUTES,
    /** Only the number of matching items. */ COUNT
}
