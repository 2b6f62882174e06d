package io.ddbc.api;

/**
 * The request is invalid by DynamoDB's rules: a bad expression, a key of the wrong type, an item over
 * 400 KB, a number out of range, a batch over its limit, a strong read on a global secondary index.
 * Mirrors DynamoDB's {@code ValidationException}; never retryable.
 *
 * <pre>{@code
 * table.get(Key.of("id", 42)).execute();   // ValidationException if 'id' is declared as S
 * }</pre>
 */
public class ValidationException extends DdbcException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the table, key, parameter or rule at fault. */
    public ValidationException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }

}
