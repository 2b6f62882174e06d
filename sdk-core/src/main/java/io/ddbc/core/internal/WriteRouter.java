package io.ddbc.core.internal;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.Consistency;
import io.ddbc.api.Expressions;
import io.ddbc.api.GetRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.ConditionalWriteRequest;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DdbcRequest;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import io.ddbc.core.WriteAffinity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends each write of a multi-region client to the region its {@link WriteAffinity} names: single writes
 * there, a transaction there if all its items agree (DynamoDB transactions are regional), a batch split by
 * region. The session remembers the region before the write is sent, so no read can miss it.
 */
final class WriteRouter {
    private final Regions regions;
    private final WriteAffinity affinity;
    private final List<String> sorted;
    private final CrossRegionSessions sessions;

    WriteRouter(Regions regions, WriteAffinity affinity, CrossRegionSessions sessions) {
        this.regions = regions;
        this.affinity = affinity;
        this.sessions = sessions;
        this.sorted = regions.names().stream().sorted().toList();
    }

    /**
     * A single-item write, in its region. One that builds on the item's state there (an update, a conditional
     * write, any write to a versioned table) first waits for that region to have the session's writes from
     * other regions; under home affinity it may instead go to a region that has them (see
     * {@link CrossRegionSessions#write}). A blind put or delete of an unversioned item needs no such proof:
     * last writer wins keeps it over anything older.
     */
    <R> R write(ConditionalWriteRequest w, DdbcRequest<R> request, Ctx ctx) {
        Key key = keyOf(w, ctx);
        String region = regionFor(w.tableName(), key, ctx);
        GetRequest probe = dependsOnState(w, ctx) ? GetRequest.builder(w.tableName(), key).consistency(Consistency.SESSION).build() : null;
        return sessions.write(request, probe, w.tableName(), key, region, affinity.isHome(), ctx);
    }

    /** Whether a write builds on the item as the region holds it (a blind put or delete of an unversioned item does not). */
    private boolean dependsOnState(ConditionalWriteRequest w, Ctx ctx) {
        return w instanceof UpdateRequest || w.condition() != null || regions.engine(ctx.home()).catalog.info(w.tableName()).versioned();
    }

    /** A transaction, in the one region all its items route to; held back like a single write if any action builds on state. */
    <R> R transact(TransactWriteRequest t, DdbcRequest<R> request, Ctx ctx) {
        Map<String, List<String>> itemsByRegion = new TreeMap<>();
        Map<String, List<Key>> keysByTable = new LinkedHashMap<>();
        boolean dependsOnState = false;
        for (TransactWriteRequest.Action a : t.actions()) {
            Key key = a.write() != null ? keyOf(a.write(), ctx) : a.key();
            itemsByRegion.computeIfAbsent(regionFor(a.tableName(), key, ctx), r -> new ArrayList<>())
                    .add("table '" + a.tableName() + "' key " + key);
            keysByTable.computeIfAbsent(a.tableName(), x -> new ArrayList<>()).add(key);
            dependsOnState |= a.write() == null || dependsOnState(a.write(), ctx);
        }
        if (itemsByRegion.size() > 1) {
            throw new ValidationException("Transaction spans regions " + itemsByRegion.keySet() + " under " + affinity
                    + ", but a DynamoDB transaction runs in one region: " + itemsByRegion);
        }
        String region = itemsByRegion.isEmpty() ? ctx.home() : itemsByRegion.keySet().iterator().next();
        BatchGetRequest probe = dependsOnState ? sessionRead(keysByTable) : null;
        return sessions.write(request, probe, String.join(",", keysByTable.keySet()), null, region, affinity.isHome(), ctx);
    }

    private static BatchGetRequest sessionRead(Map<String, List<Key>> keysByTable) {
        Map<String, BatchGetRequest.TableKeys> tables = new LinkedHashMap<>();
        keysByTable.forEach((table, keys) -> tables.put(table, new BatchGetRequest.TableKeys(keys, Consistency.SESSION, null, Expressions.NONE)));
        return BatchGetRequest.of(tables);
    }

    BatchWriteResult batch(BatchWriteRequest b, Ctx ctx) {
        Map<String, Map<String, List<BatchWriteRequest.Write>>> byRegion = new LinkedHashMap<>();
        b.writes().forEach((table, writes) -> {
            for (BatchWriteRequest.Write w : writes) {
                Key key = w.isPut() ? regions.engine(ctx.home()).catalog.info(table).keyOf(w.item()) : w.key();
                byRegion.computeIfAbsent(regionFor(table, key, ctx), r -> new LinkedHashMap<>())
                        .computeIfAbsent(table, x -> new ArrayList<>()).add(w);
            }
        });
        if (byRegion.size() <= 1) {
            String region = byRegion.isEmpty() ? ctx.home() : byRegion.keySet().iterator().next();
            ctx.session().visited(region);
            return regions.engine(region).execute(b, ctx);
        }
        BatchWriteResult all = null;
        for (Map.Entry<String, Map<String, List<BatchWriteRequest.Write>>> part : byRegion.entrySet()) {
            ctx.session().visited(part.getKey());
            BatchWriteResult r = regions.engine(part.getKey()).execute(BatchWriteRequest.of(part.getValue()), ctx);
            all = all == null ? r : merge(all, r);
        }
        return all;
    }

    private static BatchWriteResult merge(BatchWriteResult a, BatchWriteResult b) {
        Map<String, List<BatchWriteRequest.Write>> unprocessed = new LinkedHashMap<>();
        a.unprocessed().forEach((t, l) -> unprocessed.computeIfAbsent(t, x -> new ArrayList<>()).addAll(l));
        b.unprocessed().forEach((t, l) -> unprocessed.computeIfAbsent(t, x -> new ArrayList<>()).addAll(l));
        return new BatchWriteResult(unprocessed, a.consumedCapacity().plus(b.consumedCapacity()), a.positions().merge(b.positions()));
    }

    /** The region of a write to one item; checks what a custom affinity returns. */
    String regionFor(String table, Key key, Ctx ctx) {
        if (affinity.isHome()) return ctx.home();
        String region = affinity.regionFor(table, key, ctx.home(), sorted);
        if (region == null || !sorted.contains(region)) {
            throw new DdbcConfigException("Write affinity " + affinity + " chose region '" + region + "' for table '" + table + "', key " + key
                    + ", but the client has regions " + regions.names());
        }
        return region;
    }

    private Key keyOf(ConditionalWriteRequest w, Ctx ctx) {
        if (w instanceof PutRequest p && p.key() == null) return regions.engine(ctx.home()).catalog.info(w.tableName()).keyOf(p.item());
        return w.key();
    }
}
