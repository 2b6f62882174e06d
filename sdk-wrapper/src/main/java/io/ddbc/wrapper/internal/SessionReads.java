package io.ddbc.wrapper.internal;

import io.ddbc.api.Key;
import io.ddbc.core.internal.SessionState;
import io.ddbc.wrapper.internal.TableSchemas.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;

/**
 * Session reads over a DynamoDbClient, with ddbc-core's rules for backends without positions:
 * <ul>
 *   <li>GetItem with {@code ConsistentRead=false} of a key the session knows: on a versioned table, the
 *       eventual read first, re-read strongly if the item is older than the session knows or missing; on an
 *       unversioned table (or with a projection, which may hide the version), strongly at once.</li>
 *   <li>BatchGetItem: the same per key (keys needing a strong read go in a second, strong batch; the
 *       responses are merged).</li>
 *   <li>Query on the table or a local index: strong if the session wrote to the table. On a global index
 *       (which cannot be read strongly) it passes through, counted as unhonoured if the session wrote the table.</li>
 * </ul>
 * Every read records the versions it saw (monotonic reads). A request the session need not change is sent
 * as it came. Thread-safe.
 */
public final class SessionReads {
    private final DynamoDbClient delegate;
    private final TableSchemas schemas;
    private final Sessions sessions;
    private final Counters counters;
    private final WrapperCache cache;

    public SessionReads(DynamoDbClient delegate, TableSchemas schemas, Sessions sessions, Counters counters, WrapperCache cache) {
        this.cache = cache;
        this.delegate = delegate;
        this.schemas = schemas;
        this.sessions = sessions;
        this.counters = counters;
    }

    public GetItemResponse get(GetItemRequest r) {
        Schema t = schemas.of(r.tableName());
        SessionState s = sessions.current();
        boolean strongAsked = Boolean.TRUE.equals(r.consistentRead());
        long known = strongAsked ? 0 : known(s, t, r.key());
        GetItemResponse resp = strongAsked ? null : cache.hit(t, t.keyOf(r.key()), known, r);
        if (resp != null) {
            observe(s, t, resp.hasItem() ? resp.item() : Map.of());
            return resp;
        }
        if (known == 0) {
            resp = delegate.getItem(r);
        } else if (!t.versioned() || r.projectionExpression() != null) {
            resp = strong(r);
        } else {
            resp = delegate.getItem(r);
            if (!resp.hasItem() || t.versionOf(resp.item()) < known) resp = strong(r);
        }
        if (resp.hasItem()) observe(s, t, resp.item());
        if (r.projectionExpression() == null && cache.enabled()) cache.store(t, t.keyOf(r.key()), resp.hasItem() && !resp.item().isEmpty() ? resp.item() : null);
        return resp;
    }

    private GetItemResponse strong(GetItemRequest r) {
        counters.upgrade("GetItem");
        return delegate.getItem(r.toBuilder().consistentRead(true).build());
    }

    public QueryResponse query(QueryRequest r) {
        Schema t = schemas.of(r.tableName());
        SessionState s = sessions.current();
        QueryResponse resp;
        if (Boolean.TRUE.equals(r.consistentRead()) || !s.mayHaveWritten(r.tableName())) {
            resp = delegate.query(r);
        } else if (t.isGlobalIndex(r.indexName())) {
            counters.unhonoured("Query:GSI");
            resp = delegate.query(r);
        } else {
            counters.upgrade("Query");
            resp = delegate.query(r.toBuilder().consistentRead(true).build());
        }
        if (resp.hasItems()) for (Map<String, AttributeValue> i : resp.items()) observe(s, t, i);
        return resp;
    }

    /** Transactional reads are serializable: nothing to upgrade, only versions to remember. */
    public TransactGetItemsResponse transactGet(TransactGetItemsRequest r) {
        TransactGetItemsResponse resp = delegate.transactGetItems(r);
        SessionState s = sessions.current();
        for (int i = 0; i < resp.responses().size() && i < r.transactItems().size(); i++) {
            var item = resp.responses().get(i);
            if (item != null && item.hasItem()) observe(s, schemas.of(r.transactItems().get(i).get().tableName()), item.item());
        }
        return resp;
    }

    public BatchGetItemResponse batchGet(BatchGetItemRequest r) {
        SessionState s = sessions.current();
        Map<String, KeysAndAttributes> first = new LinkedHashMap<>();
        Map<String, KeysAndAttributes> strong = new LinkedHashMap<>();
        for (Map.Entry<String, KeysAndAttributes> e : r.requestItems().entrySet()) split(s, e.getKey(), e.getValue(), first, strong);
        BatchGetItemResponse resp = first.isEmpty() ? null
                : delegate.batchGetItem(strong.isEmpty() ? r : r.toBuilder().requestItems(first).build());
        if (resp != null) resp = withoutStale(s, first, resp, strong);
        if (!strong.isEmpty()) {
            counters.upgrade("BatchGetItem");
            BatchGetItemResponse again = delegate.batchGetItem(r.toBuilder().requestItems(strong).build());
            resp = resp == null ? again : merge(resp, again);
        }
        for (Map.Entry<String, List<Map<String, AttributeValue>>> e : resp.responses().entrySet()) {
            Schema t = schemas.of(e.getKey());
            for (Map<String, AttributeValue> i : e.getValue()) observe(s, t, i);
        }
        return resp;
    }

