package io.ddbc.api;

/**
 * A read could not meet the freshness it was asked for: a {@code minVersion(n)} read found only
 * older versions even on the strongest read the backend offers, or a session read could not reach a
 * replica or region that has caught up with the session. Never answered silently stale.
 *
 * <pre>{@code
 * try {
 *     profiles.get(key).minVersion(token.version()).execute();
 * } catch (StaleReadException e) {
 *     // the write this request depends on is not visible yet: ask the caller to retry
 * }
 * }</pre>
 */
public class StaleReadException extends DdbcException {
    private static final long serialVersionUID = 1L;

    private final String tableName;
    private final Key key;
    private final long requiredVersion;
    private final long seenVersion;

    /**
     * @param tableName the table read
     * @param key the key read (may be null for multi-item reads)
     * @param requiredVersion the version or position that was required
     * @param seenVersion the best version or position that was found (-1 if none)
     * @param detail what was tried, e.g. "after eventual and strong reads"
     */
    public StaleReadException(String tableName, Key key, long requiredVersion, long seenVersion, String detail) {
        super("Stale read on table '" + tableName + "'" + (key == null ? "" : ", key " + key)
                + ": required version " + requiredVersion + ", best available " + (seenVersion < 0 ? "none" : seenVersion)
                + (detail == null ? "" : " " + detail));
        this.tableName = tableName;
        this.key = key;
        this.requiredVersion = requiredVersion;
        this.seenVersion = seenVersion;
    }

    /**
     * A read that could not be served fresh enough for reasons other than an item version, e.g. a region
     * that has not yet applied a session's writes made in another region.
     *
     * @param tableName the table read
     * @param key the key read, or null (a query or scan)
     * @param message what was required and why it could not be met
     */
    public StaleReadException(String tableName, Key key, String message) {
        super(message);
        this.tableName = tableName;
        this.key = key;
        this.requiredVersion = -1;
        this.seenVersion = -1;
    }

    /** The table read. */
    public String tableName() {
        return tableName;
    }

    /** The key read, or null for a multi-item read. */
    public Key key() {
        return key;
    }

    /** The version or position the read required; -1 when the requirement is not a version (e.g. a region catching up). */
    public long requiredVersion() {
        return requiredVersion;
    }

    /** The freshest version or position found, or -1 if none. */
    public long seenVersion() {
        return seenVersion;
    }
}
