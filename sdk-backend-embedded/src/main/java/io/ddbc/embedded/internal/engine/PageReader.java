package io.ddbc.embedded.internal.engine;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.ConsumedCapacity;
import io.ddbc.api.Item;
import io.ddbc.api.KeyAttribute;
import io.ddbc.api.Page;
import io.ddbc.api.PagedRequest;
import io.ddbc.api.Positions;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.Select;
import io.ddbc.api.ServedBy;
import io.ddbc.api.ValidationException;
import io.ddbc.embedded.internal.capacity.CapacityCalculator;
import io.ddbc.embedded.internal.capacity.CapacityCalculator.ReadKind;
import io.ddbc.embedded.internal.expr.CompiledCondition;
import io.ddbc.embedded.internal.expr.CompiledKeyCondition;
import io.ddbc.embedded.internal.expr.CompiledProjection;
import io.ddbc.embedded.internal.expr.ExpressionCompiler;
import io.ddbc.embedded.internal.expr.Placeholders;
import io.ddbc.embedded.internal.expr.SortKeyCondition;
import io.ddbc.embedded.internal.storage.IndexKey;
import io.ddbc.embedded.internal.storage.IndexLayout;
import io.ddbc.embedded.internal.storage.ItemKey;
import io.ddbc.embedded.internal.storage.KeyOrder;
import io.ddbc.embedded.internal.storage.PartitionHasher;
import io.ddbc.embedded.internal.storage.SortedStore;
import io.ddbc.embedded.internal.storage.TableReplica;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Query and Scan, one page: reads entries of a table or index in key order from a replica, stops at
 * {@code Limit} items evaluated or 1 MB read, applies the filter and projection, and charges the
 * bytes read before filtering (rounded once per page).
 */
final class PageReader {
    /** Most bytes one Query/Scan page reads. */
    static final long MAX_PAGE_BYTES = 1024L * 1024;

    private final EngineStats stats;

    PageReader(EngineStats stats) {
        this.stats = stats;
    }

    /** What one page request asks, once validated and compiled. */
    private record PageSpec(TableState table, IndexLayout index, boolean strong, Integer limit, CompiledCondition filter,
                            CompiledProjection projection, boolean countOnly, boolean fetchBase, Integer segment, Integer totalSegments,
                            Positions minPositions) {
    }

    Page query(TableState table, QueryRequest r, Runnable admission) {
        IndexLayout index = index(table, r);
        boolean strong = strong(table, index, r);
        Placeholders ph = ExprSupport.begin(r.expressions(), r.keyCondition(), r.filter(), r.projection());
        CompiledKeyCondition kc = ExpressionCompiler.keyCondition(r.keyCondition(), ph);
        CompiledCondition filter = r.filter() == null ? null : ExpressionCompiler.condition("FilterExpression", r.filter(), ph);
        CompiledProjection projection = r.projection() == null ? null : ExpressionCompiler.projection(r.projection(), ph);
        ExprSupport.finish(ph);
        ExprSupport.checkKeyPaths(ph, table, Set.of());
        KeyAttribute pk = index == null ? table.spec().partitionKey() : index.spec().partitionKey();
        KeyAttribute sk = index == null ? table.spec().sortKey().orElse(null) : index.spec().sortKey().orElse(null);
        checkKeyCondition(kc, pk, sk);
        if (filter != null) {
            for (String a : filter.topLevelAttributes()) {
                if (a.equals(pk.name()) || (sk != null && a.equals(sk.name()))) {
                    throw new ValidationException("Filter Expression can only contain non-primary key attributes: Primary key attribute: " + a);
                }
            }
        }
        checkGlobalIndexProjection(index, filter, projection);
        PageSpec spec = spec(table, index, strong, r, filter, projection, null, null);
        AttributeValue pv = kc.partitionValue();
        SortKeyCondition sc = kc.sortCondition().orElse(null);
        int partition = PartitionHasher.partitionOf(pv, table.partitionCount());
        if (index == null) {
            ItemKey start = r.exclusiveStartKey() == null ? null : tableStartKey(table, r.exclusiveStartKey());
            if (start != null) checkStartKey(start.partition(), start.sort(), pv, sc);
            admission.run();
            Routed<ItemKey> routed = tablePartition(table, partition, spec);
            NavigableMap<ItemKey, Item> range = tableRange(routed.store(), pv, sc, r.scanIndexForward());
            if (start != null) range = range.tailMap(start, false);
            return collect(spec, List.of(new Source<>(routed, range, sc == null ? null : k -> sc.matches(k.sort()))),
                    k -> k.asItem(pk.name(), sk == null ? null : sk.name()));
        }
        IndexKey start = r.exclusiveStartKey() == null ? null : indexStartKey(index, r.exclusiveStartKey());
        if (start != null) checkStartKey(start.partition(), start.sort(), pv, sc);
        admission.run();
        Routed<IndexKey> routed = indexPartition(table, index, partition, spec);
        NavigableMap<IndexKey, Item> range = indexRange(routed.store(), pv, sc, r.scanIndexForward());
        if (start != null) range = range.tailMap(start, false);
        return collect(spec, List.of(new Source<>(routed, range, sc == null ? null : k -> sc.matches(k.sort()))), index::lastEvaluatedKey);
    }

