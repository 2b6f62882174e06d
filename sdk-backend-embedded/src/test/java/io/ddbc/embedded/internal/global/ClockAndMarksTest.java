package io.ddbc.embedded.internal.global;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-item clock that tells conflicts from updates, and the channel's record of where shipped writes landed. */
class ClockAndMarksTest {
    private final Regions regions = new Regions(List.of("us-east-1", "eu-west-1", "ap-southeast-2"));
    private static final int US = 0;
    private static final int EU = 1;
    private static final int AP = 2;

    @Test
    void aLocalWriteIsStampedAboveTheCurrentOneEvenIfTheClockIsBehind() {
        ItemClock c = new ItemClock(regions);
        c.localWrite(US, 100);
        c.localWrite(US, 50);
        assertEquals(101, c.timestamp());
        assertEquals(US, c.region());
    }

    @Test
    void concurrentWritesAreSeenAsSuchFromBothSides() {
        ItemClock us = new ItemClock(regions);
        ItemClock eu = new ItemClock(regions);
        long[] a = us.localWrite(US, 10);
        long[] b = eu.localWrite(EU, 20);
        // at eu-west-1, the us-east-1 write arrives: older, and eu's current write had not seen it
        assertFalse(eu.beatenBy(10, US));
        assertTrue(eu.currentMissed(10, US));
        // at us-east-1, the eu-west-1 write arrives: newer, and it had not seen us-east-1's write
        assertTrue(us.beatenBy(20, EU));
        assertTrue(us.incomingMissedCurrent(b));
        us.applied(20, EU, b);
        eu.received(a);
        assertEquals(20, us.timestamp());
        assertEquals(EU, us.region());
    }

    @Test
    void aWriteMadeAfterReceivingAnotherHasSeenIt() {
        ItemClock us = new ItemClock(regions);
        ItemClock eu = new ItemClock(regions);
        long[] a = us.localWrite(US, 10);
        eu.applied(10, US, a);
        long[] b = eu.localWrite(EU, 15);
        assertTrue(us.beatenBy(b[EU], EU));
        assertFalse(us.incomingMissedCurrent(b), "eu-west-1's write knew us-east-1's");
        ItemClock ap = new ItemClock(regions);
        ap.applied(b[EU], EU, b);
        assertFalse(ap.beatenBy(10, US), "the older write arrives late in a third region");
        assertFalse(ap.currentMissed(10, US), "and is not a conflict: the current write had seen it");
    }

    @Test
    void aWriteDiscardedHereStillCountsAsSeenByLaterLocalWrites() {
        ItemClock ap = new ItemClock(regions);
        long[] x = {0, 20, 0};
        ap.applied(20, EU, x);
        long[] w = {10, 0, 0};
        assertFalse(ap.beatenBy(10, US));
        ap.received(w);
        long[] mine = ap.localWrite(AP, 30);
        assertEquals(10, mine[US], "ap-southeast-2's write knows the us-east-1 write it discarded");
        assertEquals(20, mine[EU]);
    }

    @Test
    void tiesGoToTheGreaterRegionName() {
        ItemClock c = new ItemClock(regions);
        c.applied(5, EU, new long[] {0, 5, 0});
        assertTrue(c.beatenBy(5, US), "us-east-1 > eu-west-1");
        assertFalse(c.beatenBy(5, AP), "ap-southeast-2 < eu-west-1");
    }

    @Test
    void marksAnswerExactlyForRecentWritesAndWithAnUpperBoundForForgottenOnes() {
        AppliedMarks m = new AppliedMarks();
        assertEquals(0, m.localFor(100), "nothing shipped yet");
        for (int i = 1; i <= 300; i++) m.add(i * 10L, i * 10L + 5);
        assertEquals(3000 + 5, m.localFor(5000));
        assertEquals(2000 + 5, m.localFor(2009), "the last write at or before the requirement");
        long forgotten = m.localFor(10);
        assertEquals(44 * 10 + 5, forgotten, "pairs 1..44 were forgotten: the last one's local position bounds them all");
        assertEquals(2000, m.originBy(2009), "by local position 2009 the writes up to origin 2000 were applied");
        assertEquals(3000, m.originBy(99_999));
        assertEquals(440, m.originBy(12), "older than every kept pair: the last forgotten origin bounds it");
        assertEquals(0, new AppliedMarks().originBy(100));
    }
}
