package io.ddbc.api;

import java.util.OptionalLong;

/**
 * An optimistic-concurrency check failed: the item's managed version attribute was not the expected
 * one ({@code expectVersion(n)}), or {@code mutate(key, fn)} met a concurrent writer on every attempt
 * up to its limit. A {@link ConditionFailedException}, so code that catches that sees this too.
 *
 * <pre>{@code
 * try {
 *     accounts.update(key).expression("SET balance = :b").value(":b", 10).expectVersion(7).execute();
 * } catch (VersionConflictException e) {
 *     long now = e.actualVersion().orElse(0);   // someone else wrote version 8
 * }
 * }</pre>
 */
public class VersionConflictException extends ConditionFailedException {
    private static final long serialVersionUID = 1L;

    private final long expectedVersion;
    private final Long actualVersion;

    /**
     * @param tableName the table written
     * @param key the item's key
     * @param expectedVersion the version the writer expected (0 for "must not exist")
     * @param currentItem the item as it is now, or null if absent or not returned
     * @param actualVersion the item's current version, or null if unknown or absent
     * @param detail extra words for the message (e.g. "after 10 attempts"), may be null
     */
    public VersionConflictException(String tableName, Key key, long expectedVersion, Item currentItem,
                                    Long actualVersion, String detail) {
        super("Version conflict on table '" + tableName + "', key " + key + ": expected version " + expectedVersion
                        + ", found " + (actualVersion == null ? (currentItem == null ? "no item" : "unknown") : actualVersion)
                        + (detail == null ? "" : " " + detail),
                tableName, key, "expected version " + expectedVersion, currentItem);
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** The version the writer expected. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The item's version when the write was refused, if known. */
    public OptionalLong actualVersion() {
        return actualVersion == null ? OptionalLong.empty() : OptionalLong.of(actualVersion);
    }
}