    Page scan(TableState table, ScanRequest r, Runnable admission) {
        IndexLayout index = index(table, r);
        boolean strong = strong(table, index, r);
        Placeholders ph = ExprSupport.begin(r.expressions(), r.filter(), r.projection());
        CompiledCondition filter = r.filter() == null ? null : ExpressionCompiler.condition("FilterExpression", r.filter(), ph);
        CompiledProjection projection = r.projection() == null ? null : ExpressionCompiler.projection(r.projection(), ph);
        ExprSupport.finish(ph);
        ExprSupport.checkKeyPaths(ph, table, Set.of());
        if ((r.segment() == null) != (r.totalSegments() == null)) {
            throw new ValidationException("Segment and TotalSegments must be given together (table '" + table.name() + "')");
        }
        // DynamoDB Local 2.6.1 checks a Scan's projection against the index, but not its filter (which then
        // sees only projected attributes): the engine does the same.
        checkGlobalIndexProjection(index, null, projection);
        PageSpec spec = spec(table, index, strong, r, filter, projection, r.segment(), r.totalSegments());
        if (index == null) {
            ItemKey start = r.exclusiveStartKey() == null ? null : tableStartKey(table, r.exclusiveStartKey());
            admission.run();
            String pkName = table.spec().partitionKey().name();
            String skName = table.spec().sortKey().map(KeyAttribute::name).orElse(null);
            return collect(spec, scanSources(table.partitionCount(), p -> tablePartition(table, p, spec), start == null ? null
                    : start.partition(), start, spec, ItemKey::partition), k -> k.asItem(pkName, skName));
        }
        IndexKey start = r.exclusiveStartKey() == null ? null : indexStartKey(index, r.exclusiveStartKey());
        admission.run();
        return collect(spec, scanSources(table.partitionCount(), p -> indexPartition(table, index, p, spec), start == null ? null
                : start.partition(), start, spec, IndexKey::partition), index::lastEvaluatedKey);
    }

    // ------------------------------------------------------------------------------ routing

    /**
     * One partition's store as routed: the replica answering, whether it is the leader, and the positions the
     * answer reflects (null: the store's own).
     */
    private record Routed<K extends Comparable<K>>(SortedStore<K> store, TableReplica replica, boolean leader, Positions reflects) {
        Routed(SortedStore<K> store, TableReplica replica, boolean leader) {
            this(store, replica, leader, null);
        }

        Positions positions() {
            return reflects != null ? reflects : store.positionsAt(store.appliedSeq());
        }
    }

