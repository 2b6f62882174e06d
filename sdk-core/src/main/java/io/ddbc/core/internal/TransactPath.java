package io.ddbc.core.internal;

import io.ddbc.api.CancellationReason;
import io.ddbc.api.ConditionalWriteRequest;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.TransactWriteRequest.Action;
import io.ddbc.api.TransactWriteResult;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.VersionConflictException;
import io.ddbc.core.internal.TableCatalog.TableInfo;
import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.Consistency;
import io.ddbc.api.Expressions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Transactions with managed versions per action: a versioned put carries its new version and the
 * condition on the old one (read strongly first when no version is expected: one extra strong read per
 * such put); a versioned update adds the increment; an expected version becomes a condition. A failed
 * version condition raises {@link VersionConflictException} (caused by the cancellation). The result's
 * versions are known for puts and for updates that expected a version; empty otherwise (on backends
 * without positions the session then reads such an update's version back strongly). Every call carries a
 * client token (the application's, else one generated per call and reused on each retry), which makes
 * retries after transient cancellations and unknown outcomes idempotent.
 */
final class TransactPath {
    private final Engine engine;
    private final WritePath writes;

    TransactPath(Engine engine, WritePath writes) {
        this.engine = engine;
        this.writes = writes;
    }

    /** One action as the backend sees it, with its expected and new versions (-1: none / unknown). */
    private record Planned(Action action, TableInfo table, long expected, long newVersion, Optional<Item> image) {
    }

    TransactWriteResult write(TransactWriteRequest r, Ctx ctx) {
        List<Planned> plan = new ArrayList<>();
        // One client token per logical call, reused by every retry: DynamoDB then applies the transaction at
        // most once however often it is sent, so an unknown outcome (a lost answer) is safe to send again.
        String token = r.clientToken().orElseGet(() -> java.util.UUID.randomUUID().toString());
        for (int i = 0; i < r.actions().size(); i++) plan.add(plan(r.actions().get(i), WriteMarkers.derived(token, i)));
        TransactWriteRequest.Builder b = TransactWriteRequest.builder();
        b.clientToken(token);
        for (Planned p : plan) add(b, p.action());
        TransactWriteResult res;
        try {
            res = engine.send(b.build(), true);
        } catch (TransactionCanceledException e) {
            invalidate(plan);
            throw conflictOrOriginal(e, plan);
        }
        List<OptionalLong> versions = new ArrayList<>();
        for (Planned p : plan) versions.add(p.newVersion() > 0 ? OptionalLong.of(p.newVersion()) : OptionalLong.empty());
        after(ctx.session(), plan, res);
        return new TransactWriteResult(versions, res.consumedCapacity(), res.positions());
    }

    /**
     * @param marker the write marker of a versioned action: derived from the client token, so that an application
     *               replaying its own token sends the same request (DynamoDB refuses a token reused for another one)
     */
    private Planned plan(Action a, String marker) {
        TableInfo t = engine.catalog.info(a.tableName());
        if (a.check() != null) {
            Long e = a.check().expectVersion();
            return new Planned(new Action(null, Versioning.check(a.check(), t)), t, e == null ? -1 : e, -1, Optional.empty());
        }
        ConditionalWriteRequest w = a.write();
        Versioning.requireVersioned(t, w);
        long expected = w.expectVersion().orElse(-1);
        if (w instanceof PutRequest p) {
            if (!t.versioned()) return new Planned(a, t, -1, -1, Optional.of(p.item()));
            long exp = expected >= 0 ? expected : writes.currentVersion(t, key(t, w));
            PutRequest sent = Versioning.put(p, t, p.item(), exp + 1, exp, ReturnValues.NONE, marker);
            return new Planned(new Action(sent, null), t, exp, exp + 1, Optional.of(WriteMarkers.strip(sent.item())));
        }
        if (!t.versioned()) return new Planned(a, t, -1, -1, Optional.empty());
        if (w instanceof UpdateRequest u) {
            return new Planned(new Action(Versioning.update(u, t, ReturnValues.NONE, marker), null), t, expected,
                    expected >= 0 ? expected + 1 : -1, Optional.empty());
        }
        return new Planned(new Action(Versioning.delete((DeleteRequest) w, t, ReturnValues.NONE), null), t, expected, -1, Optional.empty());
    }

    private static void add(TransactWriteRequest.Builder b, Action a) {
        if (a.check() != null) b.conditionCheck(a.check());
        else if (a.write() instanceof PutRequest p) b.put(p);
        else if (a.write() instanceof UpdateRequest u) b.update(u);
        else b.delete((DeleteRequest) a.write());
    }

    private static Key key(TableInfo t, ConditionalWriteRequest w) {
        return w instanceof PutRequest p && p.key() == null ? t.keyOf(p.item()) : w.key();
    }

    /** A version mismatch on any action → {@link VersionConflictException}; else the cancellation as it is. */
    private static RuntimeException conflictOrOriginal(TransactionCanceledException e, List<Planned> plan) {
        List<CancellationReason> reasons = e.reasons();
        for (int i = 0; i < reasons.size() && i < plan.size(); i++) {
            Planned p = plan.get(i);
            if (!reasons.get(i).isConditionFailure() || p.expected() < 0) continue;
            Item current = reasons.get(i).item().orElse(null);
            OptionalLong actual = p.table().versionOf(current);
            if (actual.orElse(0) == p.expected()) continue;
            VersionConflictException c = new VersionConflictException(p.action().tableName(), p.action().key(), p.expected(), current,
                    actual.isPresent() ? actual.getAsLong() : null, "(action " + i + " of a transaction)");
            c.initCause(e);
            return c;
        }
        return e;
    }

    private void invalidate(List<Planned> plan) {
        if (engine.itemCache == null) return;
        for (Planned p : plan) engine.itemCache.invalidate(p.action().tableName(), key(p.table(), p));
    }

    private static Key key(TableInfo t, Planned p) {
        return p.action().write() != null ? key(t, p.action().write()) : p.action().key();
    }

    private void after(SessionState s, List<Planned> plan, TransactWriteResult res) {
        for (Planned p : plan) {
            if (p.action().check() != null) continue;
            Key k = key(p.table(), p);
            String table = p.action().tableName();
            if (engine.itemCache != null) {
                if (p.image().isPresent()) engine.itemCache.offer(table, k, new ItemCache.Entry(p.image(), p.newVersion(), res.positions()));
                else engine.itemCache.invalidate(table, k);
            }
            if (engine.queryCache != null) engine.queryCache.invalidate(table, k.partitionValue());
            writes.recordWrite(s, p.table(), k, knownAfter(p, k), res.positions());
        }
    }

    /**
     * The version the session must see after an action. An update without an expected version has no
     * known new version; without positions the session could not read its own write safely, so the
     * version is read back strongly (1 RCU for the version attribute alone).
     */
    private long knownAfter(Planned p, Key k) {
        boolean unknownUpdate = p.table().versioned() && p.newVersion() <= 0 && p.action().write() instanceof UpdateRequest;
        return unknownUpdate && !engine.positions() ? writes.currentVersion(p.table(), k) : p.newVersion();
    }

    TransactGetResult get(TransactGetRequest r, Ctx ctx) {
        if (ctx.strict() && engine.positions()) probe(r, ctx.session());
        TransactGetResult res = engine.send(r, true);
        List<TransactGetRequest.Get> gets = r.gets();
        if (ctx.strict() && !engine.positions()) requireKnownVersions(gets, res, ctx.session());
        for (int i = 0; i < gets.size() && i < res.items().size(); i++) {
            TableInfo t = engine.catalog.info(gets.get(i).tableName());
            Optional<Item> item = res.items().get(i);
            OptionalLong v = item.map(t::versionOf).orElse(OptionalLong.empty());
            if (v.isPresent()) ctx.session().observeReadVersion(t.spec().name(), gets.get(i).key(), v.getAsLong());
        }
        return res;
    }

    /**
     * Proving a region has the session's writes from other regions, on a backend with positions: a
     * transactional read reports none, so an eventual batch read of the same keys carrying the session's
     * positions goes first (the backend refuses it if the region has not applied them; the transactional
     * read then reads the leader, which is at least as far). Costs that batch read.
     */
    private void probe(TransactGetRequest r, SessionState s) {
        Map<String, List<Key>> keys = new LinkedHashMap<>();
        for (TransactGetRequest.Get g : r.gets()) keys.computeIfAbsent(g.tableName(), x -> new ArrayList<>()).add(g.key());
        Map<String, BatchGetRequest.TableKeys> tables = new LinkedHashMap<>();
        keys.forEach((table, list) -> tables.put(table, new BatchGetRequest.TableKeys(list, Consistency.EVENTUAL, null, Expressions.NONE)));
        BatchGetResult probed = engine.send(BatchGetRequest.of(tables).withMinPositions(s.token().positions()), true);
        if (probed.hasUnprocessed()) {
            String table = probed.unprocessed().keySet().iterator().next();
            throw NotCaughtUp.behind(table, null, "the region left keys unprocessed while proving it has the session's writes");
        }
    }

    /** Without positions: items the session knows a version of must be at least that new; unversioned ones cannot be proved. */
    private void requireKnownVersions(List<TransactGetRequest.Get> gets, TransactGetResult res, SessionState s) {
        for (int i = 0; i < gets.size() && i < res.items().size(); i++) {
            TransactGetRequest.Get g = gets.get(i);
            long known = s.knownVersion(g.tableName(), g.key());
            if (known <= 0) continue;
            TableInfo t = engine.catalog.info(g.tableName());
            OptionalLong v = res.items().get(i).map(t::versionOf).orElse(OptionalLong.empty());
            boolean visible = t.versioned() && (res.items().get(i).isEmpty() || v.isPresent());
            if (!visible) {
                throw NotCaughtUp.unverifiable(g.tableName(), g.key(), "the session wrote this item in another region, and without"
                        + " positions or a version in the result this region cannot show it has that write");
            }
            if (v.orElse(0) < known) {
                throw NotCaughtUp.behind(g.tableName(), g.key(), "this region has version " + (v.isPresent() ? v.getAsLong() : "none")
                        + " where the session knows " + known + " from another region");
            }
        }
    }
}
