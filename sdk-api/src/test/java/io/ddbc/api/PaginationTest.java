package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.spi.RequestExecutor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PaginationTest {

    /** Serves three pages of two items; page n continues after the key ending page n-1. */
    static final class ThreePages implements RequestExecutor {
        final List<PagedRequest<?>> seen = new ArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public <R> R execute(DdbcRequest<R> request) {
            PagedRequest<?> paged = (PagedRequest<?>) request;
            seen.add(paged);
            Item start = paged.exclusiveStartKey();
            int page = start == null ? 0 : start.getInt("n") / 2 + 1;
            List<Item> items = List.of(Item.of("n", 2 * page), Item.of("n", 2 * page + 1));
            Optional<Item> last = page < 2 ? Optional.of(Item.of("n", 2 * page + 1)) : Optional.empty();
            return (R) new Page(items, 2, 2, last, ConsumedCapacity.ofTable(paged.tableName(), 0.5, 0), ServedBy.BACKEND, null);
        }

        @Override
        public <R> CompletableFuture<R> executeAsync(DdbcRequest<R> request) {
            return CompletableFuture.completedFuture(execute(request));
        }
    }

    @Test
    void pagesAreFetchedLazilyOnePerNext() {
        ThreePages executor = new ThreePages();
        Iterable<Page> pages = new QueryRequest.Builder(executor, "tbl").keyCondition("pk = :p").value(":p", "x").pages();
        assertEquals(0, executor.seen.size(), "nothing is fetched before iteration");
        Iterator<Page> it = pages.iterator();
        assertTrue(it.hasNext());
        assertEquals(0, executor.seen.size(), "hasNext does not fetch");
        Page first = it.next();
        assertEquals(1, executor.seen.size());
        assertTrue(first.hasMore());
        assertTrue(it.hasNext());
        assertEquals(1, executor.seen.size(), "the second page is not fetched until needed");
        it.next();
        it.next();
        assertEquals(3, executor.seen.size());
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
        assertEquals(3, executor.seen.size());
    }

    @Test
    void continuationRequestsCarryTheLastEvaluatedKeyAndEverythingElse() {
        ThreePages executor = new ThreePages();
        new QueryRequest.Builder(executor, "tbl").keyCondition("pk = :p").value(":p", "x").index("by_x").limit(2)
                .consistency(Consistency.EVENTUAL).pages().forEach(p -> { });
        assertNull(executor.seen.get(0).exclusiveStartKey());
        assertEquals(Item.of("n", 1), executor.seen.get(1).exclusiveStartKey());
        assertEquals(Item.of("n", 3), executor.seen.get(2).exclusiveStartKey());
        for (PagedRequest<?> r : executor.seen) {
            QueryRequest q = (QueryRequest) r;
            assertEquals("pk = :p", q.keyCondition());
            assertEquals("by_x", q.indexName().orElseThrow());
            assertEquals(2, q.limit());
            assertEquals(Consistency.EVENTUAL, q.consistency());
            assertEquals(AttributeValue.s("x"), q.expressions().values().get(":p"));
        }
    }

    @Test
    void streamYieldsEveryItemInOrder() {
        ThreePages executor = new ThreePages();
        List<Integer> ns = new ScanRequest.Builder(executor, "tbl").stream().map(i -> i.getInt("n")).collect(Collectors.toList());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), ns);
        assertEquals(3, executor.seen.size());
    }

    @Test
    void streamIsLazy() {
        ThreePages executor = new ThreePages();
        Optional<Item> first = new ScanRequest.Builder(executor, "tbl").stream().findFirst();
        assertEquals(0, first.orElseThrow().getInt("n"));
        assertEquals(1, executor.seen.size(), "finding the first item reads one page only");
        List<Item> three = new ScanRequest.Builder(executor, "tbl").stream().limit(3).toList();
        assertEquals(3, three.size());
        assertEquals(3, executor.seen.size(), "three items need two more pages");
    }

    @Test
    void parallelScanSegmentsAreKeptOnEveryPage() {
        ThreePages executor = new ThreePages();
        new ScanRequest.Builder(executor, "tbl").segment(1, 4).pages().forEach(p -> { });
        for (PagedRequest<?> r : executor.seen) {
            assertEquals(1, ((ScanRequest) r).segment());
            assertEquals(4, ((ScanRequest) r).totalSegments());
        }
    }

    @Test
    void aBoundBuilderExecutesThroughItsExecutor() {
        ThreePages executor = new ThreePages();
        Page p = new ScanRequest.Builder(executor, "tbl").execute();
        assertEquals(2, p.count());
        assertEquals(0.5, p.consumedCapacity().readUnits());
        assertEquals(2, new ScanRequest.Builder(executor, "tbl").executeAsync().join().items().size());
    }

    @Test
    void theQueryIsValidatedBeforeAnyPageIsRead() {
        ThreePages executor = new ThreePages();
        assertThrows(ValidationException.class, () -> new QueryRequest.Builder(executor, "tbl").pages());
        assertEquals(0, executor.seen.size());
    }
}
