package io.ddbc.api;

import java.util.Optional;

/**
 * A write whose outcome ddbc cannot tell: the backend may or may not have applied it (a timeout or a lost
 * response after the request reached the service), sending it again could apply it twice, and reading the
 * item back could not prove either way. Like the AWS SDK's and JDBC drivers' "unknown outcome" errors: the
 * write was not retried, and it is the application's call what to do — read the item and decide, or make
 * the write idempotent (a managed version attribute with {@code expectVersion}, an unconditional put, a
 * transaction's client token) so that ddbc can resolve it next time.
 *
 * <p>ddbc throws this only for writes it could not resolve: a versioned write recognises its own applied
 * image by its write marker and reports success; a write found not applied is sent again.
 *
 * <pre>{@code
 * try {
 *     counters.update(key).expression("SET n = n + :one").value(":one", 1).execute();
 * } catch (OutcomeUnknownException e) {
 *     // applied once or not at all, never twice: reconcile, e.g. from an idempotency record
 * }
 * }</pre>
 */
public class OutcomeUnknownException extends DdbcException {
    private static final long serialVersionUID = 1L;

    private final String tableName;
    private final Key key;
    private final transient Item currentItem;

    /**
     * @param tableName the table written
     * @param key the item written, may be null (a transaction or a batch)
     * @param detail why the outcome could not be resolved
     * @param currentItem the item as read back, if it was, may be null
     * @param cause the failure that left the outcome unknown
     */
    public OutcomeUnknownException(String tableName, Key key, String detail, Item currentItem, Throwable cause) {
        super("The outcome of a write on table '" + tableName + "'" + (key == null ? "" : ", key " + key)
                + " is unknown: it may or may not have been applied, and was not sent again" + (detail == null ? "" : " (" + detail + ")")
                + (cause == null ? "" : ": " + cause.getMessage()), cause);
        this.tableName = tableName;
        this.key = key;
        this.currentItem = currentItem;
    }

    /** The table the write was addressed to. */
    public String tableName() {
        return tableName;
    }

    /** The key of the item written, if a single item was. */
    public Optional<Key> key() {
        return Optional.ofNullable(key);
    }

    /** The item as read back while trying to resolve the outcome; empty if absent or not read. */
    public Optional<Item> currentItem() {
        return Optional.ofNullable(currentItem);
    }

    /** False: sending the write again could apply it twice. */
    @Override
    public boolean isRetryable() {
        return false;
    }
}
