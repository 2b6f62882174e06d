package io.ddbc.core.internal;

import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.ConditionalWriteRequest;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DdbcRequest;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TransactWriteRequest;
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

    WriteRouter(Regions regions, WriteAffinity affinity) {
        this.regions = regions;
        this.affinity = affinity;
        this.sorted = regions.names().stream().sorted().toList();
    }

    <R> R write(ConditionalWriteRequest w, DdbcRequest<R> request, Ctx ctx) {
        String region = regionFor(w.tableName(), keyOf(w, ctx), ctx);
        ctx.session().visited(region);
        return regions.engine(region).execute(request, ctx);
    }

    <R> R transact(TransactWriteRequest t, DdbcRequest<R> request, Ctx ctx) {
        Map<String, List<String>> itemsByRegion = new TreeMap<>();
        for (TransactWriteRequest.Action a : t.actions()) {
            Key key = a.write() != null ? keyOf(a.write(), ctx) : a.key();
            itemsByRegion.computeIfAbsent(regionFor(a.tableName(), key, ctx), r -> new ArrayList<>())
                    .add("table '" + a.tableName() + "' key " + key);
        }
        if (itemsByRegion.size() > 1) {
            throw new ValidationException("Transaction spans regions " + itemsByRegion.keySet() + " under " + affinity
                    + ", but a DynamoDB transaction runs in one region: " + itemsByRegion);
        }
        String region = itemsByRegion.isEmpty() ? ctx.home() : itemsByRegion.keySet().iterator().next();
        ctx.session().visited(region);
        return regions.engine(region).execute(request, ctx);
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
        if (w instanceof PutRequest p && p.key() == null) {
            if (affinity.isHome()) return null;
            return regions.engine(ctx.home()).catalog.info(w.tableName()).keyOf(p.item());
        }
        return w.key();
    }
}
