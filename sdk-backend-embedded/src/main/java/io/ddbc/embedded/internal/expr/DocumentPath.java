package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import java.util.List;
import java.util.Map;

/**
 * A resolved document path such as {@code a.b[2].c}: a top-level attribute name followed by map keys
 * and list indexes. Placeholders are already substituted. Immutable.
 */
final class DocumentPath {
    /** Per element: the map key, or null where the element is a list index. Element 0 is always a name. */
    private final String[] names;
    /** Per element: the list index where {@code names[i] == null}. */
    private final int[] indexes;

    DocumentPath(String[] names, int[] indexes) {
        this.names = names;
        this.indexes = indexes;
    }

    /** The top-level attribute name. */
    String top() {
        return names[0];
    }

    int length() {
        return names.length;
    }

    boolean isIndex(int i) {
        return names[i] == null;
    }

    String name(int i) {
        return names[i];
    }

    int index(int i) {
        return indexes[i];
    }

    /** The value at this path, or null if any step is missing or of the wrong type. Allocation-free. */
    AttributeValue resolve(Item item) {
        return resolveFrom(item.get(names[0]));
    }

    /** The value at this path below {@code top}, the value of the top-level attribute (null if absent). */
    AttributeValue resolveFrom(AttributeValue top) {
        AttributeValue v = top;
        for (int i = 1; i < names.length && v != null; i++) {
            v = step(v, i);
        }
        return v;
    }

    /** The child of {@code v} selected by element {@code i}, or null. */
    AttributeValue step(AttributeValue v, int i) {
        if (names[i] != null) {
            if (v.type() != AttributeValue.Type.M) return null;
            Map<String, AttributeValue> m = v.m();
            return m.get(names[i]);
        }
        if (v.type() != AttributeValue.Type.L) return null;
        List<AttributeValue> l = v.l();
        return indexes[i] < l.size() ? l.get(indexes[i]) : null;
    }

    /** How two paths relate: {@code OVERLAP} when one is a prefix of (or equal to) the other. */
    enum Relation { NONE, OVERLAP, CONFLICT }

    Relation relationTo(DocumentPath other) {
        int common = Math.min(length(), other.length());
        for (int i = 0; i < common; i++) {
            boolean idx = isIndex(i);
            if (idx != other.isIndex(i)) return Relation.CONFLICT;  // one treats the parent as a map, the other as a list
            if (idx ? indexes[i] != other.indexes[i] : !names[i].equals(other.names[i])) return Relation.NONE;
        }
        return Relation.OVERLAP;
    }

    /** DynamoDB's rendering in messages: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) sb.append(", ");
            if (names[i] != null) {
                sb.append(names[i]);
            } else {
                sb.append('[').append(indexes[i]).append(']');
            }
        }
        return sb.append(']').toString();
    }
}
