package io.ddbc.api;

/**
 * The table or index named in the request does not exist (or is not active).
 *
 * <pre>{@code
 * client.table("nosuch").get(Key.of("id", "a")).execute();   // ResourceNotFoundException: table 'nosuch'
 * }</pre>
 */
public class ResourceNotFoundException extends DdbcException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the table, key, parameter or rule at fault. */
    public ResourceNotFoundException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ResourceNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }

}
