package io.ddbc.core.internal;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.ConsumedCapacity;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Item;
import io.ddbc.api.Page;
import io.ddbc.api.PagedRequest;
import io.ddbc.api.Positions;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.ServedBy;
import io.ddbc.api.StaleReadException;
import io.ddbc.core.internal.TableCatalog.TableInfo;
import java.time.Duration;

/**
 * Query and Scan pages with consistency routing, sessions and the query cache.
 *
 * <p>SESSION: on a global secondary index of a versioned table, on every backend (an index is maintained
 * asynchronously, so replica positions say nothing about it), eventual reads repeated with backoff for up
 * to {@link #INDEX_WAIT} until no item is older than the session knows, then {@link StaleReadException}
 * (an item the session wrote that the index does not show at all cannot be detected this way).
 * Otherwise, on a backend with positions, an eventual read carrying the session's positions. Without
 * positions (AWS): on the base table, a strong read if the session wrote to the table (a resumed or
 * merged token counts as having written every table), else eventual; on an index of an unversioned
 * table, eventual. The query cache serves EVENTUAL queries only.
 */
final class QueryPath {
    static final Duration INDEX_WAIT = Duration.ofSeconds(2);

    private final Engine engine;

    QueryPath(Engine engine) {
        this.engine = engine;
    }

    Page page(PagedRequest<?> q, Ctx ctx) {
        TableInfo t = engine.catalog.info(q.tableName());
        SessionState s = ctx.session();
        Consistency.Level level = engine.resolve(q.consistency(), q.tableName(), ctx).level();
        Page page;
        if (level == Consistency.Level.STRONG) page = send(q, Consistency.STRONG, Positions.NONE);
        else if (level != Consistency.Level.SESSION) page = eventual(q, t);
        else if (ctx.strict() && !engine.positions() && s.mayHaveWritten(q.tableName())) {
            throw NotCaughtUp.unverifiable(q.tableName(), null, "the session wrote this table in another region, and without positions"
                    + " a query or scan in this region cannot show it has those writes");
        }
        // A global index is maintained asynchronously on every backend: a session waits (bounded) until the
        // index reflects its writes — by the positions the backend reports for the index where it has them,
        // and by the versions the session knows on versioned tables.
        else if (isGlobalIndex(t, q) && (t.versioned() || engine.positions())) page = waitForIndex(q, t, s, ctx.strict());
        else if (engine.positions()) page = send(q, Consistency.EVENTUAL, s.token().positions());
        else if (isGlobalIndex(t, q)) page = send(q, Consistency.EVENTUAL, Positions.NONE);
        else page = send(q, s.mayHaveWritten(q.tableName()) ? Consistency.STRONG : Consistency.EVENTUAL, Positions.NONE);
        observe(s, t, page);
        return page;
    }

    private Page eventual(PagedRequest<?> q, TableInfo t) {
        if (engine.queryCache == null || !(q instanceof QueryRequest qr)) return send(q, Consistency.EVENTUAL, Positions.NONE);
        String key = QueryCache.keyOf(qr);
        Page hit = engine.queryCache.get(key);
        if (hit != null) {
            return new Page(hit.items(), hit.count(), hit.scannedCount(), hit.lastEvaluatedKey(), ConsumedCapacity.NONE, ServedBy.CACHE,
                    hit.positions());
        }
        Page page = send(q, Consistency.EVENTUAL, Positions.NONE);
        AttributeValue pv = QueryCache.partitionValue(qr, t.spec().partitionKey().name());
        engine.queryCache.put(key, pv == null ? null : new QueryCache.Partition(q.tableName(), pv), page);
        return page;
    }

