package io.ddbc.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.BatchGetResult;
import io.ddbc.api.CancellationReason;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Page;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.WriteResult;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The write marker is the client's bookkeeping: it identifies a write whose answer was lost, and no caller may
 * ever see it. Every result and failure kind that carries items is stripped, the rest of the item is kept, and
 * a result without a marker is returned as it was.
 */
class WriteMarkersTest {
    private static final Item MARKED = Item.of("id", "a", "n", 1, WriteMarkers.ATTRIBUTE, "m1");
    private static final Item PLAIN = Item.of("id", "a", "n", 1);

    @Test
    void markersAreUniqueAndReadBackOnlyAsStrings() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) assertTrue(seen.add(WriteMarkers.next()), "two writes shared a marker");
        assertEquals(16, WriteMarkers.next().length(), "96 bits, base64url without padding");
        assertEquals("m1", WriteMarkers.of(MARKED));
        assertNull(WriteMarkers.of(PLAIN));
        assertNull(WriteMarkers.of(null));
        assertNull(WriteMarkers.of(Item.of("id", "a", WriteMarkers.ATTRIBUTE, 5)), "a number there is not a marker");
    }

    @Test
    void everyResultKindLosesTheMarkerAndKeepsTheRest() {
        GetResult g = (GetResult) WriteMarkers.strip((Object) new GetResult(Optional.of(MARKED), OptionalLong.of(3), null, null, null));
        assertEquals(Optional.of(PLAIN), g.item());
        assertEquals(OptionalLong.of(3), g.version());
        WriteResult w = (WriteResult) WriteMarkers.strip((Object) new WriteResult(Optional.of(MARKED), OptionalLong.of(4), null, null));
        assertEquals(Optional.of(PLAIN), w.attributes());
        assertEquals(OptionalLong.of(4), w.version());
        Item other = Item.of("id", "b");
        Page p = (Page) WriteMarkers.strip((Object) new Page(List.of(other, MARKED), 2, 5, Optional.empty(), null, null, null));
        assertEquals(List.of(other, PLAIN), p.items());
        assertEquals(5, p.scannedCount());
        BatchGetResult b = (BatchGetResult) WriteMarkers.strip((Object) new BatchGetResult(
                Map.of("t", List.of(MARKED), "u", List.of(other)), Map.of(), null, null));
        assertEquals(List.of(PLAIN), b.items("t"));
        assertEquals(List.of(other), b.items("u"));
        TransactGetResult t = (TransactGetResult) WriteMarkers.strip((Object) new TransactGetResult(
                List.of(Optional.of(MARKED), Optional.empty(), Optional.of(other)), null));
        assertEquals(List.of(Optional.of(PLAIN), Optional.empty(), Optional.of(other)), t.items());
        assertEquals(PLAIN, WriteMarkers.strip(MARKED));
        assertNull(WriteMarkers.strip((Item) null));
    }

    @Test
    void resultsWithoutAMarkerAreReturnedAsTheyWere() {
        Object[] results = {
            new GetResult(Optional.of(PLAIN), OptionalLong.empty(), null, null, null),
            new GetResult(Optional.empty(), OptionalLong.empty(), null, null, null),
            new WriteResult(Optional.of(PLAIN), OptionalLong.empty(), null, null),
            new Page(List.of(PLAIN), 1, 1, Optional.empty(), null, null, null),
            new BatchGetResult(Map.of("t", List.of(PLAIN)), Map.of(), null, null),
            new TransactGetResult(List.of(Optional.of(PLAIN), Optional.empty()), null),
            "something else",
        };
        for (Object r : results) assertSame(r, WriteMarkers.strip(r), String.valueOf(r));
        assertSame(PLAIN, WriteMarkers.strip(PLAIN));
    }

    @Test
    void failuresLoseTheMarkerAndKeepTheirTraceCauseAndDetails() {
        ConditionFailedException c = new ConditionFailedException("t", Key.of("id", "a"), "n = :n", MARKED);
        c.initCause(new IllegalStateException("cause"));
        c.addSuppressed(new IllegalStateException("suppressed"));
        ConditionFailedException s = (ConditionFailedException) WriteMarkers.strip((RuntimeException) c);
        assertNotEquals(c, s);
        assertEquals(Optional.of(PLAIN), s.currentItem());
        assertEquals("t", s.tableName());
        assertEquals(Optional.of("n = :n"), s.condition());
        assertEquals(List.of(c.getStackTrace()), List.of(s.getStackTrace()));
        assertSame(c.getCause(), s.getCause());
        assertEquals(1, s.getSuppressed().length);

        TransactionCanceledException t = new TransactionCanceledException(List.of(
                new CancellationReason(CancellationReason.NONE, null, null),
                new CancellationReason(CancellationReason.CONDITIONAL_CHECK_FAILED, "failed", MARKED)));
        TransactionCanceledException ts = (TransactionCanceledException) WriteMarkers.strip((RuntimeException) t);
        assertEquals(Optional.of(PLAIN), ts.reasons().get(1).item());
        assertEquals(Optional.of("failed"), ts.reasons().get(1).message());
        assertEquals(CancellationReason.CONDITIONAL_CHECK_FAILED, ts.reasons().get(1).code());
        assertFalse(ts.reasons().get(0).item().isPresent());

        ConditionFailedException plain = new ConditionFailedException("t", Key.of("id", "a"), null, PLAIN);
        assertSame(plain, WriteMarkers.strip((RuntimeException) plain));
        TransactionCanceledException plainT = new TransactionCanceledException(List.of(
                new CancellationReason(CancellationReason.CONDITIONAL_CHECK_FAILED, "failed", PLAIN)));
        assertSame(plainT, WriteMarkers.strip((RuntimeException) plainT));
        RuntimeException other = new IllegalStateException("x");
        assertSame(other, WriteMarkers.strip(other));
    }
}
