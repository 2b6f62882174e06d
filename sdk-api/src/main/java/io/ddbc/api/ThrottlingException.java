package io.ddbc.api;

/**
 * The request exceeded the table's provisioned or on-demand throughput
 * ({@code ProvisionedThroughputExceededException}, {@code ThrottlingException} or
 * {@code RequestLimitExceeded} in DynamoDB). Retryable; the client retries it with backoff before it
 * reaches the application.
 *
 * <pre>{@code
 * catch (ThrottlingException e) { metrics.increment("throttled"); }   // after the RetryPolicy gave up
 * }</pre>
 */
public class ThrottlingException extends DdbcException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the table, key, parameter or rule at fault. */
    public ThrottlingException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ThrottlingException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Always true: the same request may succeed when sent again. */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
