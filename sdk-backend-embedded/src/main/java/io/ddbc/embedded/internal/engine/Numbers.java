package io.ddbc.embedded.internal.engine;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's canonical number text. DynamoDB stores a number by its value, not by the text it was sent, and
 * answers with the shortest plain decimal: {@code "1.50"} → {@code 1.5}, {@code "-0"} → {@code 0},
 * {@code "1e2"} → {@code 100}, {@code "007"} → {@code 7}, {@code "-1e-10"} → {@code -0.0000000001}.
 * {@link AttributeValue} keeps the caller's text (the public API promises that), so the engine rewrites
 * numbers where values enter it — items written, keys, update results — and everything it stores, indexes
 * and returns (reads, ReturnValues, LastEvaluatedKey, sets) is canonical. Values that are already
 * canonical are returned as the same instance, so the common case allocates nothing.
 */
final class Numbers {
    private Numbers() {
    }

    /** The canonical text of a number: no exponent, no trailing fractional zeros, no sign on zero. */
    static String text(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    /** A value with every number in it (at any depth, in sets, lists and maps) in canonical text. */
    static AttributeValue canonical(AttributeValue v) {
        switch (v.type()) {
            case N: {
                String t = text(v.n());
                return t.equals(v.numberText()) ? v : AttributeValue.n(t);
            }
            case NS: {
                List<String> texts = null;
                List<AttributeValue> elements = v.setElements();
                for (int i = 0; i < elements.size(); i++) {
                    AttributeValue e = elements.get(i);
                    String t = text(e.n());
                    if (texts == null && !t.equals(e.numberText())) {
                        texts = new ArrayList<>(elements.size());
                        for (int j = 0; j < i; j++) texts.add(elements.get(j).numberText());
                    }
                    if (texts != null) texts.add(t);
                }
                return texts == null ? v : AttributeValue.ns(texts);
            }
            case L: {
                List<AttributeValue> out = null;
                List<AttributeValue> list = v.l();
                for (int i = 0; i < list.size(); i++) {
                    AttributeValue e = list.get(i);
                    AttributeValue c = canonical(e);
                    if (out == null && c != e) out = new ArrayList<>(list.subList(0, i));
                    if (out != null) out.add(c);
                }
                return out == null ? v : AttributeValue.l(out);
            }
            case M: {
                Map<String, AttributeValue> m = canonicalMap(v.m());
                return m == null ? v : AttributeValue.m(m);
            }
            default: return v;
        }
    }

    /** An item with canonical numbers (the same instance if it has none to rewrite); null stays null. */
    static Item canonical(Item item) {
        if (item == null) return null;
        Map<String, AttributeValue> m = canonicalMap(item.attributes());
        return m == null ? item : Item.of(m);
    }

    /** A key with canonical numbers (the same instance if already canonical). */
    static Key canonical(Key key) {
        AttributeValue p = canonical(key.partitionValue());
        AttributeValue s = key.hasSortKey() ? canonical(key.sortValue()) : null;
        if (p == key.partitionValue() && s == key.sortValue()) return key;
        return key.hasSortKey() ? Key.of(key.partitionName(), p, key.sortName().get(), s) : Key.of(key.partitionName(), p);
    }

    /** The map rewritten, keeping its order; null if nothing needed rewriting. */
    private static Map<String, AttributeValue> canonicalMap(Map<String, AttributeValue> in) {
        Map<String, AttributeValue> out = null;
        for (Map.Entry<String, AttributeValue> e : in.entrySet()) {
            AttributeValue c = canonical(e.getValue());
            if (out == null && c != e.getValue()) {
                out = new LinkedHashMap<>();
                for (Map.Entry<String, AttributeValue> before : in.entrySet()) {
                    if (before.getKey().equals(e.getKey())) break;
                    out.put(before.getKey(), before.getValue());
                }
            }
            if (out != null) out.put(e.getKey(), c);
        }
        return out;
    }
}
