package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PositionsTest {

    @Test
    void noneRequiresNothing() {
        assertTrue(Positions.NONE.isEmpty());
        assertEquals(-1, Positions.NONE.required("p"));
        assertEquals(-1, Positions.NONE.get("p"));
        assertEquals(-1, Positions.NONE.floor());
        assertSame(Positions.NONE, Positions.ofHashed(Map.of(), -1));
    }

    @Test
    void ofRecordsOnePartition() {
        Positions p = Positions.of("accounts#1", 7);
        assertEquals(7, p.get("accounts#1"));
        assertEquals(7, p.required("accounts#1"));
        assertEquals(-1, p.required("accounts#2"));
        assertFalse(p.isEmpty());
        assertEquals(Positions.hash("accounts#1"), Positions.hash("accounts#1"));
        assertNotEquals(Positions.hash("accounts#1"), Positions.hash("accounts#2"));
    }

    @Test
    void mergeKeepsTheMaximumPerPartitionAndTheLargerFloor() {
        Positions a = Positions.of("p1", 5).merge(Positions.of("p2", 9));
        Positions b = Positions.of("p1", 8).merge(Positions.of("p3", 1));
        Positions m = a.merge(b);
        assertEquals(8, m.required("p1"));
        assertEquals(9, m.required("p2"));
        assertEquals(1, m.required("p3"));
        assertEquals(m, b.merge(a));
        assertSame(a, a.merge(Positions.NONE));
        assertSame(a, Positions.NONE.merge(a));
        Positions withFloor = Positions.ofHashed(Map.of(), 4);
        assertEquals(4, a.merge(withFloor).floor());
        assertEquals(4, withFloor.merge(a).floor());
        assertEquals(4, a.merge(withFloor).required("unlisted"));
    }

    @Test
    void mergeNeverLowersWhatEitherSideRequires() {
        // b requires 10 of every partition it does not list (its floor); a lists p1 at 5.
        Positions a = Positions.of("p1", 5);
        Positions b = Positions.ofHashed(Map.of(Positions.hash("p2"), 3L), 10);
        for (Positions m : List.of(a.merge(b), b.merge(a))) {
            assertTrue(m.required("p1") >= 10, "p1 requirement lowered to " + m.required("p1"));
            assertTrue(m.required("p2") >= 3);
            assertTrue(m.required("other") >= 10);
        }
    }

    @Test
    void mergeIsSafeForRandomPositions() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        for (int round = 0; round < 200; round++) {
            Positions a = randomPositions(r);
            Positions b = randomPositions(r);
            Positions m = a.merge(b);
            for (int p = 0; p < 12; p++) {
                String name = "p" + p;
                long need = Math.max(a.required(name), b.required(name));
                assertTrue(m.required(name) >= need, "seed " + seed + " round " + round + " partition " + name);
            }
            assertTrue(a.isCoveredBy(m) && b.isCoveredBy(m), "seed " + seed + " round " + round);
        }
    }

    private static Positions randomPositions(Random r) {
        Map<Long, Long> m = new LinkedHashMap<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) m.put(Positions.hash("p" + r.nextInt(12)), (long) r.nextInt(100));
        return Positions.ofHashed(m, r.nextInt(4) == 0 ? r.nextInt(100) : -1).capped(r.nextInt(4) + 1);
    }

    @Test
    void cappedFoldsTheOldestEntriesIntoTheFloor() {
        Positions p = Positions.NONE;
        for (int i = 0; i < 10; i++) p = p.merge(Positions.of("p" + i, 100 - i)); // p0 oldest, highest
        Positions c = p.capped(3);
        assertEquals(3, c.asHashedMap().size());
        assertEquals(100, c.floor(), "the floor is the highest folded position");
        for (int i = 7; i < 10; i++) assertEquals(100 - i, c.get("p" + i), "newest entries stay exact");
        for (int i = 0; i < 10; i++) assertTrue(c.required("p" + i) >= p.required("p" + i), "never less careful: p" + i);
        assertSame(p, p.capped(10));
        assertEquals(0, p.capped(0).asHashedMap().size());
        assertEquals(100, p.capped(0).required("anything"));
    }

    @Test
    void mergeMakesTheOtherSidesEntriesTheNewest() {
        Positions a = Positions.of("old", 1).merge(Positions.of("x", 2));
        Positions b = Positions.of("old", 3);
        Positions c = a.merge(b).capped(1);
        assertEquals(3, c.get("old"), "'old' was refreshed by the merge, so 'x' is folded first");
        assertEquals(2, c.floor());
    }

    @Test
    void coverage() {
        Positions need = Positions.of("p1", 5).merge(Positions.of("p2", 7));
        assertTrue(need.isCoveredBy(Positions.of("p1", 5).merge(Positions.of("p2", 7))));
        assertTrue(need.isCoveredBy(Positions.of("p1", 6).merge(Positions.of("p2", 9))));
        assertFalse(need.isCoveredBy(Positions.of("p1", 6)));
        assertFalse(need.isCoveredBy(Positions.of("p1", 4).merge(Positions.of("p2", 9))));
        assertTrue(need.isCoveredBy(Positions.ofHashed(Map.of(), 7)), "a floor covers unlisted partitions");
        assertFalse(Positions.ofHashed(Map.of(), 3).isCoveredBy(Positions.of("p1", 10)), "a floor needs a floor");
        assertTrue(Positions.NONE.isCoveredBy(Positions.NONE));
        assertTrue(Positions.NONE.isCoveredBy(need));
    }
}
