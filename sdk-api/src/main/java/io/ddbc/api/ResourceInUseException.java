package io.ddbc.api;

/**
 * The table (or index) is in a state that refuses the request: most often, a CreateTable for a table
 * that already exists (DynamoDB's {@code ResourceInUseException}, "Cannot create preexisting table").
 * Not retryable: the same request fails again until the table is deleted.
 *
 * <pre>{@code
 * try {
 *     client.createTable(spec);
 * } catch (ResourceInUseException e) {
 *     // the table is already there: use it
 * }
 * }</pre>
 */
public class ResourceInUseException extends DdbcException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with DynamoDB's text first, then ddbc's details (which table). */
    public ResourceInUseException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ResourceInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