    /**
     * Eventual index reads until the index reflects the session: its reported positions cover the session's
     * own positions for the partitions it reports (so items the session wrote are in it, not only fresh), and
     * none of its items is older than the session knows. Bounded; then {@link StaleReadException}, never a
     * silently stale page. Waiting goes through the backend's clock, so simulated time moves on meanwhile.
     *
     * <p>What is waited for, and what a timeout does:
     * <ul>
     *   <li>a folded (inexact) version is never waited for: it is the highest of many keys, so an item the session
     *       never wrote would otherwise be "stale" forever;</li>
     *   <li>firm knowledge ({@link SessionState#firmVersion}, {@link SessionState#firmPositions}: what the session
     *       learned in this client, or from a token it verified) is waited for, and a timeout is a
     *       {@link StaleReadException};</li>
     *   <li>exact knowledge from a token this client could not verify (no signing key) is waited for too — it is
     *       how read-your-writes crosses processes — but only up to the same bound, after which the page is served:
     *       a crafted token can cost a session that resumes it the wait, never a refusal.</li>
     * </ul>
     */
    private Page waitForIndex(PagedRequest<?> q, TableInfo t, SessionState s, boolean strict) {
        long start = System.nanoTime();
        long waitedNanos = 0;
        // Proving a region has another region's writes: the backend checks the session's positions (and
        // refuses with StaleReadException if the region has not applied them); index lag is waited for below.
        Positions min = strict && engine.positions() ? s.token().positions() : Positions.NONE;
        for (int attempt = 1; ; attempt++) {
            Page page = send(q, Consistency.EVENTUAL, min);
            boolean firmCaughtUp = !engine.positions() || reflects(page.positions(), s.firmPositions());
            Item firmStale = t.versioned() ? firstStale(page, t, (table, key) -> s.firmVersion(table, key)) : null;
            boolean allCaughtUp = !engine.positions() || reflects(page.positions(), s.token().positions());
            Item anyStale = t.versioned() ? firstStale(page, t, (table, key) -> s.token().exactVersion(table, key)) : null;
            if (allCaughtUp && anyStale == null) return page;
            if (System.nanoTime() - start > INDEX_WAIT.toNanos() || waitedNanos > INDEX_WAIT.toNanos()) {
                // Only unverified claims are unmet: served, as the claims may be forged.
                if (firmCaughtUp && firmStale == null) return page;
                String why = "in index '" + q.indexName().orElse("") + "': the index did not reflect the session's writes within "
                        + INDEX_WAIT.toMillis() + " ms";
                if (firmStale == null) throw new StaleReadException(q.tableName(), null, -1, -1, why);
                throw new StaleReadException(q.tableName(), t.keyOf(firmStale), s.firmVersion(q.tableName(), t.keyOf(firmStale)),
                        t.versionOf(firmStale).orElse(0), why);
            }
            Duration delay = Duration.ofMillis(Math.min(200, 5L << Math.min(attempt, 6)));
            engine.backend.pause(delay);
            waitedNanos += delay.toNanos();
        }
    }

    /**
     * Whether an index's reported positions reach the session's exact positions on every partition the index
     * reports. (Partitions the session only knows through its floor are not compared: the floor mixes other
     * tables' positions, which an index of this table can never reach.)
     */
    static boolean reflects(Positions index, Positions session) {
        for (java.util.Map.Entry<Long, Long> e : index.asHashedMap().entrySet()) {
            Long mine = session.asHashedMap().get(e.getKey());
            if (mine != null && e.getValue() < mine) return false;
        }
        return true;
    }

    /** The first item older than {@code known} says the session knows it exactly (folded knowledge never counts). */
    private static Item firstStale(Page page, TableInfo t, java.util.function.ToLongBiFunction<String, io.ddbc.api.Key> known) {
        for (Item i : page.items()) {
            if (t.versionOf(i).orElse(0) < known.applyAsLong(t.spec().name(), t.keyOf(i))) return i;
        }
        return null;
    }

    private static boolean isGlobalIndex(TableInfo t, PagedRequest<?> q) {
        return q.indexName().flatMap(t.spec()::index).map(IndexSpec::isGlobal).orElse(false);
    }

    private Page send(PagedRequest<?> q, Consistency c, Positions min) {
        if (q instanceof QueryRequest qr) return engine.send(qr.toBuilder().consistency(c).minPositions(min).build(), true);
        return engine.send(((ScanRequest) q).toBuilder().consistency(c).minPositions(min).build(), true);
    }

    /** Monotonic reads: the session remembers the positions and the versions of what it read. */
    private static void observe(SessionState s, TableInfo t, Page page) {
        s.observe(page.positions());
        if (!t.versioned()) return;
        for (Item i : page.items()) {
            if (!t.versionOf(i).isPresent()) continue;
            try {
                s.observeReadVersion(t.spec().name(), t.keyOf(i), t.versionOf(i).getAsLong());
            } catch (io.ddbc.api.ValidationException projectedAway) {
                // A projection without the key attributes: nothing to remember for this item.
            }
        }
    }
}
