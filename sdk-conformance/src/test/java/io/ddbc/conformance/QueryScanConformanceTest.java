package io.ddbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.Item;
import io.ddbc.api.Page;
import io.ddbc.api.Select;
import io.ddbc.api.Key;
import io.ddbc.api.Table;
import io.ddbc.api.ValidationException;
import io.ddbc.aws.testing.Eventually;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Queries and scans through the core client: lazy pagination, order, filters, projections, indexes.
 * Writes and reads share a session, so the reads see the writes on lagging replicas too.
 */
class QueryScanConformanceTest {

    private static void putPartition(Table t, String pk, int n) {
        for (int i = 1; i <= n; i++) {
            t.put(Item.of("pk", pk, "sk", i, "gpk", "g-" + pk, "gsk", i, "lsk", "l" + (char) ('a' + n - i), "odd", i % 2 == 1)).execute();
        }
    }

    private static List<Long> sortKeys(List<Item> items) {
        return items.stream().map(i -> i.getLong("sk")).toList();
    }

    private static List<Long> range(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> (long) i).toList();
    }

    @ConformanceTest
    void queryPagesLazilyInKeyOrder(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            DdbcSession s = f.client().newSession();
            Table t = s.table(f.itemsTable());
            putPartition(t, "q", 7);
            putPartition(t, "other", 2);

            assertEquals(range(1, 7), sortKeys(t.query().keyCondition("pk = :p").value(":p", "q").limit(2)
                    .consistency(Consistency.SESSION).stream().toList()));
            List<Page> pages = new ArrayList<>();
            t.query().keyCondition("pk = :p").value(":p", "q").limit(2).consistency(Consistency.STRONG).pages().forEach(pages::add);
            assertEquals(4, pages.size(), "7 items, 2 a page");
            assertEquals(List.of(2, 2, 2, 1), pages.stream().map(Page::count).toList());
            assertTrue(pages.get(0).hasMore());
            assertEquals(Item.of("pk", "q", "sk", 2), pages.get(0).lastEvaluatedKey().orElseThrow());

            Page desc = t.query().keyCondition("pk = :p AND sk BETWEEN :lo AND :hi").value(":p", "q").value(":lo", 2).value(":hi", 5)
                    .scanIndexForward(false).consistency(Consistency.STRONG).execute();
            assertEquals(List.of(5L, 4L, 3L, 2L), sortKeys(desc.items()));
            assertFalse(desc.hasMore());
        }
    }

    @ConformanceTest
    void filterProjectionAndCount(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = f.client().newSession().table(f.itemsTable());
            putPartition(t, "fp", 5);
            Page filtered = t.query().keyCondition("pk = :p").filter("odd = :t").value(":p", "fp").value(":t", true)
                    .projection("sk").consistency(Consistency.STRONG).execute();
            assertEquals(3, filtered.count());
            assertEquals(5, filtered.scannedCount(), "the filter runs after the read");
            assertEquals(List.of(Item.of("sk", 1), Item.of("sk", 3), Item.of("sk", 5)), filtered.items());

            Page count = t.query().keyCondition("pk = :p").value(":p", "fp").select(Select.COUNT).consistency(Consistency.STRONG).execute();
            assertEquals(5, count.count());
            assertTrue(count.items().isEmpty());
        }
    }

    @ConformanceTest
    void scanStreamsEveryItemAcrossPages(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = f.client().newSession().table(f.itemsTable());
            putPartition(t, "s1", 4);
            putPartition(t, "s2", 3);
            Set<String> seen = t.scan().limit(2).consistency(Consistency.STRONG).stream()
                    .map(i -> i.getString("pk") + "/" + i.getLong("sk")).collect(Collectors.toSet());
            assertEquals(7, seen.size(), seen.toString());
            Set<Item> filtered = new HashSet<>(t.scan().filter("pk = :p").value(":p", "s2").limit(3).consistency(Consistency.SESSION)
                    .stream().toList());
            assertEquals(3, filtered.size());
            int pages = 0;
            for (Page p : t.scan().limit(3).consistency(Consistency.STRONG).pages()) {
                pages++;
                assertTrue(p.count() <= 3);
            }
            assertTrue(pages >= 3, "7 items, at most 3 a page: " + pages);
        }
    }

    @ConformanceTest
    void localIndexQueriesReadStronglyWithTheirProjection(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = f.client().table(f.itemsTable());
            putPartition(t, "ix", 3);
            List<Item> lsi = t.query().index("by_l").keyCondition("pk = :p").value(":p", "ix").consistency(Consistency.STRONG)
                    .stream().toList();
            assertEquals(List.of(3L, 2L, 1L), sortKeys(lsi), "lsk runs opposite to sk");
            assertEquals(Set.of("pk", "sk", "lsk"), lsi.get(0).names(), "KEYS_ONLY projection");
        }
    }

    @ConformanceTest
    void globalIndexQueriesCatchUpEventually(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = f.client().table(f.itemsTable());
            putPartition(t, "gx", 3);
            // A GSI is maintained asynchronously: an eventual query may lag, but not for long.
            List<Item> gsi = Eventually.read(() -> t.query().index("by_g").keyCondition("gpk = :g AND gsk >= :min").value(":g", "g-gx")
                    .value(":min", 2).consistency(Consistency.EVENTUAL).stream().toList(), items -> items.size() == 2);
            assertEquals(List.of(2L, 3L), sortKeys(gsi));
            assertEquals(6, gsi.get(0).names().size(), "ALL projection");
        }
    }

    @ConformanceTest
    void sessionQueryOnAGlobalIndexReadsTheSessionsWrites(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            DdbcSession s = f.client().newSession();
            Table t = s.table(table);
            for (int i = 1; i <= 3; i++) t.put(Item.of("id", "m" + i, "grp", "team", "n", 0)).execute();
            // Known gap (core): an item the session wrote that the index does not show at all yet is not
            // detected, only older versions of items it shows are. So let the index take the items first.
            Eventually.read(() -> t.query().index("by_grp").keyCondition("grp = :g").value(":g", "team")
                    .consistency(Consistency.EVENTUAL).execute().count(), n -> n == 3);
            for (int round = 1; round <= 3; round++) {
                t.update(Key.of("id", "m2")).expression("SET n = :n").value(":n", round).execute();
                List<Item> members = t.query().index("by_grp").keyCondition("grp = :g").value(":g", "team")
                        .consistency(Consistency.SESSION).stream().toList();
                assertEquals(List.of("m1", "m2", "m3"), members.stream().map(i -> i.getString("id")).toList(), "round " + round);
                assertEquals(round, members.get(1).getInt("n"), "read-your-writes through the index, round " + round);
            }
        }
    }

    @ConformanceTest
    void strongQueryOnAGlobalIndexIsRejected(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = f.client().table(f.itemsTable());
            ValidationException e = assertThrows(ValidationException.class, () -> t.query().index("by_g").keyCondition("gpk = :g")
                    .value(":g", "g").consistency(Consistency.STRONG).execute());
            // Every backend here words it as DynamoDB Local does (the engine copies Local's text).
            String expected = "Consistent read cannot be true when querying a GSI";
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertFalse(e.isRetryable());
        }
    }
}
