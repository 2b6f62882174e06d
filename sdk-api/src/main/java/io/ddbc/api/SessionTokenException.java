package io.ddbc.api;

/**
 * A session token is malformed, truncated, forged (bad signature), of a newer or unknown format,
 * over the size bound, or made for another backend. Never silently downgraded to a weaker guarantee.
 *
 * <pre>{@code
 * DdbcSession s = client.resumeSession(SessionToken.parse(header));   // SessionTokenException if header is bad
 * }</pre>
 */
public class SessionTokenException extends DdbcException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the table, key, parameter or rule at fault. */
    public SessionTokenException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public SessionTokenException(String message, Throwable cause) {
        super(message, cause);
    }

}
