package io.ddbc.aws.internal;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Converts ddbc's attribute model to the SDK's and back, without loss: numbers travel as the text
 * they were written with, binary as bytes, sets keep their element order, L and M nest up to
 * {@link AttributeValue#MAX_NESTING_DEPTH} levels (deeper SDK input is a ValidationException).
 * Stateless; thread-safe.
 */
public final class ModelConverter {
    private ModelConverter() {
    }

    // ------------------------------------------------------------------------------- ddbc -> SDK

    /** One ddbc value as an SDK value. */
    public static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue v) {
        var b = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        switch (v.type()) {
            case S: return b.s(v.s()).build();
            case N: return b.n(v.numberText()).build();
            case B: return b.b(SdkBytes.fromByteArrayUnsafe(v.b())).build();
            case BOOL: return b.bool(v.bool()).build();
            case NULL: return b.nul(true).build();
            case L: {
                List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> l = new ArrayList<>(v.l().size());
                for (AttributeValue e : v.l()) l.add(toSdk(e));
                return b.l(l).build();
            }
            case M: return b.m(toSdk(v.m())).build();
            case SS: return b.ss(texts(v.setElements())).build();
            case NS: return b.ns(texts(v.setElements())).build();
            case BS: {
                List<SdkBytes> bytes = new ArrayList<>();
                for (AttributeValue e : v.setElements()) bytes.add(SdkBytes.fromByteArrayUnsafe(e.b()));
                return b.bs(bytes).build();
            }
            default: throw new IllegalStateException("unknown attribute type " + v.type());
        }
    }

    private static List<String> texts(List<AttributeValue> elements) {
        List<String> out = new ArrayList<>(elements.size());
        for (AttributeValue e : elements) out.add(e.type() == AttributeValue.Type.N ? e.numberText() : e.s());
        return out;
    }

    /** A map of ddbc values (an item's attributes, placeholder values) as SDK values, order kept. */
    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(Map<String, AttributeValue> values) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, toSdk(v)));
        return out;
    }

    /** An item as SDK attributes. */
    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(Item item) {
        return toSdk(item.attributes());
    }

    /** A key as SDK attributes. */
    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(Key key) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out = new LinkedHashMap<>(4);
        out.put(key.partitionName(), toSdk(key.partitionValue()));
        key.sortName().ifPresent(s -> out.put(s, toSdk(key.sortValue())));
        return out;
    }

    // ------------------------------------------------------------------------------- SDK -> ddbc

    /**
     * One SDK value as a ddbc value.
     *
     * @throws ValidationException if the SDK value has no type set (never sent by DynamoDB)
     */
    public static AttributeValue fromSdk(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        return fromSdk(v, 0);
    }

    /**
     * {@link #fromSdk(software.amazon.awssdk.services.dynamodb.model.AttributeValue)} at nesting {@code depth}.
     * An SDK value may come from an application (through the drop-in wrapper) nested arbitrarily deep: the depth
     * is checked before descending, so such input is a ValidationException, not a StackOverflowError.
     */
    private static AttributeValue fromSdk(software.amazon.awssdk.services.dynamodb.model.AttributeValue v, int depth) {
        if (v == null || v.type() == null) throw new ValidationException("DynamoDB returned an attribute value without a type: " + v);
        switch (v.type()) {
            case S: return AttributeValue.s(v.s());
            case N: return AttributeValue.n(v.n());
            case B: return AttributeValue.b(v.b().asByteArrayUnsafe());
            case BOOL: return AttributeValue.bool(v.bool());
            case NUL: return AttributeValue.nul();
            case L: {
                checkDepth(depth);
                List<AttributeValue> l = new ArrayList<>(v.l().size());
                for (software.amazon.awssdk.services.dynamodb.model.AttributeValue e : v.l()) l.add(fromSdk(e, depth + 1));
                return AttributeValue.l(l);
            }
            case M: {
                checkDepth(depth);
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                v.m().forEach((k, e) -> m.put(k, fromSdk(e, depth + 1)));
                return AttributeValue.m(m);
            }
            case SS: return AttributeValue.ss(v.ss());
            case NS: return AttributeValue.ns(v.ns());
            case BS: {
                List<byte[]> bytes = new ArrayList<>(v.bs().size());
                for (SdkBytes e : v.bs()) bytes.add(e.asByteArrayUnsafe());
                return AttributeValue.bs(bytes);
            }
            default:
                throw new ValidationException("DynamoDB returned an attribute value without a known type: " + v);
        }
    }

    private static void checkDepth(int depth) {
        if (depth >= AttributeValue.MAX_NESTING_DEPTH) {
            throw new ValidationException("Nesting Levels have exceeded supported limits: a list or map value is nested more than "
                    + AttributeValue.MAX_NESTING_DEPTH + " levels deep");
        }
    }

    private static Map<String, AttributeValue> fromSdkMap(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> m) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, fromSdk(v)));
        return out;
    }

    /** SDK attributes as an item; null or an empty map (DynamoDB's "no item") gives null. */
    public static Item itemOrNull(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> attributes) {
        if (attributes == null || attributes.isEmpty()) return null;
        return Item.of(fromSdkMap(attributes));
    }

    /** SDK items as ddbc items, in order. */
    public static List<Item> items(Collection<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items) {
        List<Item> out = new ArrayList<>(items.size());
        for (Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> i : items) out.add(Item.of(fromSdkMap(i)));
        return out;
    }
}
