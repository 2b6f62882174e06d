package io.ddbc.api;

/**
 * Bad configuration: a malformed or unknown URL, an unknown or ill-typed parameter, or no backend
 * on the classpath for the URL. The message names the offending part and, for an unknown scheme,
 * the backends that are present.
 *
 * <pre>{@code
 * Ddbc.connect("ddbc:nosuch:x");   // DdbcConfigException: no backend accepts 'ddbc:nosuch:x'; present: embedded, aws
 * }</pre>
 */
public class DdbcConfigException extends DdbcException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the table, key, parameter or rule at fault. */
    public DdbcConfigException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public DdbcConfigException(String message, Throwable cause) {
        super(message, cause);
    }

}
