package io.ddbc.api;

/**
 * The backend cannot serve the request right now without risking a wrong answer: no quorum of
 * replicas, the leader is failing over, or the service is unavailable. Retryable.
 *
 * <pre>{@code
 * catch (BackendUnavailableException e) { if (e.isRetryable()) scheduleRetry(); }
 * }</pre>
 */
public class BackendUnavailableException extends DdbcException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the table, key, parameter or rule at fault. */
    public BackendUnavailableException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Always true: the same request may succeed when sent again. */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
