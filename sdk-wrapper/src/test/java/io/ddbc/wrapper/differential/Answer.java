package io.ddbc.wrapper.differential;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * One side's answer to one generated request, as text that compares field by field: the error (kind and
 * DynamoDB's message), and named parts — items, attributes, LastEvaluatedKey, Count, ScannedCount,
 * consumed capacity, cancellation reasons. Items are text with numbers exactly as returned (NOT
 * normalised: "1.50" and "1.5" differ), map keys and set elements sorted (DynamoDB defines no order there).
 */
final class Answer {
    /** The error kind: the SDK exception's class, and its error code for the generic DynamoDbException; null when none. */
    String error;
    /** DynamoDB's error message (the SDK's errorMessage, without the SDK's "(Service: ...)" suffix). */
    String message;
    /** The cancellation reasons' messages, compared with {@link ErrorMessages#strip} like the error's. */
    final List<String> reasonMessages = new ArrayList<>();
    /** Named parts in the order they were added. */
    final Map<String, String> parts = new LinkedHashMap<>();

    Answer put(String name, Object value) {
        parts.put(name, String.valueOf(value));
        return this;
    }

    @Override
    public String toString() {
        return (error == null ? "" : error + ": " + message + " ") + parts;
    }

    // ------------------------------------------------------------------------------------------- text

    /** A value as text: type tag, then the value; numbers exactly as given. */
    static String text(AttributeValue v) {
        if (v == null) return "null";
        switch (v.type()) {
            case S: return "S:" + longText(v.s());
            case N: return "N:" + v.n();
            case B: return "B:" + Base64.getEncoder().encodeToString(v.b().asByteArray());
            case BOOL: return "BOOL:" + v.bool();
            case NUL: return "NULL";
            case SS: return "SS" + sorted(v.ss());
            case NS: return "NS" + sorted(v.ns());
            case BS: {
                List<String> l = new ArrayList<>();
                v.bs().forEach(b -> l.add(Base64.getEncoder().encodeToString(b.asByteArray())));
                return "BS" + sorted(l);
            }
            case L: {
                List<String> l = new ArrayList<>();
                v.l().forEach(e -> l.add(text(e)));
                return "L" + l;
            }
            case M: return "M" + text(v.m());
            default: return "?" + v;
        }
    }

    /** Long strings (the 400 KB items) by length and hash: comparing and printing them whole costs seconds. */
    private static String longText(String s) {
        return s.length() <= 64 ? s : s.substring(0, 16) + "...(" + s.length() + " chars, hash " + Integer.toHexString(s.hashCode()) + ")";
    }

    /** An item (or key) as text, attributes in name order; null for no item. */
    static String text(Map<String, AttributeValue> item) {
        if (item == null) return "null";
        StringBuilder sb = new StringBuilder("{");
        new TreeMap<>(item).forEach((k, v) -> sb.append(k).append('=').append(text(v)).append(", "));
        if (sb.length() > 1) sb.setLength(sb.length() - 2);
        return sb.append('}').toString();
    }

    private static List<String> sorted(List<String> l) {
        List<String> out = new ArrayList<>(l);
        out.sort(null);
        return out;
    }

    static List<String> items(List<Map<String, AttributeValue>> items, boolean sort) {
        List<String> out = new ArrayList<>();
        if (items != null) items.forEach(i -> out.add(text(i)));
        // Sorted by the number-normalised text, so two lists that differ only in how numbers are written line up.
        if (sort) out.sort(java.util.Comparator.comparing(KnownDifferences::normalise).thenComparing(java.util.Comparator.naturalOrder()));
        return out;
    }

    // --------------------------------------------------------------------------------------- capacity

    /** Consumed capacity by table: total, table, and each index; mutable so departures can be corrected. */
    static final class Cap {
        final Map<String, double[]> tables = new TreeMap<>(); // table -> {total, table}
        final Map<String, Double> indexes = new TreeMap<>(); // table/index -> units
        boolean reported;

        static Cap of(List<ConsumedCapacity> list) {
            Cap c = new Cap();
            if (list != null) list.forEach(c::add);
            return c;
        }

        static Cap of(ConsumedCapacity one) {
            Cap c = new Cap();
            if (one != null) c.add(one);
            return c;
        }

        void add(ConsumedCapacity cc) {
            reported = true;
            double[] t = tables.computeIfAbsent(cc.tableName(), k -> new double[2]);
            t[0] += cc.capacityUnits() == null ? 0 : cc.capacityUnits();
            t[1] += units(cc.table());
            if (cc.globalSecondaryIndexes() != null) cc.globalSecondaryIndexes().forEach((k, v) -> indexes.merge(cc.tableName() + "/" + k, units(v), Double::sum));
            if (cc.localSecondaryIndexes() != null) cc.localSecondaryIndexes().forEach((k, v) -> indexes.merge(cc.tableName() + "/" + k, units(v), Double::sum));
        }

        private static double units(Capacity c) {
            return c == null || c.capacityUnits() == null ? 0 : c.capacityUnits();
        }

        /** Adds units to a table's total, and to its table figure or an index's when {@code detailed}. */
        void adjust(String table, String index, double units, boolean detailed) {
            double[] t = tables.computeIfAbsent(table, k -> new double[2]);
            t[0] += units;
            if (!detailed) return;
            if (index == null) t[1] += units;
            else indexes.merge(table + "/" + index, units, Double::sum);
        }

        double total() {
            double sum = 0;
            for (double[] t : tables.values()) sum += t[0];
            return sum;
        }

        @Override
        public String toString() {
            if (!reported) return "none";
            StringBuilder sb = new StringBuilder();
            tables.forEach((k, v) -> sb.append(k).append(": total=").append(v[0]).append(v[1] == 0 ? "" : " table=" + v[1]).append("; "));
            indexes.forEach((k, v) -> {
                if (v != 0) sb.append(k).append('=').append(v).append("; ");
            });
            return sb.toString().trim();
        }
    }
}
