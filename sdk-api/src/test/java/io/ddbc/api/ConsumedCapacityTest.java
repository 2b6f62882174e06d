package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.ConsumedCapacity.Units;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsumedCapacityTest {

    @Test
    void noneIsZero() {
        assertTrue(ConsumedCapacity.NONE.isZero());
        assertEquals(0.0, ConsumedCapacity.NONE.capacityUnits());
        assertEquals(Units.ZERO, ConsumedCapacity.NONE.table("t"));
        assertEquals(Units.ZERO, ConsumedCapacity.NONE.index("t", "i"));
        assertTrue(ConsumedCapacity.NONE.indexes("t").isEmpty());
    }

    @Test
    void tableUnitsAccumulate() {
        ConsumedCapacity c = ConsumedCapacity.ofTable("a", 0.5, 0).plusTable("a", new Units(1, 2)).plusTable("b", new Units(0, 1));
        assertEquals(new Units(1.5, 2), c.table("a"));
        assertEquals(new Units(0, 1), c.table("b"));
        assertEquals(1.5, c.readUnits());
        assertEquals(3.0, c.writeUnits());
        assertEquals(4.5, c.capacityUnits());
        assertEquals(Set.of("a", "b"), c.tableNames());
        assertFalse(c.isZero());
    }

    @Test
    void indexUnitsCountInTotalsAndAreLookedUpPerIndex() {
        ConsumedCapacity c = ConsumedCapacity.ofTable("t", 0, 1)
                .plusIndex("t", "gsi1", new Units(0, 1))
                .plusIndex("t", "gsi1", new Units(0, 2))
                .plusIndex("t", "gsi2", new Units(0.5, 0));
        assertEquals(new Units(0, 3), c.index("t", "gsi1"));
        assertEquals(new Units(0.5, 0), c.index("t", "gsi2"));
        assertEquals(Set.of("gsi1", "gsi2"), c.indexes("t").keySet());
        assertEquals(new Units(0, 1), c.table("t"), "index units are not added to the table's own units");
        assertEquals(4.0, c.writeUnits());
        assertEquals(0.5, c.readUnits());
        assertEquals(Units.ZERO, c.index("t", "other"));
    }

    @Test
    void indexOfAnUnseenTableListsTheTable() {
        ConsumedCapacity c = ConsumedCapacity.NONE.plusIndex("t", "gsi", new Units(0, 1));
        assertTrue(c.tableNames().contains("t"));
        assertEquals(1.0, c.capacityUnits());
    }

    @Test
    void plusAddsEverything() {
        ConsumedCapacity a = ConsumedCapacity.ofTable("a", 1, 0).plusIndex("a", "i", new Units(1, 0));
        ConsumedCapacity b = ConsumedCapacity.ofTable("a", 2, 1).plusIndex("a", "i", new Units(0, 3)).plusTable("b", new Units(4, 0));
        ConsumedCapacity sum = a.plus(b);
        assertEquals(new Units(3, 1), sum.table("a"));
        assertEquals(new Units(1, 3), sum.index("a", "i"));
        assertEquals(new Units(4, 0), sum.table("b"));
        assertEquals(a.capacityUnits() + b.capacityUnits(), sum.capacityUnits(), 1e-9);
        assertEquals(sum, b.plus(a), "plus is commutative");
        assertSame(a, a.plus(ConsumedCapacity.NONE));
        assertSame(a, ConsumedCapacity.NONE.plus(a));
    }

    @Test
    void zeroUnitsOnANamedTableAreKeptByPlus() {
        // A request that consumed nothing on a table (e.g. cache hit) still names it.
        ConsumedCapacity named = ConsumedCapacity.ofTable("t", 0, 0);
        assertTrue(ConsumedCapacity.NONE.plus(named).tableNames().contains("t"));
        assertTrue(ConsumedCapacity.ofTable("u", 1, 0).plus(named).tableNames().contains("t"));
    }
}
