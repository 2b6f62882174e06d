package io.ddbc.embedded.internal.global;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Where the writes shipped over one channel landed: pairs (origin position, local position) in arrival order
 * (both increasing), the most recent ones kept. Answers both ways — "which local position reflects every
 * shipped write up to origin position p" and "up to which origin position had the destination applied by
 * local position q" — exactly for recent writes, and for older ones with the last forgotten pair (an upper
 * bound, so readers wait at most a little longer). Guarded by the channel.
 */
final class AppliedMarks {
    private static final int KEEP = 256;
    private final ArrayDeque<long[]> marks = new ArrayDeque<>();
    private final long[] forgotten = {0, 0};

    /** A shipped write with origin position {@code origin} is reflected here from local position {@code local}. */
    void add(long origin, long local) {
        if (marks.size() == KEEP) {
            long[] old = marks.pollFirst();
            forgotten[0] = old[0];
            forgotten[1] = old[1];
        }
        marks.addLast(new long[] {origin, local});
    }

    /** The local position that reflects every shipped write with origin position ≤ {@code origin} (0 if none). */
    long localFor(long origin) {
        return latest(0, origin, 1);
    }

    /** The highest origin position among the writes applied here by local position {@code local} (0 if none). */
    long originBy(long local) {
        return latest(1, local, 0);
    }

    /** Of the newest pair whose {@code by} element is ≤ {@code bound}, the {@code answer} element; else the forgotten pair's. */
    private long latest(int by, long bound, int answer) {
        Iterator<long[]> it = marks.descendingIterator();
        while (it.hasNext()) {
            long[] m = it.next();
            if (m[by] <= bound) return m[answer];
        }
        return forgotten[answer];
    }
}
