package io.ddbc.embedded.internal.global;

import java.util.ArrayDeque;

/**
 * Where the writes shipped over one channel landed: pairs (origin position, local position) in arrival order,
 * the most recent ones kept. Answers "which local position reflects every shipped write up to origin position
 * p" — exactly for recent writes, and for older ones with the last forgotten pair's local position (an upper
 * bound, so readers wait at most a little longer). Guarded by the channel.
 */
final class AppliedMarks {
    private static final int KEEP = 256;
    private final ArrayDeque<long[]> marks = new ArrayDeque<>();
    private long forgotten;

    /** A shipped write with origin position {@code origin} is reflected here from local position {@code local}. */
    void add(long origin, long local) {
        if (marks.size() == KEEP) forgotten = marks.pollFirst()[1];
        marks.addLast(new long[] {origin, local});
    }

    /** The local position that reflects every shipped write with origin position ≤ {@code origin} (0 if none). */
    long localFor(long origin) {
        var it = marks.descendingIterator();
        while (it.hasNext()) {
            long[] m = it.next();
            if (m[0] <= origin) return m[1];
        }
        return forgotten;
    }
}
