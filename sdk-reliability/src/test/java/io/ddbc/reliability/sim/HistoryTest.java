package io.ddbc.reliability.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.reliability.sim.History.Outcome;
import io.ddbc.reliability.sim.History.SessionView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checkers catch each kind of broken history (so a green simulation means something). */
class HistoryTest {
    private static final Op OP = new Op(99, Op.Kind.GET, 0, 0, 0, 0);

    private static void onlyViolation(History h, String rule) {
        assertEquals(1, h.violations().size(), h.violations().toString());
        assertTrue(h.violations().get(0).startsWith(rule), h.violations().toString());
    }

    @Test
    void strongReadOfAnOverwrittenValueIsNotLinearizable() {
        History h = new History();
        h.wrote(null, "k", 1, "t1", Outcome.ACKED);
        h.wrote(null, "k", 2, "t2", Outcome.ACKED);
        h.read(null, "k", "t1", true, false, OP);
        onlyViolation(h, "linearizability");
    }

    @Test
    void anUnknownWriteMayOrMayNotBeSeenButNotBoth() {
        History h = new History();
        h.wrote(null, "k", 1, "t1", Outcome.ACKED);
        h.wrote(null, "k", 2, "t2", Outcome.UNKNOWN);
        h.read(null, "k", "t1", true, false, OP);
        assertEquals(List.of(), h.violations());
        h.read(null, "k", "t2", true, false, OP); // it did not happen, so it cannot appear later
        onlyViolation(h, "linearizability");
    }

    @Test
    void aLostAcknowledgedDeleteIsCaught() {
        History h = new History();
        h.wrote(null, "k", 1, "t1", Outcome.ACKED);
        h.wrote(null, "k", 2, null, Outcome.ACKED);
        h.read(null, "k", "t1", true, false, null);
        onlyViolation(h, "linearizability");
    }

    @Test
    void aFailedConditionalWriteMustNeverBeVisible() {
        History h = new History();
        h.wrote(null, "k", 1, "t1", Outcome.FAILED);
        h.read(null, "k", "t1", false, false, OP);
        onlyViolation(h, "phantom");
    }

    @Test
    void sessionReadsNeverGoBackBehindOwnWritesOrWhatWasSeen() {
        History h = new History();
        SessionView s = new SessionView("s");
        h.wrote(null, "k", 1, "t1", Outcome.ACKED);
        h.wrote(s, "k", 2, "t2", Outcome.ACKED);
        h.read(s, "k", "t1", false, true, OP);
        onlyViolation(h, "read-your-writes");

        History m = new History();
        SessionView r = new SessionView("r");
        m.wrote(null, "k", 1, "t1", Outcome.ACKED);
        m.wrote(null, "k", 2, "t2", Outcome.ACKED);
        m.read(r, "k", "t2", false, true, OP);
        m.read(r, "k", "t1", false, true, OP);
        onlyViolation(m, "monotonic reads");
    }

    @Test
    void anAbsentReadNeedsADeleteAfterWhatTheSessionSaw() {
        History h = new History();
        SessionView s = new SessionView("s");
        h.wrote(null, "k", 1, "t1", Outcome.ACKED);
        h.read(s, "k", "t1", false, true, OP);
        h.read(s, "k", null, false, true, OP);
        onlyViolation(h, "monotonic reads");
        h.wrote(null, "k", 3, null, Outcome.UNKNOWN);
        h.read(s, "k", null, false, true, OP);
        assertEquals(1, h.violations().size(), "a later delete explains the absence: " + h.violations());
    }

    @Test
    void anEventualReadOfAnAbsentItemDoesNotMoveTheSessionPastALaterDelete() {
        History h = new History();
        SessionView s = new SessionView("s");
        h.wrote(null, "k", 1, "t1", Outcome.ACKED);
        h.wrote(null, "k", 2, null, Outcome.UNKNOWN);   // a delete that may not have happened
        h.read(s, "k", null, false, false, OP);         // eventual: may be the state before t1 (e.g. a cached "not found")
        h.read(s, "k", "t1", false, true, OP);          // so a session read of t1 afterwards goes back in time for nobody
        assertEquals(List.of(), h.violations());
    }

    @Test
    void versionsOfASessionsWritesOnlyGrow() {
        History h = new History();
        SessionView s = new SessionView("s");
        h.readVersion(s, "c", 5);
        h.wroteVersion(s, "c", 5, OP);
        onlyViolation(h, "monotonic writes / writes-follow-reads");
    }

    @Test
    void shrinkingFindsTheStepsThatMatter() {
        List<Op> ops = Op.workload(7, 64);
        List<Op> minimal = Shrinker.shrink(ops, l -> l.contains(ops.get(10)) && l.contains(ops.get(50)), 1000);
        assertEquals(List.of(ops.get(10), ops.get(50)), minimal);
    }

    @Test
    void workloadsAreAPureFunctionOfTheSeed() {
        assertEquals(Op.workload(42, 100), Op.workload(42, 100));
        assertTrue(!Op.workload(42, 100).equals(Op.workload(43, 100)));
    }
}
