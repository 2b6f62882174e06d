package io.ddbc.api;

import java.util.Optional;

/**
 * A conditional write was refused because its condition did not hold (DynamoDB's
 * {@code ConditionalCheckFailedException}). Carries the item as it is now, when the backend returns
 * it, and the condition that failed, so the application can tell why without another read.
 *
 * <pre>{@code
 * try {
 *     accounts.put(item).condition("attribute_not_exists(id)").execute();
 * } catch (ConditionFailedException e) {
 *     log.info("{} already exists: {}", e.key(), e.currentItem().orElse(null));
 * }
 * }</pre>
 */
public class ConditionFailedException extends DdbcException {
    private static final long serialVersionUID = 1L;

    private final String tableName;
    private final Key key;
    private final String condition;
    private final transient Item currentItem;

    /**
     * @param tableName the table written
     * @param key the key of the item written (may be null when unknown)
     * @param condition the condition that failed, as the application wrote it (may be null)
     * @param currentItem the item as it is now, or null if absent or not returned
     */
    public ConditionFailedException(String tableName, Key key, String condition, Item currentItem) {
        this(describe(tableName, key, condition, currentItem), tableName, key, condition, currentItem);
    }

    /** For subclasses that word the message themselves. */
    protected ConditionFailedException(String message, String tableName, Key key, String condition, Item currentItem) {
        super(message);
        this.tableName = tableName;
        this.key = key;
        this.condition = condition;
        this.currentItem = currentItem;
    }

    /**
     * The refusal of an idempotent create ({@link Table#putIfAbsent}): an item with the key exists. The condition
     * is reported as {@code attribute_not_exists(<partition key>)}.
     *
     * <pre>{@code
     * catch (ConditionFailedException e) { e.currentItem().ifPresent(existing -> ...); }   // "item already exists"
     * }</pre>
     */
    public static ConditionFailedException itemExists(String tableName, Key key, String partitionKey, Item currentItem) {
        return new ConditionFailedException("The conditional request failed on table '" + tableName + "'"
                + (key == null ? "" : ", key " + key) + ": item already exists", tableName, key,
                "attribute_not_exists(" + partitionKey + ")", currentItem);
    }

    private static String describe(String table, Key key, String condition, Item current) {
        return "The conditional request failed on table '" + table + "'"
                + (key == null ? "" : ", key " + key)
                + (condition == null ? "" : ": condition '" + condition + "' is false")
                + (current == null ? " (the item does not exist or was not returned)" : "");
    }

    /** The table the write was addressed to. */
    public String tableName() {
        return tableName;
    }

    /** The key of the item, if known. */
    public Optional<Key> key() {
        return Optional.ofNullable(key);
    }

    /** The condition expression that evaluated to false, as written. */
    public Optional<String> condition() {
        return Optional.ofNullable(condition);
    }

    /** The item as it was when the condition was evaluated; empty if it did not exist or was not returned. */
    public Optional<Item> currentItem() {
        return Optional.ofNullable(currentItem);
    }
}