    private static Routed<ItemKey> tablePartition(TableState table, int partition, PageSpec spec) {
        ReplicaGroup.Route route = table.replicas().route(partition, spec.strong(), spec.minPositions(), null);
        return routed(route.replica().partition(partition), route);
    }

    /**
     * A partition of an index: a local index is read on the replica routed for its table partition (its
     * entries share the table's partition key); a global index from its own asynchronously maintained copy.
     */
    private static Routed<IndexKey> indexPartition(TableState table, IndexLayout index, int partition, PageSpec spec) {
        if (index.isGlobal()) {
            Positions elsewhere = table.replicas().checkGlobalIndexRegions(index.name(), spec.minPositions());
            TableReplica copy = table.replicas().globalIndexReplica(partition);
            boolean single = table.replicas().size() == 1;
            // A global index reflects the base table's partitions up to where its asynchronous feed has got.
            return new Routed<>(copy.indexPartitions(index.name()).get(partition), copy, single,
                    table.replicas().globalIndexPositions().merge(elsewhere));
        }
        ReplicaGroup.Route route = table.replicas().route(partition, spec.strong(), spec.minPositions(), null);
        return routed(route.replica().indexPartitions(index.name()).get(partition), route);
    }

    /** A store read on a route: it reflects its own applied position and what the route says of other regions. */
    private static <K extends Comparable<K>> Routed<K> routed(SortedStore<K> store, ReplicaGroup.Route route) {
        if (route.elsewhere().isEmpty()) return new Routed<>(store, route.replica(), route.leader());
        return new Routed<>(store, route.replica(), route.leader(), store.positionsAt(store.appliedSeq()).merge(route.elsewhere()));
    }

    // ------------------------------------------------------------------------------ validation

    private static IndexLayout index(TableState table, PagedRequest<?> r) {
        if (r.indexName().isEmpty()) return null;
        IndexLayout l = table.index(r.indexName().get());
        if (l == null) throw new ValidationException("The table does not have the specified index: " + r.indexName().get());
        return l;
    }

    private static boolean strong(TableState table, IndexLayout index, PagedRequest<?> r) {
        boolean strong = ReadConsistency.isStrong(r.consistency(), table.name());
        if (strong && index != null && index.isGlobal()) {
            // DynamoDB's text as DynamoDB Local words it, then which index of which table.
            String verb = r instanceof io.ddbc.api.ScanRequest ? "scanning" : "querying";
            throw new ValidationException("Consistent read cannot be true when " + verb + " a GSI (index '" + index.name()
                    + "' of table '" + table.name() + "')");
        }
        return strong;
    }

    private static void checkKeyCondition(CompiledKeyCondition kc, KeyAttribute pk, KeyAttribute sk) {
        if (!kc.partitionKeyName().equals(pk.name())) {
            throw new ValidationException("Query condition missed key schema element: " + pk.name());
        }
        checkType(kc.partitionValue(), pk);
        SortKeyCondition sc = kc.sortCondition().orElse(null);
        if (sc == null) return;
        if (sk == null || !sc.attribute().equals(sk.name())) {
            throw new ValidationException("Query condition missed key schema element: " + (sk == null ? sc.attribute() : sk.name()));
        }
        checkType(sc.value(), sk);
        if (sc.upper() != null) {
            checkType(sc.upper(), sk);
            if (AttributeValue.compareKeyValues(sc.value(), sc.upper()) > 0) {
                throw new ValidationException("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than"
                        + " or equal to lower bound; lower bound operand: AttributeValue: " + sc.value() + ", upper bound operand:"
                        + " AttributeValue: " + sc.upper());
            }
        }
        if (sc.op() == SortKeyCondition.Op.BEGINS_WITH && sk.type() == AttributeValue.Type.N) {
            throw new ValidationException("Invalid KeyConditionExpression: Incorrect operand type for operator or function;"
                    + " operator or function: begins_with, operand type: N");
        }
    }

