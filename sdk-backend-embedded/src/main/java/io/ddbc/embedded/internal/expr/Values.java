package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.AttributeValue.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** DynamoDB's value semantics for expressions: ordering, size, contains, begins_with, set building. */
final class Values {
    private Values() {
    }

    /** Whether {@code a} and {@code b} can be ordered (same type, one of N, S, B). */
    static boolean orderable(AttributeValue a, AttributeValue b) {
        return a != null && b != null && a.type() == b.type() && a.type().isScalarKeyType();
    }

    /** {@code compareKeyValues} for values already known to be {@link #orderable}. */
    static int compare(AttributeValue a, AttributeValue b) {
        return AttributeValue.compareKeyValues(a, b);
    }

    /**
     * DynamoDB's {@code size()}: UTF-8 bytes of S, bytes of B, elements of a set or L, entries of M; -1
     * for the types size() does not apply to.
     */
    static long size(AttributeValue v) {
        switch (v.type()) {
            case S: return AttributeValue.utf8Length(v.s());
            case B: return v.sizeInBytes();
            case L: return v.l().size();
            case M: return v.m().size();
            case SS:
            case NS:
            case BS: return v.setElements().size();
            default: return -1;
        }
    }

    /** {@code begins_with(a, b)}: S prefix of S, or B prefix of B. */
    static boolean beginsWith(AttributeValue a, AttributeValue b) {
        if (a == null || b == null || a.type() != b.type()) return false;
        if (a.type() == Type.S) return a.s().startsWith(b.s());
        if (a.type() != Type.B) return false;
        int n = b.sizeInBytes();
        if (n > a.sizeInBytes()) return false;
        byte[] whole = a.b();
        byte[] prefix = b.b();
        return java.util.Arrays.equals(whole, 0, n, prefix, 0, n);
    }

    /** {@code contains(a, b)}: substring of S, element of a set of b's type, or element of L. */
    static boolean contains(AttributeValue a, AttributeValue b) {
        if (a == null || b == null) return false;
        switch (a.type()) {
            case S: return b.type() == Type.S && a.s().contains(b.s());
            case SS: return b.type() == Type.S && a.setElements().contains(b);
            case NS: return b.type() == Type.N && a.setElements().contains(b);
            case BS: return b.type() == Type.B && a.setElements().contains(b);
            case L: return a.l().contains(b);
            default: return false;
        }
    }

    /** The element type of a set type (S for SS, ...). */
    static Type elementType(Type setType) {
        switch (setType) {
            case SS: return Type.S;
            case NS: return Type.N;
            default: return Type.B;
        }
    }

    /** A set of the given type from S/N/B elements (which must be distinct by DynamoDB's equality). */
    static AttributeValue setOf(Type setType, Collection<AttributeValue> elements) {
        switch (setType) {
            case SS: {
                List<String> strings = new ArrayList<>(elements.size());
                for (AttributeValue e : elements) strings.add(e.s());
                return AttributeValue.ss(strings);
            }
            case NS: {
                List<String> numbers = new ArrayList<>(elements.size());
                for (AttributeValue e : elements) numbers.add(e.numberText());
                return AttributeValue.ns(numbers);
            }
            default: {
                List<byte[]> bytes = new ArrayList<>(elements.size());
                for (AttributeValue e : elements) bytes.add(e.b());
                return AttributeValue.bs(bytes);
            }
        }
    }
}
