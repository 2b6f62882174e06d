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
    private final transient ConsumedCapacity consumedCapacity;

    /**
     * @param tableName the table written
     * @param key the key of the item written (may be null when unknown)
     * @param condition the condition that failed, as the application wrote it (may be null)
     * @param currentItem the item as it is now, or null if absent or not returned
     */
    public ConditionFailedException(String tableName, Key key, String condition, Item currentItem) {
        this(tableName, key, condition, currentItem, null);
    }

    /**
     * A failure that reports what it cost: DynamoDB charges a failed conditional write as a write of the
     * item (the embedded engine always knows the figure; AWS does not return it with the error).
     *
     * @param consumedCapacity the capacity the failed write consumed, or null when the backend does not know it
     */
    public ConditionFailedException(String tableName, Key key, String condition, Item currentItem, ConsumedCapacity consumedCapacity) {
        this(describe(tableName, key, condition, currentItem), tableName, key, condition, currentItem, consumedCapacity);
    }

    /** For subclasses that word the message themselves. */
    protected ConditionFailedException(String message, String tableName, Key key, String condition, Item currentItem) {
        this(message, tableName, key, condition, currentItem, null);
    }

    /** For subclasses that word the message themselves and know the capacity consumed (null when unknown). */
    protected ConditionFailedException(String message, String tableName, Key key, String condition, Item currentItem,
                                       ConsumedCapacity consumedCapacity) {
        super(message);
        this.tableName = tableName;
        this.key = key;
        this.condition = condition;
        this.currentItem = currentItem;
        this.consumedCapacity = consumedCapacity;
    }

    /**
     * The refusal of an idempotent create ({@link Table#putIfAbsent}): an item with the key exists. The condition
     * is reported as {@code attribute_not_exists(<partition key>)}.
     *
     * <pre>{@code
     * catch (ConditionFailedException e) { e.currentItem().ifPresent(existing -> ...); }   // "item already exists"
     * }</pre>
     */
    public static ConditionFailedException itemExists(String tableName, Key key, String partitionKey, Item currentItem,
                                                      ConsumedCapacity consumedCapacity) {
        return new ConditionFailedException("The conditional request failed on table '" + tableName + "'"
                + (key == null ? "" : ", key " + key) + ": item already exists", tableName, key,
                "attribute_not_exists(" + partitionKey + ")", currentItem, consumedCapacity);
    }

    // DynamoDB's own text first (what the SDK's ConditionalCheckFailedException says), ddbc's details after it.
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

    /** The capacity the failed write consumed, when the backend reports it (the embedded engine always does). */
    public Optional<ConsumedCapacity> consumedCapacity() {
        return Optional.ofNullable(consumedCapacity);
    }
}
