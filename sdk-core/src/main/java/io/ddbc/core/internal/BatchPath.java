package io.ddbc.core.internal;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetRequest.TableKeys;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.Consistency;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Positions;
import io.ddbc.api.ValidationException;
import io.ddbc.core.internal.TableCatalog.TableInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * BatchGetItem and BatchWriteItem: per-table consistency with sessions, and unprocessed keys or writes
 * sent again with backoff until none remain or the retry policy gives up (the rest is then returned
 * as unprocessed).
 *
 * <p>SESSION batch gets: with positions, eventual reads carrying the session's positions. Without, keys
 * the session knows a version of (or wrote, on unversioned tables) when a projection hides versions are
 * read strongly; the others eventually, and those that come back older than the session knows (or
 * missing while it knows a version) are read again strongly. Batch puts to a versioned table are refused:
 * BatchWriteItem cannot carry the version condition; use put or transactWrite.
 */
final class BatchPath {
    private final Engine engine;

    BatchPath(Engine engine) {
        this.engine = engine;
    }

    // --------------------------------------------------------------------------------- batch get

    BatchGetResult get(BatchGetRequest r, Ctx ctx) {
        SessionState s = ctx.session();
        Map<String, TableKeys> eventual = new LinkedHashMap<>();
        Map<String, TableKeys> strong = new LinkedHashMap<>();
        Set<String> sessionTables = new HashSet<>();
        r.tables().forEach((table, tk) -> {
            Consistency.Level level = engine.resolve(tk.consistency(), table, ctx).level();
            if (level == Consistency.Level.STRONG) {
                strong.put(table, tk.withConsistency(Consistency.STRONG));
                return;
            }
            if (level == Consistency.Level.SESSION) sessionTables.add(table);
            List<Key> strongKeys = new ArrayList<>();
            List<Key> rest = new ArrayList<>();
            boolean split = level == Consistency.Level.SESSION && !engine.positions();
            TableInfo t = split ? engine.catalog.info(table) : null;
            for (Key k : tk.keys()) {
                boolean known = split && s.knownVersion(table, k) > 0 && (!t.versioned() || tk.projection() != null);
                if (known && ctx.strict()) {
                    throw NotCaughtUp.unverifiable(table, k, "the session wrote this item in another region, and without positions"
                            + (t.versioned() ? " or a version in the projection" : " or versions") + " this region cannot show it has that write");
                }
                (known ? strongKeys : rest).add(k);
            }
            if (!rest.isEmpty()) eventual.put(table, tk.withKeys(rest).withConsistency(Consistency.EVENTUAL));
            if (!strongKeys.isEmpty()) strong.put(table, tk.withKeys(strongKeys).withConsistency(Consistency.STRONG));
        });
        Positions min = engine.positions() && !sessionTables.isEmpty() ? s.token().positions() : Positions.NONE;
        BatchGetResult result = empty();
        if (!eventual.isEmpty()) result = drainGets(BatchGetRequest.of(eventual).withMinPositions(min));
        if (!engine.positions()) result = reReadStale(result, sessionTables, r, s);
        if (!engine.positions() && ctx.strict()) requireKnownVersions(result, sessionTables, r, s);
        if (!strong.isEmpty()) result = mergeGets(result, drainGets(BatchGetRequest.of(strong)));
        observe(s, result);
        return result;
    }

    /** Re-reads strongly the items of session tables that came back older than the session knows. */
    private BatchGetResult reReadStale(BatchGetResult result, Set<String> sessionTables, BatchGetRequest r, SessionState s) {
        Map<String, TableKeys> again = new LinkedHashMap<>();
        Map<String, List<Item>> kept = new LinkedHashMap<>();
        for (String table : sessionTables) {
            TableInfo t = engine.catalog.info(table);
            TableKeys tk = r.tables().get(table);
            if (!t.versioned() || tk.projection() != null) continue;
            Set<Key> fresh = new HashSet<>();
            List<Item> keep = new ArrayList<>();
            for (Item i : result.items(table)) {
                Key k = t.keyOf(i);
                if (t.versionOf(i).orElse(0) >= s.knownVersion(table, k)) {
                    fresh.add(k);
                    keep.add(i);
                }
            }
            List<Key> stale = new ArrayList<>();
            for (Key k : tk.keys()) if (!fresh.contains(k) && s.knownVersion(table, k) > 0) stale.add(k);
            if (stale.isEmpty()) continue;
            kept.put(table, keep);
            again.put(table, tk.withKeys(stale).withConsistency(Consistency.STRONG));
        }
        if (again.isEmpty()) return result;
        again.keySet().forEach(x -> engine.metrics.sessionUpgrade("BatchGetItem"));
        Map<String, List<Item>> items = new LinkedHashMap<>(result.items());
        items.putAll(kept);
        BatchGetResult pruned = new BatchGetResult(items, result.unprocessed(), result.consumedCapacity(), result.positions());
        return mergeGets(pruned, drainGets(BatchGetRequest.of(again)));
    }