    /**
     * A global index that does not project every attribute cannot answer for the others (a local index fetches
     * them from the table): a filter or projection naming one is rejected, filter first, as DynamoDB does —
     * rather than silently filtering on, or returning, attributes the index entries do not have.
     */
    private static void checkGlobalIndexProjection(IndexLayout index, CompiledCondition filter, CompiledProjection projection) {
        if (index == null || !index.isGlobal() || index.projectsAll()) return;
        if (filter != null) {
            Set<String> missing = new TreeSet<>(notProjected(index, filter.topLevelAttributes())); // in name order, as DynamoDB lists them
            if (!missing.isEmpty()) {
                throw new ValidationException("One or more parameter values were invalid: Secondary index " + index.name()
                        + " does not project one or more filter attributes: " + missing);
            }
        }
        if (projection != null) {
            Set<String> missing = notProjected(index, projection.topLevelAttributes());
            if (!missing.isEmpty()) {
                throw new ValidationException("One or more parameter values were invalid: Global secondary index " + index.name()
                        + " does not project " + missing);
            }
        }
    }

    /**
     * The attributes not projected, in the order of a default-capacity java.util.HashSet: DynamoDB lists a
     * projection's missing attributes in that order (a filter's are sorted by the caller).
     */
    private static Set<String> notProjected(IndexLayout index, Set<String> attributes) {
        Set<String> missing = new java.util.HashSet<>();
        for (String a : attributes) if (!index.projects(a)) missing.add(a);
        return missing;
    }

    private static void checkType(AttributeValue v, KeyAttribute k) {
        if (v.type() != k.type()) {
            throw new ValidationException("One or more parameter values were invalid: Condition parameter type does not match schema type"
                    + " (key " + k.name() + " is " + k.type() + ", got " + v.type() + ")");
        }
        boolean empty = v.type() == AttributeValue.Type.S ? v.s().isEmpty() : v.type() == AttributeValue.Type.B && v.b().length == 0;
        if (empty) {
            throw new ValidationException("One or more parameter values are not valid. The AttributeValue for a key attribute cannot"
                    + " contain an empty " + (v.type() == AttributeValue.Type.S ? "string" : "binary") + " value. Key: " + k.name());
        }
    }

