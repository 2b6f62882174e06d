package io.ddbc.reliability.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recorded history of one run and its checkers. Writes carry a unique tag (the step that wrote it,
 * {@code "t<index>"}; {@code null} = no item), so every read names the write it saw.
 *
 * <ul>
 *   <li>Per item, the values it may hold now: the last acknowledged write, followed by any later writes
 *       whose outcome is unknown (BackendUnavailable, throttled after retries). A strong read must return
 *       one of them (linearizability; the run is single-threaded, so operations never overlap) and fixes the
 *       item to it. The final strong read after healing is checked the same way: an acknowledged write that
 *       is not there was lost.</li>
 *   <li>Every read returns a value that some applied-or-unknown write produced (no phantoms, no failed
 *       conditional write visible).</li>
 *   <li>Per session, session/strong reads never return a write older than the session's own last
 *       acknowledged write of the item (read-your-writes) or than anything it saw before (monotonic reads);
 *       on versioned items each acknowledged write's version exceeds every version the session wrote
 *       (monotonic writes) or read (writes-follow-reads).</li>
 * </ul>
 * Not thread-safe: the simulation is single-threaded by design (determinism).
 */
final class History {
    /** A write's fate. */
    enum Outcome { ACKED, FAILED, UNKNOWN }

    private final Map<String, List<String>> possible = new HashMap<>();
    private final Map<String, Set<String>> written = new HashMap<>();
    private final Map<String, List<Integer>> deletes = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private int events;

    /** What one session knows, per item: the last write it made and the newest write it saw (step indices). */
    static final class SessionView {
        final String name;
        final Map<String, Integer> lastWrite = new HashMap<>();
        final Map<String, Integer> newestSeen = new HashMap<>();
        final Map<String, Long> maxVersion = new HashMap<>();

        SessionView(String name) {
            this.name = name;
        }

        /** Takes in another session's knowledge (a merged token): its writes and what it saw count as seen. */
        void mergeFrom(SessionView other) {
            other.lastWrite.forEach((k, v) -> newestSeen.merge(k, v, Math::max));
            other.newestSeen.forEach((k, v) -> newestSeen.merge(k, v, Math::max));
            other.maxVersion.forEach((k, v) -> maxVersion.merge(k, v, Math::max));
        }

        SessionView copy(String newName) {
            SessionView c = new SessionView(newName);
            c.lastWrite.putAll(lastWrite);
            c.newestSeen.putAll(newestSeen);
            c.maxVersion.putAll(maxVersion);
            return c;
        }
    }

    static String tag(int step) {
        return "t" + step;
    }

    private static int step(String tag) {
        return tag == null ? -1 : Integer.parseInt(tag.substring(1)); // the set-up's "t-1" is step -1
    }

    /** A write of {@code tag} (null: a delete) to {@code item} by {@code session} at step {@code step}. */
    void wrote(SessionView session, String item, int step, String tag, Outcome outcome) {
        events++;
        if (outcome == Outcome.FAILED) return;
        if (tag != null) written.computeIfAbsent(item, k -> new HashSet<>()).add(tag);
        else deletes.computeIfAbsent(item, k -> new ArrayList<>()).add(step);
        List<String> now = possible.computeIfAbsent(item, k -> initial());
        if (outcome == Outcome.ACKED) {
            now.clear();
            now.add(tag);
            if (session != null) session.lastWrite.put(item, step);
        } else {
            now.add(tag);
        }
    }

    /** Items written before the run (the set-up): acknowledged, seen by nobody yet. */
    void wroteInitial(List<String> items, String tag) {
        for (String item : items) {
            written.computeIfAbsent(item, k -> new HashSet<>()).add(tag);
            possible.put(item, new ArrayList<>(List.of(tag)));
        }
    }

    /** A versioned write acknowledged with {@code version}: monotonic writes and writes-follow-reads. */
    void wroteVersion(SessionView session, String item, long version, Op op) {
        Long before = session.maxVersion.get(item);
        if (before != null && version <= before) {
            violation("monotonic writes / writes-follow-reads", session.name + " wrote " + item + " at version " + version
                    + " after having written or read version " + before, op);
        }
        session.maxVersion.merge(item, version, Math::max);
    }

    /** A versioned read: the version joins what the session has seen. */
    void readVersion(SessionView session, String item, long version) {
        if (session != null) session.maxVersion.merge(item, version, Math::max);
    }

    private static List<String> initial() {
        List<String> l = new ArrayList<>();
        l.add(null);
        return l;
    }

    /** A read of {@code item} that returned {@code tag}. */
    void read(SessionView session, String item, String tag, boolean strong, boolean sessionGuarantees, Op op) {
        events++;
        if (tag != null && !written.getOrDefault(item, Set.of()).contains(tag)) {
            violation("phantom", item + " read as " + tag + ", which no applied or pending write produced", op);
            return;
        }
        if (strong) {
            List<String> now = possible.computeIfAbsent(item, k -> initial());
            if (!now.contains(tag)) {
                violation("linearizability", "strong read of " + item + " returned " + show(tag) + "; the item could only hold "
                        + shows(now), op);
            } else {
                now.clear();
                now.add(tag);
            }
        }
        if (session != null && sessionGuarantees) checkSession(session, item, tag, op);
        // An absent item seen by an eventual read names no write: it may be any earlier state (the initial one,
        // a cached "not found"), so it moves the session's horizon only when it had to be explained as recent.
        if (session != null && (tag != null || sessionGuarantees)) see(session, item, tag);
    }

    private void checkSession(SessionView s, String item, String tag, Op op) {
        int mine = s.lastWrite.getOrDefault(item, -1);
        int seen = s.newestSeen.getOrDefault(item, -1);
        int observed = tag != null ? step(tag) : explainAbsent(item, Math.max(mine, seen));
        if (mine >= 0 && observed < mine) {
            violation("read-your-writes", s.name + " read " + item + " as " + show(tag) + " after writing t" + mine, op);
        } else if (observed < seen) {
            violation("monotonic reads", s.name + " read " + item + " as " + show(tag) + " after seeing " + (seen < 0 ? "nothing" : "t" + seen), op);
        }
    }

    /** An absent item is explained by the earliest delete at or after {@code bound} (or the beginning, if bound < 0). */
    private int explainAbsent(String item, int bound) {
        if (bound < 0) return -1;
        for (int d : deletes.getOrDefault(item, List.of())) if (d >= bound) return d;
        return -2;
    }

    private void see(SessionView s, String item, String tag) {
        int seen = s.newestSeen.getOrDefault(item, -1);
        int observed = tag != null ? step(tag) : explainAbsent(item, seen);
        if (observed > seen) s.newestSeen.put(item, observed);
    }

    void violation(String rule, String what, Op op) {
        violations.add(rule + ": " + what + (op == null ? " (final check)" : " at " + op));
    }

    List<String> violations() {
        return violations;
    }

    int events() {
        return events;
    }

    private static String show(String tag) {
        return tag == null ? "absent" : tag;
    }

    private static String shows(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String t : tags) out.add(show(t));
        return out.toString();
    }
}
