package io.ddbc.api;

/**
 * The backend cannot serve the request right now without risking a wrong answer: no quorum of
 * replicas, the leader is failing over, or the service is unavailable. Retryable.
 *
 * <p>Backends say whether the request may nevertheless have been applied ({@link #mayHaveBeenApplied()}):
 * a refusal before the request was processed (no quorum, connection refused) is safe to send again; a
 * timeout or a lost response after the request reached the service is not, for a write that is not
 * idempotent. The client core never sends such a write twice: it resolves the outcome by reading back
 * (managed versions) or throws {@link OutcomeUnknownException}. This exception reaches an application
 * only for requests that are safe to send again.
 *
 * <pre>{@code
 * catch (BackendUnavailableException e) { if (e.isRetryable()) scheduleRetry(); }
 * }</pre>
 */
public class BackendUnavailableException extends DdbcException {
    private static final long serialVersionUID = 1L;

    private final boolean mayHaveBeenApplied;

    /** The request was refused before it was applied; the message names the table, key, parameter or rule at fault. */
    public BackendUnavailableException(String message) {
        this(message, null, false);
    }

    /** The request was refused before it was applied, with the underlying cause. */
    public BackendUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param message names the table, key and operation
     * @param cause the underlying failure, may be null
     * @param mayHaveBeenApplied whether the request may have been applied before the failure (a timeout or a
     *                           lost response after the request was sent)
     */
    public BackendUnavailableException(String message, Throwable cause, boolean mayHaveBeenApplied) {
        super(message, cause);
        this.mayHaveBeenApplied = mayHaveBeenApplied;
    }

    /**
     * Whether the request may have been applied although no answer came back. False means the backend
     * refused it before applying it, so it is safe to send again whatever it is.
     */
    public boolean mayHaveBeenApplied() {
        return mayHaveBeenApplied;
    }

    /** Always true: the same request may succeed when sent again. */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
