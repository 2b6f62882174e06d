package io.ddbc.api;

/**
 * A key attribute of a table or index: its name and scalar type (S, N or B).
 *
 * <pre>{@code
 * KeyAttribute id = KeyAttribute.of("id", AttributeValue.Type.S);
 * }</pre>
 *
 * @param name the attribute name (1–255 bytes)
 * @param type S, N or B
 */
public record KeyAttribute(String name, AttributeValue.Type type) {

    /** Validates the name and type. @throws ValidationException if either is not allowed for a key. */
    public KeyAttribute {
        if (name == null || name.isEmpty() || AttributeValue.utf8Length(name) > 255) {
            throw new ValidationException("Key attribute name must be 1 to 255 bytes long: '" + name + "'");
        }
        if (type == null || !type.isScalarKeyType()) {
            throw new ValidationException("Key attribute '" + name + "' must be of type S, N or B, not " + type);
        }
    }

    /** Shorthand for the canonical constructor. */
    public static KeyAttribute of(String name, AttributeValue.Type type) {
        return new KeyAttribute(name, type);
    }
}