    /**
     * Proving a region has the session's writes from other regions (no positions): every key of a versioned
     * session table the session knows a version of must have come back at least that new, even strongly.
     */
    private void requireKnownVersions(BatchGetResult result, Set<String> sessionTables, BatchGetRequest r, SessionState s) {
        for (String table : sessionTables) {
            TableInfo t = engine.catalog.info(table);
            if (!t.versioned()) continue;
            Map<Key, Long> seen = new java.util.HashMap<>();
            for (Item i : result.items(table)) seen.put(t.keyOf(i), t.versionOf(i).orElse(0));
            TableKeys left = result.unprocessed().get(table);
            for (Key k : r.tables().get(table).keys()) {
                long known = s.knownVersion(table, k);
                long have = seen.getOrDefault(k, 0L);
                // Unprocessed keys are returned as such, not as answers: nothing to prove for them.
                if (known > have && (left == null || !left.keys().contains(k))) {
                    throw NotCaughtUp.behind(table, k, "this region has version " + (have == 0 ? "none" : have) + " where the session knows "
                            + known + " from another region");
                }
            }
        }
    }

    private BatchGetResult drainGets(BatchGetRequest request) {
        BatchGetResult first = engine.send(request, true);
        return drain(first, BatchGetResult::hasUnprocessed,
                prev -> engine.send(BatchGetRequest.of(prev.unprocessed()).withMinPositions(request.minPositions()), true),
                (a, b) -> mergeGets(a, b, true));
    }

    private static BatchGetResult mergeGets(BatchGetResult a, BatchGetResult b) {
        return mergeGets(a, b, false);
    }

    /** Items of both; unprocessed of both, or only of {@code b} when {@code b} retried {@code a}'s. */
    private static BatchGetResult mergeGets(BatchGetResult a, BatchGetResult b, boolean bRetriedA) {
        Map<String, List<Item>> items = new LinkedHashMap<>();
        a.items().forEach((t, l) -> items.put(t, new ArrayList<>(l)));
        b.items().forEach((t, l) -> items.computeIfAbsent(t, x -> new ArrayList<>()).addAll(l));
        Map<String, TableKeys> unprocessed = new LinkedHashMap<>(bRetriedA ? Map.of() : a.unprocessed());
        unprocessed.putAll(b.unprocessed());
        unprocessed.values().removeIf(tk -> tk.keys().isEmpty());
        return new BatchGetResult(items, unprocessed, a.consumedCapacity().plus(b.consumedCapacity()), a.positions().merge(b.positions()));
    }

    private static BatchGetResult empty() {
        return new BatchGetResult(Map.of(), Map.of(), null, null);
    }

    private void observe(SessionState s, BatchGetResult result) {
        s.observe(result.positions());
        result.items().forEach((table, items) -> {
            TableInfo t = engine.catalog.info(table);
            if (!t.versioned()) return;
            for (Item i : items) {
                if (t.versionOf(i).isEmpty() || !hasKey(t, i)) continue;
                s.observeReadVersion(table, t.keyOf(i), t.versionOf(i).getAsLong());
            }
        });
    }

    private static boolean hasKey(TableInfo t, Item i) {
        return i.has(t.spec().partitionKey().name()) && t.spec().sortKey().map(k -> i.has(k.name())).orElse(true);
    }

    // ------------------------------------------------------------------------------- batch write

    BatchWriteResult write(BatchWriteRequest r, Ctx ctx) {
        r.writes().forEach((table, writes) -> {
            TableInfo t = engine.catalog.info(table);
            if (t.versioned() && writes.stream().anyMatch(BatchWriteRequest.Write::isPut)) {
                throw new ValidationException("BatchWriteItem cannot put to table '" + table + "': it has the managed version attribute '"
                        + t.versionAttribute() + "', which needs a condition BatchWriteItem does not take; use put or transactWrite");
            }
        });
        BatchWriteResult result = drain(engine.send(r, true), BatchWriteResult::hasUnprocessed,
                prev -> engine.send(BatchWriteRequest.of(prev.unprocessed()), true),
                (a, b) -> new BatchWriteResult(b.unprocessed(), a.consumedCapacity().plus(b.consumedCapacity()), a.positions().merge(b.positions())));
        afterWrite(ctx.session(), r, result);
        return result;
    }

    /** Cache, query cache and session after a batch write (every key, processed or not, is invalidated). */
    private void afterWrite(SessionState s, BatchWriteRequest r, BatchWriteResult result) {
        s.observe(result.positions());
        r.writes().forEach((table, writes) -> {
            TableInfo t = engine.catalog.info(table);
            s.wrote(table);
            for (BatchWriteRequest.Write w : writes) {
                Key k = w.isPut() ? t.keyOf(w.item()) : w.key();
                if (engine.itemCache != null) engine.itemCache.invalidate(table, k);
                if (engine.queryCache != null) engine.queryCache.invalidate(table, k.partitionValue());
                if (!t.versioned() && !engine.positions()) s.observeVersion(table, k, SessionState.WRITTEN_MARKER);
            }
        });
    }

    // ------------------------------------------------------------------------------------ shared

    /** Sends what remains with backoff until nothing remains or the retry policy gives up. */
    private <R> R drain(R first, Predicate<R> remains, UnaryOperator<R> resend, BinaryOperator<R> merge) {
        R acc = first;
        long start = System.nanoTime();
        for (int attempt = 1; remains.test(acc) && engine.retrier.backOff(attempt, start); attempt++) {
            engine.metrics.retry("unprocessed");
            acc = merge.apply(acc, resend.apply(acc));
        }
        return acc;
    }
}