    private static PageSpec spec(TableState table, IndexLayout index, boolean strong, PagedRequest<?> r, CompiledCondition filter,
                                 CompiledProjection projection, Integer segment, Integer totalSegments) {
        Select select = r.select();
        if (projection != null && select != null && select != Select.SPECIFIC_ATTRIBUTES) {
            // DynamoDB's (Local's) text for COUNT; the other Select values named as they are.
            throw new ValidationException("Cannot specify the ProjectionExpression when choosing to get "
                    + (select == Select.COUNT ? "only the Count" : select));
        }
        if (select == Select.SPECIFIC_ATTRIBUTES && projection == null) {
            throw new ValidationException("Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES"
                    + " (table '" + table.name() + "')");
        }
        if (select == Select.ALL_PROJECTED_ATTRIBUTES && index == null) {
            throw new ValidationException("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
        }
        boolean fetchBase = false;
        if (index != null && !index.projectsAll()) {
            boolean wantsAll = select == Select.ALL_ATTRIBUTES;
            boolean wantsOthers = projection != null && projection.topLevelAttributes().stream().anyMatch(a -> !index.projects(a));
            if (index.isGlobal() && wantsAll) {
                throw new ValidationException("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for"
                        + " global secondary index " + index.name() + " because its projection type is not ALL");
            }
            // An LSI fetches non-projected attributes from the table; a GSI just lacks them.
            fetchBase = !index.isGlobal() && (wantsAll || wantsOthers);
        }
        return new PageSpec(table, index, strong, r.limit(), filter, projection, select == Select.COUNT, fetchBase, segment, totalSegments,
                r.minPositions());
    }

    /**
     * A query's ExclusiveStartKey must itself satisfy the key condition — its partition key equal to the one
     * queried and its sort key inside the sort key condition (a start key equal to an exclusive bound is
     * outside too) — as DynamoDB checks; reading on from a key outside the range would otherwise silently give
     * an empty or wrong page.
     */
    private static void checkStartKey(AttributeValue partition, AttributeValue sort, AttributeValue pv, SortKeyCondition sc) {
        boolean inside = partition.equals(pv) && (sc == null || (sort != null && sc.matches(sort)));
        if (!inside) throw new ValidationException("The provided starting key does not match the range key predicate");
    }

    private static ValidationException invalidStartKey(String detail) {
        return new ValidationException("The provided starting key is invalid: " + detail);
    }

    /**
     * An ExclusiveStartKey must have exactly the key attributes of what is read: the table's, plus the index's
     * for an index read. DynamoDB's text for any other number of attributes.
     */
    private static void checkStartKeySize(Item startKey, String... keyNames) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String n : keyNames) {
            if (n != null) names.add(n);
        }
        if (startKey.names().size() != names.size()) {
            throw new ValidationException("Exclusive Start Key must have same size as table's key schema (expected "
                    + new TreeSet<>(names) + ")");
        }
    }

    private static ItemKey tableStartKey(TableState t, Item startKey) {
        checkStartKeySize(startKey, t.spec().partitionKey().name(), t.spec().sortKey().map(k -> k.name()).orElse(null));
        try {
            return ItemKey.of(t.spec().keyOf(startKey));
        } catch (ValidationException e) {
            throw invalidStartKey(e.getMessage());
        }
    }

    private static IndexKey indexStartKey(IndexLayout index, Item startKey) {
        checkStartKeySize(startKey, index.tablePartitionName(), index.tableSortName(), index.partitionName(), index.sortName());
        IndexKey k = index.keyOfStartKey(startKey);
        if (k == null) throw invalidStartKey("The provided key element does not match the schema of index '" + index.name() + "'");
        return k;
    }

    // --------------------------------------------------------------------------------- ranges

    private static NavigableMap<ItemKey, Item> tableRange(SortedStore<ItemKey> store, AttributeValue pv, SortKeyCondition sc,
                                                          boolean forward) {
        Bounds b = Bounds.of(sc);
        NavigableMap<ItemKey, Item> range = store.entries().subMap(new ItemKey(pv, b.lo), b.loInclusive, new ItemKey(pv, b.hi), b.hiInclusive);
        return forward ? range : range.descendingMap();
    }

    private static NavigableMap<IndexKey, Item> indexRange(SortedStore<IndexKey> store, AttributeValue pv, SortKeyCondition sc,
                                                           boolean forward) {
        Bounds b = Bounds.of(sc);
        // Ties on the index sort key are ordered by table key: null is below every table key, HIGH above.
        IndexKey lo = new IndexKey(pv, b.lo, b.loInclusive ? null : IndexKey.HIGH_TABLE_KEY);
        IndexKey hi = new IndexKey(pv, b.hi, b.hiInclusive ? IndexKey.HIGH_TABLE_KEY : null);
        NavigableMap<IndexKey, Item> range = store.entries().subMap(lo, true, hi, true);
        return forward ? range : range.descendingMap();
    }

    /** Sort key bounds of a key condition (null: below everything; {@link KeyOrder#HIGH}: above). */
    private record Bounds(AttributeValue lo, boolean loInclusive, AttributeValue hi, boolean hiInclusive) {
        static Bounds of(SortKeyCondition sc) {
            if (sc == null) return new Bounds(null, true, KeyOrder.HIGH, true);
            switch (sc.op()) {
                case EQ: return new Bounds(sc.value(), true, sc.value(), true);
                case LT: return new Bounds(null, true, sc.value(), false);
                case LE: return new Bounds(null, true, sc.value(), true);
                case GT: return new Bounds(sc.value(), false, KeyOrder.HIGH, true);
                case GE:
                case BEGINS_WITH: return new Bounds(sc.value(), true, KeyOrder.HIGH, true);
                default: return new Bounds(sc.value(), true, sc.upper(), true);
            }
        }
    }

    // ------------------------------------------------------------------------------ collecting

    /** Entries of one store to read, with an optional per-key test (begins_with, scan segments). */
    private record Source<K extends Comparable<K>>(Routed<K> routed, NavigableMap<K, Item> range, java.util.function.Predicate<K> test) {
        SortedStore<K> store() {
            return routed.store();
        }
    }

    private static <K extends Comparable<K>> List<Source<K>> scanSources(int partitions, java.util.function.IntFunction<Routed<K>> route,
                                                                         AttributeValue startPartition, K start, PageSpec spec,
                                                                         Function<K, AttributeValue> partitionOf) {
        int first = startPartition == null ? 0 : PartitionHasher.partitionOf(startPartition, partitions);
        java.util.function.Predicate<K> test = spec.segment() == null ? null
                : k -> PartitionHasher.segmentOf(partitionOf.apply(k), spec.totalSegments()) == spec.segment();
        List<Source<K>> sources = new ArrayList<>();
        for (int i = first; i < partitions; i++) {
            Routed<K> r = route.apply(i);
            SortedStore<K> s = r.store();
            sources.add(new Source<>(r, i == first && start != null ? s.entries().tailMap(start, false) : s.entries(), test));
        }
        return sources;
    }

    private <K extends Comparable<K>> Page collect(PageSpec spec, List<Source<K>> sources, Function<K, Item> lastEvaluatedKey) {
        ReadKind kind = ReadKind.of(spec.strong());
        long bytes = 0;
        int scanned = 0;
        int count = 0;
        double baseUnits = 0;
        List<Item> out = new ArrayList<>();
        Positions positions = Positions.NONE;
        K last = null;
        boolean stopped = false;
        boolean allLeader = true;
        for (int si = 0; si < sources.size() && !stopped; si++) {
            Source<K> source = sources.get(si);
            allLeader &= source.routed().leader();
            positions = positions.merge(source.routed().positions());
            Iterator<Map.Entry<K, Item>> it = source.range().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<K, Item> e = it.next();
                if (source.test() != null && !source.test().test(e.getKey())) continue;
                Item item = e.getValue();
                scanned++;
                bytes += item.sizeInBytes();
                last = e.getKey();
                if (spec.fetchBase()) {
                    Item base = baseItem(source.routed().replica(), (IndexKey) e.getKey());
                    if (base != null) {
                        baseUnits += CapacityCalculator.baseFetchUnits(base, kind);
                        item = base;
                    }
                }
                if (spec.filter() == null || spec.filter().test(item)) {
                    count++;
                    if (!spec.countOnly()) out.add(spec.projection() == null ? item : spec.projection().apply(item));
                }
                if ((spec.limit() != null && scanned >= spec.limit()) || bytes >= MAX_PAGE_BYTES) {
                    // DynamoDB does not look ahead: a page stopped by Limit or 1 MB carries a LastEvaluatedKey
                    // even when nothing can follow (also after `sk = :v` or the inclusive end of a range, where
                    // DynamoDB Local 2.6.1 omits it for ranges; see DifferentialTest's departures).
                    stopped = true;
                    break;
                }
            }
        }
        String indexName = spec.index() == null ? null : spec.index().name();
        ConsumedCapacity capacity = CapacityCalculator.page(spec.table().name(), indexName, bytes, kind, baseUnits);
        stats.charge(capacity);
        Optional<Item> lek = stopped ? Optional.of(lastEvaluatedKey.apply(last)) : Optional.empty();
        return new Page(out, count, scanned, lek, capacity, allLeader ? ServedBy.LEADER : ServedBy.FOLLOWER, positions);
    }

    private static Item baseItem(TableReplica replica, IndexKey key) {
        return replica.partition(PartitionHasher.partitionOf(key.tableKey().partition(), replica.partitionCount())).get(key.tableKey());
    }
}
