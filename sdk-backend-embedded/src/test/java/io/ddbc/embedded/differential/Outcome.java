package io.ddbc.embedded.differential;

import io.ddbc.api.Item;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one request produced on one engine, normalised for comparison: the error kind (null on success),
 * the items returned (in order where the order is defined), the last evaluated key, counts and capacity
 * (total and per index).
 */
record Outcome(String error, List<Item> items, Item lastKey, Integer count, Integer scanned, double capacity,
               Map<String, Double> indexCapacity) {

    static Outcome error(String kind) {
        return new Outcome(kind, null, null, null, null, 0, Map.of());
    }

    static Outcome of(List<Item> items, double capacity, Map<String, Double> indexCapacity) {
        return new Outcome(null, items, null, null, null, capacity, new TreeMap<>(indexCapacity));
    }

    Outcome page(Item lastKey, int count, int scanned) {
        return new Outcome(error, items, lastKey, count, scanned, capacity, indexCapacity);
    }

    /** This outcome with the total capacity shifted by {@code delta} (a documented DynamoDB Local departure). */
    Outcome plusCapacity(double delta) {
        return new Outcome(error, items, lastKey, count, scanned, capacity + delta, indexCapacity);
    }

    /** This outcome without capacity, where DynamoDB Local's figures are known not to follow AWS. */
    Outcome withoutCapacity() {
        return new Outcome(error, items, lastKey, count, scanned, -1, Map.of());
    }
}