    /** Puts the table's keys that must be read strongly at once into {@code strong}, the rest into {@code first}. */
    private void split(SessionState s, String table, KeysAndAttributes ka, Map<String, KeysAndAttributes> first,
                       Map<String, KeysAndAttributes> strong) {
        if (Boolean.TRUE.equals(ka.consistentRead())) {
            first.put(table, ka);
            return;
        }
        Schema t = schemas.of(table);
        List<Map<String, AttributeValue>> now = new ArrayList<>();
        List<Map<String, AttributeValue>> later = new ArrayList<>();
        for (Map<String, AttributeValue> k : ka.keys()) {
            boolean uncomparable = !t.versioned() || ka.projectionExpression() != null;
            (uncomparable && known(s, t, k) > 0 ? now : later).add(k);
        }
        if (!now.isEmpty()) strong.put(table, ka.toBuilder().keys(now).consistentRead(true).build());
        if (!later.isEmpty()) first.put(table, now.isEmpty() ? ka : ka.toBuilder().keys(later).build());
    }

    /** Drops the items older than the session knows (or missing) from {@code resp}, adding their keys to {@code strong}. */
    private BatchGetItemResponse withoutStale(SessionState s, Map<String, KeysAndAttributes> sent, BatchGetItemResponse resp,
                                              Map<String, KeysAndAttributes> strong) {
        Map<String, List<Map<String, AttributeValue>>> kept = new LinkedHashMap<>(resp.responses());
        boolean changed = false;
        for (Map.Entry<String, KeysAndAttributes> e : sent.entrySet()) {
            String table = e.getKey();
            Schema t = schemas.of(table);
            if (Boolean.TRUE.equals(e.getValue().consistentRead()) || !t.versioned()) continue;
            Map<Key, Map<String, AttributeValue>> returned = new LinkedHashMap<>();
            for (Map<String, AttributeValue> i : kept.getOrDefault(table, List.of())) returned.put(t.keyOf(i), i);
            Set<Map<String, AttributeValue>> unprocessed = resp.unprocessedKeys().containsKey(table)
                    ? new HashSet<>(resp.unprocessedKeys().get(table).keys()) : Set.of();
            List<Map<String, AttributeValue>> stale = new ArrayList<>();
            for (Map<String, AttributeValue> k : e.getValue().keys()) {
                long known = known(s, t, k);
                if (known == 0 || unprocessed.contains(k)) continue;
                Map<String, AttributeValue> item = returned.get(t.keyOf(k));
                if (item == null || t.versionOf(item) < known) {
                    stale.add(k);
                    if (item != null) returned.remove(t.keyOf(k));
                }
            }
            if (stale.isEmpty()) continue;
            changed = true;
            kept.put(table, new ArrayList<>(returned.values()));
            KeysAndAttributes already = strong.get(table);
            List<Map<String, AttributeValue>> keys = new ArrayList<>(already == null ? List.of() : already.keys());
            keys.addAll(stale);
            strong.put(table, e.getValue().toBuilder().keys(keys).consistentRead(true).build());
        }
        return changed ? resp.toBuilder().responses(kept).build() : resp;
    }

    private static BatchGetItemResponse merge(BatchGetItemResponse a, BatchGetItemResponse b) {
        Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        a.responses().forEach((t, l) -> items.put(t, new ArrayList<>(l)));
        b.responses().forEach((t, l) -> items.computeIfAbsent(t, x -> new ArrayList<>()).addAll(l));
        Map<String, KeysAndAttributes> unprocessed = new LinkedHashMap<>(a.unprocessedKeys());
        b.unprocessedKeys().forEach((t, ka) -> unprocessed.merge(t, ka, (x, y) -> {
            List<Map<String, AttributeValue>> keys = new ArrayList<>(x.keys());
            keys.addAll(y.keys());
            return x.toBuilder().keys(keys).build();
        }));
        BatchGetItemResponse.Builder out = a.toBuilder().responses(items).unprocessedKeys(unprocessed);
        if (a.hasConsumedCapacity() || b.hasConsumedCapacity()) {
            List<ConsumedCapacity> capacity = new ArrayList<>(a.consumedCapacity());
            capacity.addAll(b.consumedCapacity());
            out.consumedCapacity(capacity);
        }
        return out.build();
    }

    private static long known(SessionState s, Schema t, Map<String, AttributeValue> keyOrItem) {
        Key key = t.keyOf(keyOrItem);
        return key == null ? 0 : s.knownVersion(t.table(), key);
    }

    /** Monotonic reads: the session remembers the versions of what it read. */
    private static void observe(SessionState s, Schema t, Map<String, AttributeValue> item) {
        long v = t.versionOf(item);
        if (v <= 0) return;
        Key key = t.keyOf(item);
        if (key != null) s.observeReadVersion(t.table(), key, v);
    }
}
