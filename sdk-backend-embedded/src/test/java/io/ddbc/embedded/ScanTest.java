package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Consistency;
import io.ddbc.api.Item;
import io.ddbc.api.Page;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.Select;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScanTest {
    private final EmbeddedBackend b = Fixture.backendWithTables();

    private void fill(int n) {
        for (int i = 0; i < n; i++) Fixture.put(b, Fixture.SIMPLE, Item.of("id", "k" + i, "n", i));
    }

    private List<Item> all(ScanRequest first) {
        List<Item> items = new ArrayList<>();
        ScanRequest next = first;
        while (next != null) {
            Page p = b.scan(next);
            items.addAll(p.items());
            next = p.lastEvaluatedKey().map(first::startingAfter).orElse(null);
        }
        return items;
    }

    @Test
    void scanReturnsEveryItemOnce() {
        fill(50);
        Page p = b.scan(ScanRequest.builder(Fixture.SIMPLE).build());
        assertEquals(50, p.count());
        assertEquals(50, p.scannedCount());
        assertEquals(50, new HashSet<>(p.items()).size());
        assertFalse(p.hasMore());
    }

    @Test
    void limitPagesWithLastEvaluatedKey() {
        fill(23);
        Page first = b.scan(ScanRequest.builder(Fixture.SIMPLE).limit(10).build());
        assertEquals(10, first.items().size());
        assertTrue(first.hasMore());
        assertEquals(Set.of("id"), first.lastEvaluatedKey().orElseThrow().names());
        List<Item> items = all(ScanRequest.builder(Fixture.SIMPLE).limit(10).build());
        assertEquals(23, new HashSet<>(items).size());
        assertEquals(23, items.size());
    }

    @Test
    void pagesStopAtOneMegabyte() {
        for (int i = 0; i < 30; i++) Fixture.put(b, Fixture.SIMPLE, Item.of("id", "k" + i, "pad", Fixture.bytes(100 * 1024)));
        Page first = b.scan(ScanRequest.builder(Fixture.SIMPLE).build());
        assertTrue(first.hasMore());
        assertTrue(first.scannedCount() == 11, "1 MB holds 10 items of 100 KB plus the one that crosses: " + first.scannedCount());
        assertEquals(30, all(ScanRequest.builder(Fixture.SIMPLE).build()).size());
    }

    @Test
    void parallelSegmentsPartitionTheItems() {
        fill(200);
        Set<Item> union = new HashSet<>();
        int total = 0;
        for (int s = 0; s < 3; s++) {
            List<Item> seg = all(ScanRequest.builder(Fixture.SIMPLE).segment(s, 3).limit(7).build());
            total += seg.size();
            union.addAll(seg);
            assertTrue(seg.size() > 20, "segment " + s + " holds " + seg.size());
            assertEquals(seg, all(ScanRequest.builder(Fixture.SIMPLE).segment(s, 3).build()), "segments are deterministic");
        }
        assertEquals(200, total);
        assertEquals(200, union.size());
    }

    @Test
    void countReturnsNoItems() {
        fill(5);
        Page p = b.scan(ScanRequest.builder(Fixture.SIMPLE).select(Select.COUNT).build());
        assertEquals(5, p.count());
        assertTrue(p.items().isEmpty());
    }

    @Test
    void capacityIsRoundedOncePerPageAndHalvedWhenEventual() {
        for (int i = 0; i < 10; i++) Fixture.put(b, Fixture.SIMPLE, Item.of("id", "k" + i, "pad", Fixture.bytes(1000)));
        long bytes = 0;
        for (int i = 0; i < 10; i++) bytes += Item.of("id", "k" + i, "pad", Fixture.bytes(1000)).sizeInBytes();
        double units = Math.ceil(bytes / 4096.0);
        assertEquals(units * 0.5, b.scan(ScanRequest.builder(Fixture.SIMPLE).build()).consumedCapacity().readUnits());
        assertEquals(units, b.scan(ScanRequest.builder(Fixture.SIMPLE).consistency(Consistency.STRONG).build()).consumedCapacity().readUnits());
        assertEquals(0.5, b.scan(ScanRequest.builder(Fixture.SORTED).build()).consumedCapacity().readUnits(), "empty scan costs the minimum");
    }

    @Test
    void filterAndProjectionDoNotReduceCapacity() {
        fill(10);
        Page unfiltered = b.scan(ScanRequest.builder(Fixture.SIMPLE).build());
        Page filtered = b.scan(ScanRequest.builder(Fixture.SIMPLE).filter("n < :three").value(":three", 3).projection("id").build());
        assertEquals(3, filtered.count());
        assertEquals(10, filtered.scannedCount());
        assertEquals(unfiltered.consumedCapacity(), filtered.consumedCapacity());
        assertTrue(filtered.items().stream().allMatch(i -> i.names().equals(Set.of("id"))));
    }

    @Test
    void scanOfAnIndexReturnsItsEntries() {
        Fixture.put(b, Fixture.SORTED, Item.of("pk", "p", "sk", 1, "status", "on", "other", "x"));
        Fixture.put(b, Fixture.SORTED, Item.of("pk", "p", "sk", 2, "other", "y"));
        Page p = b.scan(ScanRequest.builder(Fixture.SORTED).index("by_status").build());
        assertEquals(List.of(Item.of("pk", "p", "sk", 1, "status", "on")), p.items());
        assertTrue(p.consumedCapacity().index(Fixture.SORTED, "by_status").read() > 0);
        Fixture.invalid("Consistent read cannot be true when scanning a GSI",
                () -> b.scan(ScanRequest.builder(Fixture.SORTED).index("by_status").consistency(Consistency.STRONG).build()));
        Fixture.invalid("The table does not have the specified index: nosuch",
                () -> b.scan(ScanRequest.builder(Fixture.SORTED).index("nosuch").build()));
    }

    @Test
    void invalidStartKeyIsRejected() {
        Fixture.invalid("The provided starting key is invalid",
                () -> b.scan(ScanRequest.builder(Fixture.SIMPLE).exclusiveStartKey(Item.of("nope", "x")).build()));
    }
}
