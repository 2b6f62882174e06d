package io.ddbc.embedded.internal.storage;

import io.ddbc.api.AttributeValue;

/** DynamoDB's key ordering extended with range sentinels: null is below every value, {@link #HIGH} above. */
public final class KeyOrder {
    /** The "above every key value" sentinel (compared by identity; never a stored key value, which are S/N/B). */
    public static final AttributeValue HIGH = AttributeValue.nul();

    private KeyOrder() {
    }

    /** Compares two key values that may be range sentinels. */
    public static int compareBound(AttributeValue a, AttributeValue b) {
        if (a == b) return 0;
        if (a == null || b == HIGH) return -1;
        if (b == null || a == HIGH) return 1;
        return AttributeValue.compareKeyValues(a, b);
    }
}
