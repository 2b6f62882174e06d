package io.ddbc.embedded;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a history of one register (one item) is linearizable: some order of the operations that
 * respects real time (an operation that responded before another was invoked comes first) explains every
 * read by the latest write before it. Wing & Gong's search with memoisation of (operations done, value);
 * meant for small histories (at most 63 operations).
 */
final class LinearizabilityChecker {
    /** No item. */
    static final long ABSENT = Long.MIN_VALUE;

    /** One operation: a write of {@code value} or a read that returned {@code value}, with its real-time interval. */
    record Op(boolean write, long value, long invokedNanos, long respondedNanos) {
        @Override
        public String toString() {
            return (write ? "w" : "r") + (value == ABSENT ? "∅" : value) + "[" + invokedNanos + "," + respondedNanos + "]";
        }
    }

    private final List<Op> ops;
    private final Set<String> seen = new HashSet<>();

    private LinearizabilityChecker(List<Op> ops) {
        if (ops.size() > 63) throw new IllegalArgumentException("history too long: " + ops.size());
        this.ops = ops;
    }

    /** Whether the history, starting from {@code initial}, is linearizable. */
    static boolean linearizable(List<Op> ops, long initial) {
        return new LinearizabilityChecker(ops).search(0L, initial);
    }

    private boolean search(long done, long value) {
        if (Long.bitCount(done) == ops.size()) return true;
        if (!seen.add(done + ":" + value)) return false;
        long earliestResponse = Long.MAX_VALUE;
        for (int i = 0; i < ops.size(); i++) {
            if ((done & (1L << i)) == 0) earliestResponse = Math.min(earliestResponse, ops.get(i).respondedNanos());
        }
        for (int i = 0; i < ops.size(); i++) {
            if ((done & (1L << i)) != 0) continue;
            Op op = ops.get(i);
            // Only an operation invoked before every pending one responded can take effect first.
            if (op.invokedNanos() > earliestResponse) continue;
            if (op.write()) {
                if (search(done | (1L << i), op.value())) return true;
            } else if (op.value() == value && search(done | (1L << i), value)) {
                return true;
            }
        }
        return false;
    }
}
