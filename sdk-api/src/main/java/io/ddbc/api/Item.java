package io.ddbc.api;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable item: attribute names mapped to {@link AttributeValue}s, in insertion order.
 *
 * <p>Typed getters convert for the common cases and throw {@link ValidationException} naming the
 * attribute when it holds another type. Equality follows {@link AttributeValue#equals} and ignores
 * order.
 *
 * <pre>{@code
 * Item alice = Item.of("id", "alice", "balance", 500, "tags", Set.of("vip"));
 * long balance = alice.getLong("balance");
 * Item richer = alice.with("balance", balance + 100);    // alice is unchanged
 * Item built = Item.builder().put("id", "bob").put("active", true).build();
 * }</pre>
 */
public final class Item {
    private static final Item EMPTY = new Item(Collections.emptyMap());

    private final Map<String, AttributeValue> attributes;
    private int size = -1;

    private Item(Map<String, AttributeValue> attributes) {
        this.attributes = attributes;
    }

    /** The item with no attributes. */
    public static Item empty() {
        return EMPTY;
    }

    /**
     * An item from alternating names and values; values are converted with {@link AttributeValue#from}.
     *
     * @throws ValidationException if the arguments do not alternate name, value or a name repeats
     */
    public static Item of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new ValidationException("Item.of needs name/value pairs; got " + namesAndValues.length + " arguments");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object name = namesAndValues[i];
            if (!(name instanceof String)) {
                throw new ValidationException("Item.of argument " + i + " must be an attribute name (String), got " + name);
            }
            if (b.attributes.containsKey(name)) {
                throw new ValidationException("Item.of names attribute '" + name + "' twice");
            }
            b.put((String) name, namesAndValues[i + 1]);
        }
        return b.build();
    }

    /** An item from a map of names to plain Java values or {@link AttributeValue}s. */
    public static Item of(Map<String, ?> values) {
        if (values == null) throw new ValidationException("Item.of needs a map of attribute values, got null");
        Builder b = builder();
        values.forEach(b::put);
        return b.build();
    }

    /** A builder for an item. */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /** A builder starting with this item's attributes. */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(attributes));
    }

    /** The attributes, unmodifiable, in insertion order. */
    public Map<String, AttributeValue> attributes() {
        return attributes;
    }

    /** The attribute names, in insertion order. */
    public Set<String> names() {
        return attributes.keySet();
    }

    /** The value of an attribute, or null if absent. */
    public AttributeValue get(String name) {
        return attributes.get(name);
    }

    /** Whether the item has the attribute. */
    public boolean has(String name) {
        return attributes.containsKey(name);
    }

    /** Whether the item has no attributes. */
    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    /** The S value of an attribute, or null if absent. */
    public String getString(String name) {
        AttributeValue v = typed(name, AttributeValue.Type.S);
        return v == null ? null : v.s();
    }

    /** The N value of an attribute, or null if absent. */
    public BigDecimal getNumber(String name) {
        AttributeValue v = typed(name, AttributeValue.Type.N);
        return v == null ? null : v.n();
    }

    /**
     * The N value of an attribute as a long.
     *
     * @throws ValidationException if absent, not a number, or not an exact long
     */
    public long getLong(String name) {
        BigDecimal n = required(name, getNumber(name));
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw new ValidationException("Attribute '" + name + "' = " + n + " is not a whole number that fits a long");
        }
    }

    /** The N value of an attribute as an int. @throws ValidationException if absent or not an exact int */
    public int getInt(String name) {
        long v = getLong(name);
        if (v != (int) v) throw new ValidationException("Attribute '" + name + "' = " + v + " does not fit an int");
        return (int) v;
    }

    /** The BOOL value of an attribute. @throws ValidationException if absent or not BOOL */
    public boolean getBoolean(String name) {
        return required(name, typed(name, AttributeValue.Type.BOOL)).bool();
    }

    /** A copy of the B value of an attribute, or null if absent. */
    public byte[] getBytes(String name) {
        AttributeValue v = typed(name, AttributeValue.Type.B);
        return v == null ? null : v.b();
    }

    /** The L value of an attribute, or null if absent. */
    public List<AttributeValue> getList(String name) {
        AttributeValue v = typed(name, AttributeValue.Type.L);
        return v == null ? null : v.l();
    }

    /** The M value of an attribute as an item, or null if absent. */
    public Item getItem(String name) {
        AttributeValue v = typed(name, AttributeValue.Type.M);
        return v == null ? null : new Item(v.m());
    }

    /** The SS value of an attribute, or null if absent. */
    public Set<String> getStringSet(String name) {
        AttributeValue v = typed(name, AttributeValue.Type.SS);
        return v == null ? null : v.ss();
    }

    /** This item with one attribute set (added or replaced); this item is unchanged. */
    public Item with(String name, Object value) {
        return toBuilder().put(name, value).build();
    }

    /** This item without the named attributes; this item is unchanged. */
    public Item without(String... names) {
        Builder b = toBuilder();
        for (String n : names) b.attributes.remove(n);
        return b.build();
    }

    /** Size in bytes by DynamoDB's rules: the sum over attributes of UTF-8 name length plus value size. */
    public int sizeInBytes() {
        int s = size;
        if (s < 0) {
            s = 0;
            for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
                s += AttributeValue.utf8Length(e.getKey()) + e.getValue().sizeInBytes();
            }
            size = s;
        }
        return s;
    }

    private AttributeValue typed(String name, AttributeValue.Type type) {
        AttributeValue v = attributes.get(name);
        if (v != null && v.type() != type) {
            throw new ValidationException("Attribute '" + name + "' is of type " + v.type() + ", not " + type);
        }
        return v;
    }

    private static <T> T required(String name, T value) {
        if (value == null) throw new ValidationException("Item has no attribute '" + name + "'");
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Item && attributes.equals(((Item) o).attributes);
    }

    @Override
    public int hashCode() {
        return attributes.hashCode();
    }

    /** JSON-like rendering in DynamoDB's wire notation. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, AttributeValue> e : attributes.entrySet()) {
            if (!first) sb.append(',');
            first = false;
            AttributeValue.quote(sb, e.getKey());
            sb.append(':');
            e.getValue().appendTo(sb);
        }
        return sb.append('}').toString();
    }

    /**
     * Builds an {@link Item}. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {
        private final Map<String, AttributeValue> attributes;

        private Builder(Map<String, AttributeValue> attributes) {
            this.attributes = attributes;
        }

        /** Sets an attribute; the value is converted with {@link AttributeValue#from}. */
        public Builder put(String name, Object value) {
            if (name == null) throw new ValidationException("Attribute name must not be null");
            attributes.put(name, AttributeValue.from(value));
            return this;
        }

        /** Sets every attribute of another item. */
        public Builder putAll(Item other) {
            if (other == null) throw new ValidationException("Cannot add the attributes of a null item");
            attributes.putAll(other.attributes);
            return this;
        }

        /** Removes an attribute. */
        public Builder remove(String name) {
            attributes.remove(name);
            return this;
        }

        /** The item. */
        public Item build() {
            if (attributes.isEmpty()) return EMPTY;
            return new Item(Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
        }
    }
}
