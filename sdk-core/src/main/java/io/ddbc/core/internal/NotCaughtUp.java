package io.ddbc.core.internal;

import io.ddbc.api.Key;
import io.ddbc.api.StaleReadException;

/**
 * A region cannot show that it has a session's writes from another region. {@link #waitable()} says whether
 * waiting can help: a version that is behind may arrive; a write that leaves nothing to compare (an
 * unversioned item on a backend without positions) can never be verified outside the region that took it.
 */
final class NotCaughtUp extends StaleReadException {
    private static final long serialVersionUID = 1L;
    private final boolean waitable;

    private NotCaughtUp(String table, Key key, String message, boolean waitable) {
        super(table, key, message);
        this.waitable = waitable;
    }

    /** Cannot be verified in this region, however long it waits. */
    static NotCaughtUp unverifiable(String table, Key key, String why) {
        return new NotCaughtUp(table, key, "Table '" + table + "'" + (key == null ? "" : ", key " + key) + ": " + why, false);
    }

    /** Behind now; may catch up. */
    static NotCaughtUp behind(String table, Key key, String why) {
        return new NotCaughtUp(table, key, "Table '" + table + "'" + (key == null ? "" : ", key " + key) + ": " + why, true);
    }

    boolean waitable() {
        return waitable;
    }

    /** Whether waiting may cure a failure: anything but an unverifiable read. */
    static boolean waitable(RuntimeException e) {
        return !(e instanceof NotCaughtUp n) || n.waitable;
    }
}
