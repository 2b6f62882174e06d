package io.ddbc.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a history of one session's reads and writes of versioned items against the four session
 * guarantees. Works on any engine: with replication lag the reads it sees may come from followers, and
 * a violation is exactly a read or write that went back behind what the session had seen or done.
 * Versions are the managed versions (0 = absent). Not thread-safe: one checker per session, fed in the
 * session's program order.
 */
final class SessionHistoryChecker {
    private final String session;
    private final Map<String, Long> lastWritten = new HashMap<>();
    private final Map<String, Long> maxRead = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private int events;

    SessionHistoryChecker(String session) {
        this.session = session;
    }

    /** A read of {@code key} that returned {@code version}. */
    void read(String key, long version, String how) {
        events++;
        long written = lastWritten.getOrDefault(key, 0L);
        long seen = maxRead.getOrDefault(key, 0L);
        if (version < written) violations.add(describe("read-your-writes", key, how, "read v" + version + " after writing v" + written));
        if (version < seen) violations.add(describe("monotonic reads", key, how, "read v" + version + " after reading v" + seen));
        maxRead.merge(key, version, Math::max);
    }

    /** A write of {@code key} that produced {@code version}. */
    void wrote(String key, long version) {
        events++;
        long written = lastWritten.getOrDefault(key, 0L);
        long seen = maxRead.getOrDefault(key, 0L);
        if (version <= written) violations.add(describe("monotonic writes", key, "write", "wrote v" + version + " after writing v" + written));
        if (version <= seen) violations.add(describe("writes-follow-reads", key, "write", "wrote v" + version + " after reading v" + seen));
        lastWritten.put(key, version);
        maxRead.merge(key, version, Math::max);
    }

    private String describe(String guarantee, String key, String how, String what) {
        return session + " broke " + guarantee + " on " + key + " (" + how + "): " + what;
    }

    List<String> violations() {
        return violations;
    }

    int events() {
        return events;
    }
}
