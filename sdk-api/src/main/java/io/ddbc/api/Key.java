package io.ddbc.api;

import java.util.Objects;
import java.util.Optional;

/**
 * The primary key of one item: a partition key attribute and, for tables that have one, a sort key
 * attribute. Immutable.
 *
 * <pre>{@code
 * Key alice = Key.of("id", "alice");
 * Key order = Key.of("customer", "alice", "orderNo", 42);
 * }</pre>
 */
public final class Key {
    private final String partitionName;
    private final AttributeValue partitionValue;
    private final String sortName;
    private final AttributeValue sortValue;

    private Key(String partitionName, AttributeValue partitionValue, String sortName, AttributeValue sortValue) {
        this.partitionName = partitionName;
        this.partitionValue = partitionValue;
        this.sortName = sortName;
        this.sortValue = sortValue;
    }

    /** A partition-key-only key; the value is converted with {@link AttributeValue#from}. */
    public static Key of(String partitionName, Object partitionValue) {
        return new Key(name(partitionName, "partition key"), value(partitionName, partitionValue), null, null);
    }

    /** A partition + sort key; values are converted with {@link AttributeValue#from}. */
    public static Key of(String partitionName, Object partitionValue, String sortName, Object sortValue) {
        if (partitionName != null && partitionName.equals(sortName)) {
            throw new ValidationException("Key names attribute '" + sortName + "' as both partition and sort key");
        }
        return new Key(name(partitionName, "partition key"), value(partitionName, partitionValue),
                name(sortName, "sort key"), value(sortName, sortValue));
    }

    private static String name(String name, String what) {
        if (name == null || name.isEmpty()) throw new ValidationException("The " + what + " attribute name must not be empty");
        return name;
    }

    private static AttributeValue value(String name, Object value) {
        if (value == null) throw new ValidationException("Key attribute '" + name + "' must have a value");
        return AttributeValue.from(value);
    }

    /** The partition key attribute name. */
    public String partitionName() {
        return partitionName;
    }

    /** The partition key value. */
    public AttributeValue partitionValue() {
        return partitionValue;
    }

    /** The sort key attribute name, if the key has one. */
    public Optional<String> sortName() {
        return Optional.ofNullable(sortName);
    }

    /** The sort key value, or null if the key has no sort key. */
    public AttributeValue sortValue() {
        return sortValue;
    }

    /** Whether the key has a sort key attribute. */
    public boolean hasSortKey() {
        return sortName != null;
    }

    /** The key as an item of one or two attributes. */
    public Item asItem() {
        Item.Builder b = Item.builder().put(partitionName, partitionValue);
        if (sortName != null) b.put(sortName, sortValue);
        return b.build();
    }

    /** Size in bytes by DynamoDB's rules (names plus values). */
    public int sizeInBytes() {
        return asItem().sizeInBytes();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Key)) return false;
        Key k = (Key) o;
        return partitionName.equals(k.partitionName) && partitionValue.equals(k.partitionValue)
                && Objects.equals(sortName, k.sortName) && Objects.equals(sortValue, k.sortValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(partitionName, partitionValue, sortName, sortValue);
    }

    @Override
    public String toString() {
        return asItem().toString();
    }
}
