package io.ddbc.api;

/**
 * Another transaction or write was in progress on an item of this request. Retryable.
 *
 * <pre>{@code
 * catch (TransactionConflictException e) { retry(); }
 * }</pre>
 */
public class TransactionConflictException extends DdbcException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the table, key, parameter or rule at fault. */
    public TransactionConflictException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public TransactionConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Always true: the same request may succeed when sent again. */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
