package io.ddbc.embedded.internal.engine;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.ConsumedCapacity;
import io.ddbc.api.Expressions;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Positions;
import io.ddbc.api.ServedBy;
import io.ddbc.api.ValidationException;
import io.ddbc.embedded.internal.capacity.CapacityCalculator;
import io.ddbc.embedded.internal.capacity.CapacityCalculator.ReadKind;
import io.ddbc.embedded.internal.expr.CompiledProjection;
import io.ddbc.embedded.internal.expr.ExpressionCompiler;
import io.ddbc.embedded.internal.expr.Placeholders;
import io.ddbc.embedded.internal.replication.Cluster;
import io.ddbc.embedded.internal.storage.ItemKey;
import io.ddbc.embedded.internal.storage.SortedStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** GetItem and BatchGetItem, served lock-free from a replica's partition store. */
final class ReadOperations {
    /** Largest BatchGetItem response, bytes; keys beyond it are returned unprocessed. */
    static final long MAX_BATCH_GET_BYTES = 16L * 1024 * 1024;

    private final EngineStats stats;
    private final Cluster cluster;

    ReadOperations(EngineStats stats, Cluster cluster) {
        this.stats = stats;
        this.cluster = cluster;
    }

    /** One item read from a replica: the item (null if absent), the replica position it reflects, who answered. */
    record Read(Item item, Positions positions, ServedBy servedBy) {
    }

    /**
     * Reads an item from the replica the routing chooses. The position is taken before the item, so the
     * answer reflects at least that position. A follower's answer that differs from the leader's item is
     * counted as a stale read.
     */
    Read read(TableState table, Key key, boolean strong, Positions min) {
        int p = table.partitionOf(key);
        ReplicaGroup.Route route = table.replicas().route(p, strong, min, key);
        SortedStore<ItemKey> store = route.replica().partition(p);
        long position = store.appliedSeq();
        ItemKey k = ItemKey.of(key);
        Item item = store.get(k);
        // A follower at the leader's position holds the leader's state: only a lagging one can be stale.
        if (!route.leader() && position < table.leaderStore(p).appliedSeq()) {
            Item current = table.leaderStore(p).get(k);
            if (current != item && !Objects.equals(current, item)) cluster.staleRead(table.name());
        }
        return new Read(item, store.positionsAt(position).merge(route.elsewhere()), route.leader() ? ServedBy.LEADER : ServedBy.FOLLOWER);
    }

    /** Compiles an optional projection with its placeholders (checking they are all used). */
    static CompiledProjection projection(TableState table, String text, Expressions expressions) {
        Placeholders ph = ExprSupport.begin(expressions, text);
        CompiledProjection p = text == null ? null : ExpressionCompiler.projection(text, ph);
        ExprSupport.finish(ph);
        ExprSupport.checkKeyPaths(ph, table, Set.of());
        return p;
    }

    static Item project(CompiledProjection projection, Item item) {
        return projection == null || item == null ? item : projection.apply(item);
    }

    GetResult get(TableState table, GetRequest request, Runnable admission) {
        table.spec().validateKey(request.key());
        boolean strong = ReadConsistency.isStrong(request.consistency(), table.name());
        CompiledProjection projection = projection(table, request.projection(), request.expressions());
        admission.run();
        Read read = read(table, request.key(), strong, request.minPositions());
        ConsumedCapacity capacity = CapacityCalculator.itemRead(table.name(), read.item(), ReadKind.of(strong));
        stats.charge(capacity);
        return GetResult.of(project(projection, read.item()), capacity, read.servedBy(), read.positions());
    }

    /**
     * BatchGetItem: ≤ 100 keys, no key twice per table, each table with its own consistency and
     * projection; each item charged on its own (missing items the minimum). Items past 16 MB are left
     * unprocessed.
     */
    BatchGetResult batchGet(Tables tables, BatchGetRequest request, Runnable admission) {
        int count = request.keyCount();
        if (count == 0) throw new ValidationException("BatchGetItem needs at least one key");
        if (count > BatchGetRequest.MAX_KEYS) {
            throw new ValidationException("Too many items requested for the BatchGetItem call: " + count + " > " + BatchGetRequest.MAX_KEYS);
        }
        Map<String, TableState> states = new LinkedHashMap<>();
        Map<String, CompiledProjection> projections = new LinkedHashMap<>();
        Map<String, Boolean> strong = new LinkedHashMap<>();
        for (Map.Entry<String, BatchGetRequest.TableKeys> e : request.tables().entrySet()) {
            TableState t = tables.get(e.getKey());
            BatchGetRequest.TableKeys tk = e.getValue();
            Set<Key> seen = new HashSet<>();
            for (Key k : tk.keys()) {
                t.spec().validateKey(k);
                if (!seen.add(k)) {
                    throw new ValidationException("Provided list of item keys contains duplicates (table '" + t.name() + "', key " + k + ")");
                }
            }
            states.put(t.name(), t);
            strong.put(t.name(), ReadConsistency.isStrong(tk.consistency(), t.name()));
            projections.put(t.name(), projection(t, tk.projection(), tk.expressions()));
        }
        admission.run();
        Map<String, List<Item>> items = new LinkedHashMap<>();
        Map<String, BatchGetRequest.TableKeys> unprocessed = new LinkedHashMap<>();
        ConsumedCapacity capacity = ConsumedCapacity.NONE;
        Positions positions = Positions.NONE;
        long bytes = 0;
        for (Map.Entry<String, BatchGetRequest.TableKeys> e : request.tables().entrySet()) {
            TableState t = states.get(e.getKey());
            List<Item> found = items.computeIfAbsent(t.name(), n -> new ArrayList<>());
            List<Key> left = new ArrayList<>();
            for (Key k : e.getValue().keys()) {
                if (bytes > MAX_BATCH_GET_BYTES) {
                    left.add(k);
                    continue;
                }
                Read read = read(t, k, strong.get(t.name()), request.minPositions());
                capacity = capacity.plus(CapacityCalculator.itemRead(t.name(), read.item(), ReadKind.of(strong.get(t.name()))));
                positions = positions.merge(read.positions());
                if (read.item() != null) {
                    bytes += read.item().sizeInBytes();
                    found.add(project(projections.get(t.name()), read.item()));
                }
            }
            if (!left.isEmpty()) unprocessed.put(t.name(), e.getValue().withKeys(left));
        }
        stats.charge(capacity);
        return new BatchGetResult(items, unprocessed, capacity, positions);
    }
}
