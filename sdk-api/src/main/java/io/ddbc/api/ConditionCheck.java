package io.ddbc.api;

import java.util.OptionalLong;

/**
 * A transaction action that writes nothing but requires a condition on an item (DynamoDB's
 * {@code ConditionCheck}), or its managed version.
 *
 * <pre>{@code
 * client.transactWrite()
 *         .conditionCheck(ConditionCheck.of("accounts", key, "attribute_exists(id)", Expressions.NONE))
 *         .put("orders", order).execute();
 * }</pre>
 *
 * @param tableName the table
 * @param key the item checked
 * @param condition the condition expression (may be null when {@code expectVersion} is set)
 * @param expressions its placeholders
 * @param expectVersion the managed version the item must have, or null
 * @param returnItemOnConditionFailure whether a failure returns the item in the cancellation reason
 */
public record ConditionCheck(String tableName, Key key, String condition, Expressions expressions, Long expectVersion,
                             boolean returnItemOnConditionFailure) {

    /** Checks the required parts. */
    public ConditionCheck {
        Requests.tableName(tableName);
        Requests.require(key, "key", tableName);
        condition = Requests.blankToNull(condition);
        if (condition == null && expectVersion == null) {
            throw new ValidationException("A ConditionCheck on table '" + tableName + "' needs a condition or an expected version");
        }
        expressions = expressions == null ? Expressions.NONE : expressions;
    }

    /** A check of a condition expression. */
    public static ConditionCheck of(String tableName, Key key, String condition, Expressions expressions) {
        return new ConditionCheck(tableName, key, condition, expressions, null, true);
    }

    /** A check that the item has exactly the given managed version. */
    public static ConditionCheck version(String tableName, Key key, long version) {
        return new ConditionCheck(tableName, key, null, Expressions.NONE, version, true);
    }

    /** The expected version, if any. */
    public OptionalLong expectedVersion() {
        return expectVersion == null ? OptionalLong.empty() : OptionalLong.of(expectVersion);
    }
}
