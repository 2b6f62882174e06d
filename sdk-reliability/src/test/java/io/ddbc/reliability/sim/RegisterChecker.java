package io.ddbc.reliability.sim;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a concurrent history of one register (one item) is linearizable (Wing &amp; Gong / Knossos style):
 * is there an order of the operations, each taking effect at one instant between its invocation and its
 * response, in which every read returns the latest write before it? A write whose outcome is unknown (its
 * answer was lost, it timed out) has no response: it may take effect at any instant after its invocation,
 * or never. The search memoises (operations done, register value); meant for histories of at most 63
 * operations per register.
 */
final class RegisterChecker {
    /** The register holds no item. */
    static final String ABSENT = "∅";

    /**
     * One operation: a write of {@code value} (null: a delete) or a read that returned {@code value} (null:
     * absent), invoked and answered at those instants ({@code responded} = Long.MAX_VALUE: never answered).
     */
    record Call(boolean write, String value, long invoked, long responded) {
        boolean unknown() {
            return responded == Long.MAX_VALUE;
        }

        @Override
        public String toString() {
            return (write ? "w(" : "r(") + (value == null ? ABSENT : value) + ")[" + invoked + ","
                    + (unknown() ? "?" : String.valueOf(responded)) + "]";
        }
    }

    private final List<Call> calls;
    private final long mustDo;
    private final Set<String> failed = new HashSet<>();

    private RegisterChecker(List<Call> calls) {
        if (calls.size() > 63) throw new IllegalArgumentException("history too long for the checker: " + calls.size());
        this.calls = calls;
        long m = 0;
        for (int i = 0; i < calls.size(); i++) if (!calls.get(i).unknown()) m |= 1L << i;
        this.mustDo = m;
    }

    /** Whether the history, from {@code initial} (null: absent), is linearizable. */
    static boolean linearizable(List<Call> calls, String initial) {
        return new RegisterChecker(calls).search(0L, initial);
    }

    private boolean search(long done, String value) {
        // Every answered operation placed: the unknown ones still pending simply never took effect.
        if ((done & mustDo) == mustDo) return true;
        if (!failed.add(done + "|" + value)) return false;
        long earliestResponse = Long.MAX_VALUE;
        for (int i = 0; i < calls.size(); i++) {
            if ((done & (1L << i)) == 0) earliestResponse = Math.min(earliestResponse, calls.get(i).responded());
        }
        for (int i = 0; i < calls.size(); i++) {
            if ((done & (1L << i)) != 0) continue;
            Call c = calls.get(i);
            // Only an operation invoked before every pending one was answered can take effect next.
            if (c.invoked() > earliestResponse) continue;
            if (c.write()) {
                if (search(done | (1L << i), c.value())) return true;
            } else if (java.util.Objects.equals(c.value(), value) && search(done | (1L << i), value)) {
                return true;
            }
        }
        return false;
    }
}
