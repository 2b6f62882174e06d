package io.ddbc.api;

import java.util.List;

/**
 * Which attributes a secondary index copies from the table: only the keys, the keys plus named
 * attributes, or everything.
 *
 * <pre>{@code
 * Projection.all();
 * Projection.keysOnly();
 * Projection.include("email", "status");
 * }</pre>
 *
 * @param type ALL, KEYS_ONLY or INCLUDE
 * @param nonKeyAttributes the attributes copied besides the keys (INCLUDE only; empty otherwise)
 */
public record Projection(Type type, List<String> nonKeyAttributes) {

    /** DynamoDB's projection types. */
    public enum Type {
        /** Every attribute of the item. */ ALL,
        /** Only the table's and the index's key attributes. */ KEYS_ONLY,
        /** The keys plus the listed non-key attributes. */ INCLUDE
    }

    /** Validates the combination. @throws ValidationException if attributes are given for ALL/KEYS_ONLY or missing for INCLUDE. */
    public Projection {
        if (type == null) throw new ValidationException("Projection type must be given");
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
        if (type != Type.INCLUDE && !nonKeyAttributes.isEmpty()) {
            throw new ValidationException("No attributes should be specified to be projected unless projection type is INCLUDE"
                    + " (projection type " + type + ")");
        }
        if (type == Type.INCLUDE && nonKeyAttributes.isEmpty()) {
            throw new ValidationException("If Projection type INCLUDE is specified, some non-key attributes to include in the"
                    + " projection must be specified as well");
        }
    }

    /** Projects every attribute. */
    public static Projection all() {
        return new Projection(Type.ALL, List.of());
    }

    /** Projects only the key attributes. */
    public static Projection keysOnly() {
        return new Projection(Type.KEYS_ONLY, List.of());
    }

    /** Projects the keys and the named attributes. */
    public static Projection include(String... attributes) {
        return new Projection(Type.INCLUDE, List.of(attributes));
    }
}
