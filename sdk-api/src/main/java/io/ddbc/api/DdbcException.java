package io.ddbc.api;

/**
 * Root of every exception ddbc raises. Unchecked, like the AWS SDK v2's exceptions.
 *
 * <p>Messages name the table, key, parameter or rule at fault. {@link #isRetryable()} tells
 * whether the same request may succeed if sent again (throttling, a replica or service briefly
 * unavailable); the client's retry policy uses it.
 *
 * <pre>{@code
 * try {
 *     accounts.update(key).expression("SET balance = balance - :a").value(":a", 100)
 *             .condition("balance >= :a").execute();
 * } catch (ConditionFailedException e) {
 *     Item current = e.currentItem().orElse(null);   // what made the condition fail
 * } catch (DdbcException e) {
 *     if (e.isRetryable()) { ... }                   // already retried per the client's RetryPolicy
 * }
 * }</pre>
 */
public class DdbcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that names what is wrong. */
    public DdbcException(String message) {
        super(message);
    }

    /** Creates an exception with a message that names what is wrong and its cause. */
    public DdbcException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether sending the same request again may succeed. False unless a subclass says otherwise. */
    public boolean isRetryable() {
        return false;
    }
}
