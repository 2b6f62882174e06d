package io.ddbc.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The placeholders of a request's expressions: {@code #name} → attribute name and {@code :value} →
 * value (DynamoDB's {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}).
 * Immutable.
 *
 * <pre>{@code
 * Expressions e = Expressions.builder().name("#s", "status").value(":a", "active").build();
 * }</pre>
 *
 * @param names placeholder (starting with {@code #}) → attribute name
 * @param values placeholder (starting with {@code :}) → value
 */
public record Expressions(Map<String, String> names, Map<String, AttributeValue> values) {
    /** No placeholders. */
    public static final Expressions NONE = new Expressions(Map.of(), Map.of());

    /** Copies the maps, keeping their order. */
    public Expressions {
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Whether there are no placeholders. */
    public boolean isEmpty() {
        return names.isEmpty() && values.isEmpty();
    }

    /** A builder of placeholders. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these placeholders. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.names.putAll(names);
        b.values.putAll(values);
        return b;
    }

    /** Collects placeholders, checking their syntax. */
    public static final class Builder {
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();

        /** Adds {@code #placeholder} → attribute name. @throws ValidationException if it does not start with '#' */
        public Builder name(String placeholder, String attributeName) {
            if (placeholder == null || placeholder.length() < 2 || placeholder.charAt(0) != '#') {
                throw new ValidationException("ExpressionAttributeNames contains invalid key: '" + placeholder
                        + "': a name placeholder starts with '#'");
            }
            if (attributeName == null || attributeName.isEmpty()) {
                throw new ValidationException("ExpressionAttributeNames contains invalid value: empty attribute name for key "
                        + placeholder);
            }
            names.put(placeholder, attributeName);
            return this;
        }

        /** Adds {@code :placeholder} → value (converted with {@link AttributeValue#from}). */
        public Builder value(String placeholder, Object value) {
            if (placeholder == null || placeholder.length() < 2 || placeholder.charAt(0) != ':') {
                throw new ValidationException("ExpressionAttributeValues contains invalid key: '" + placeholder
                        + "': a value placeholder starts with ':'");
            }
            values.put(placeholder, AttributeValue.from(value));
            return this;
        }

        /** Whether nothing was added. */
        public boolean isEmpty() {
            return names.isEmpty() && values.isEmpty();
        }

        /** The placeholders. */
        public Expressions build() {
            return isEmpty() ? NONE : new Expressions(names, values);
        }
    }
}
