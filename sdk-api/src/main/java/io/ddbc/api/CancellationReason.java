package io.ddbc.api;

import java.util.Objects;
import java.util.Optional;

/**
 * Why one action of a cancelled transaction did not go through, in DynamoDB's codes:
 * {@code None}, {@code ConditionalCheckFailed}, {@code TransactionConflict},
 * {@code ItemCollectionSizeLimitExceeded}, {@code ProvisionedThroughputExceeded},
 * {@code ThrottlingError}, {@code ValidationError}.
 *
 * <pre>{@code
 * for (CancellationReason r : e.reasons()) {
 *     if (r.isConditionFailure()) log.info("action failed its condition; item now {}", r.item().orElse(null));
 * }
 * }</pre>
 */
public final class CancellationReason {
    /** The code of an action that was fine but cancelled because another failed. */
    public static final String NONE = "None";
    /** The code of an action whose condition was false. */
    public static final String CONDITIONAL_CHECK_FAILED = "ConditionalCheckFailed";
    /** The code of an action that met another transaction on the same item. */
    public static final String TRANSACTION_CONFLICT = "TransactionConflict";
    /** The code of an action that was throttled. */
    public static final String THROTTLING = "ThrottlingError";
    /** The code of an action that exceeded provisioned throughput. */
    public static final String PROVISIONED_THROUGHPUT_EXCEEDED = "ProvisionedThroughputExceeded";
    /** The code of an invalid action. */
    public static final String VALIDATION_ERROR = "ValidationError";

    private final String code;
    private final String message;
    private final Item item;

    /**
     * @param code DynamoDB's cancellation code
     * @param message the message for this action, may be null
     * @param item the item as it was (returned for condition failures when asked), may be null
     */
    public CancellationReason(String code, String message, Item item) {
        this.code = Objects.requireNonNull(code, "code");
        this.message = message;
        this.item = item;
    }

    /** The reason code, e.g. {@code ConditionalCheckFailed}. */
    public String code() {
        return code;
    }

    /** The message for this action, if any. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    /** The item as it was, when the backend returned it. */
    public Optional<Item> item() {
        return Optional.ofNullable(item);
    }

    /** Whether this action failed its condition. */
    public boolean isConditionFailure() {
        return CONDITIONAL_CHECK_FAILED.equals(code);
    }

    /** Whether this reason alone would make a retry worthwhile (conflict or throttling). */
    public boolean isTransient() {
        return TRANSACTION_CONFLICT.equals(code) || THROTTLING.equals(code) || PROVISIONED_THROUGHPUT_EXCEEDED.equals(code);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CancellationReason)) return false;
        CancellationReason r = (CancellationReason) o;
        return code.equals(r.code) && Objects.equals(message, r.message) && Objects.equals(item, r.item);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, message, item);
    }

    @Override
    public String toString() {
        return code + (message == null ? "" : " (" + message + ")");
    }
}
