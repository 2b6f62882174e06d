package io.ddbc.wrapper.internal;

import io.ddbc.api.Key;
import io.ddbc.core.internal.SessionState;
import io.ddbc.wrapper.internal.TableSchemas.Schema;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Sends writes unchanged and records in the session what each one wrote, as ddbc-core's write path does
 * on a backend without positions:
 * <ul>
 *   <li>versioned table: the item's new version (a put's item carries it; an update's comes from its
 *       ALL_NEW/UPDATED_NEW attributes, else from one strong read-back, 1 RCU); a delete records one past the
 *       deleted version, so an image from before the delete counts as stale (a single DeleteItem asks for
 *       ALL_OLD to learn it and hides it again when the caller did not ask; in a transaction or batch the
 *       deleted version is unknown and the key is read strongly afterwards);</li>
 *   <li>unversioned table: that the key was written ({@link SessionState#WRITTEN_MARKER}), so later session
 *       reads of it are strong.</li>
 * </ul>
 * Thread-safe.
 */
public final class SessionWrites {
    /** Recorded for a delete whose old version is unknown: later reads of the key are always checked strongly. */
    static final long DELETED_UNKNOWN = Long.MAX_VALUE / 2;

    private final DynamoDbClient delegate;
    private final TableSchemas schemas;
    private final Sessions sessions;
    private final Counters counters;
    private final WrapperCache cache;

    public SessionWrites(DynamoDbClient delegate, TableSchemas schemas, Sessions sessions, Counters counters, WrapperCache cache) {
        this.cache = cache;
        this.delegate = delegate;
        this.schemas = schemas;
        this.sessions = sessions;
        this.counters = counters;
    }

    public PutItemResponse put(PutItemRequest r) {
        PutItemResponse resp = invalidatingOnFailure(() -> delegate.putItem(r), r.tableName(), r.item());
        recordPut(r.tableName(), r.item());
        return resp;
    }

    public UpdateItemResponse update(UpdateItemRequest r) {
        UpdateItemResponse resp = invalidatingOnFailure(() -> delegate.updateItem(r), r.tableName(), r.key());
        ReturnValue rv = r.returnValues();
        boolean newImage = rv == ReturnValue.ALL_NEW || rv == ReturnValue.UPDATED_NEW;
        Map<String, AttributeValue> returned = newImage && resp.hasAttributes() ? resp.attributes() : null;
        Schema t = schemas.of(r.tableName());
        if (rv == ReturnValue.ALL_NEW && returned != null) cache.store(t, t.keyOf(r.key()), returned);
        else cache.invalidate(t, t.keyOf(r.key()));
        recordUpdate(r.tableName(), r.key(), returned);
        return resp;
    }

    /** A failed write (a false condition, or any other error) leaves the cache not knowing the item. */
    private <T> T invalidatingOnFailure(java.util.function.Supplier<T> write, String table, Map<String, AttributeValue> keyOrItem) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (cache.enabled()) cache.invalidate(schemas.of(table), schemas.of(table).keyOf(keyOrItem));
            throw e;
        }
    }

    public DeleteItemResponse delete(DeleteItemRequest r) {
        Schema t = schemas.of(r.tableName());
        cache.invalidate(t, t.keyOf(r.key()));
        if (!t.versioned()) {
            DeleteItemResponse resp = delegate.deleteItem(r);
            mark(t, r.key());
            return resp;
        }
        boolean asked = r.returnValues() == ReturnValue.ALL_OLD;
        DeleteItemResponse resp = delegate.deleteItem(asked ? r : r.toBuilder().returnValues(ReturnValue.ALL_OLD).build());
        if (resp.hasAttributes() && !resp.attributes().isEmpty()) {
            long old = t.versionOf(resp.attributes());
            record(t, r.key(), old > 0 ? old + 1 : DELETED_UNKNOWN);
        }
        // The old image was fetched for the session only: the caller gets the response it asked for.
        return asked ? resp : resp.toBuilder().attributes(null).build();
    }

    public TransactWriteItemsResponse transactWrite(TransactWriteItemsRequest r) {
        TransactWriteItemsResponse resp;
        try {
            resp = delegate.transactWriteItems(r);
        } finally {
            // Whatever happened, the cache stops answering for these keys; puts that succeeded re-store below.
            for (TransactWriteItem w : r.transactItems()) invalidate(w);
        }
        for (TransactWriteItem w : r.transactItems()) {
            if (w.put() != null) recordPut(w.put().tableName(), w.put().item());
            else if (w.update() != null) recordUpdate(w.update().tableName(), w.update().key(), null);
            else if (w.delete() != null) recordUnknownDelete(w.delete().tableName(), w.delete().key());
        }
        return resp;
    }

    private void invalidate(TransactWriteItem w) {
        if (!cache.enabled()) return;
        if (w.put() != null) cache.invalidate(schemas.of(w.put().tableName()), schemas.of(w.put().tableName()).keyOf(w.put().item()));
        else if (w.update() != null) cache.invalidate(schemas.of(w.update().tableName()), schemas.of(w.update().tableName()).keyOf(w.update().key()));
        else if (w.delete() != null) cache.invalidate(schemas.of(w.delete().tableName()), schemas.of(w.delete().tableName()).keyOf(w.delete().key()));
    }

    public BatchWriteItemResponse batchWrite(BatchWriteItemRequest r) {
        if (cache.enabled()) {
            r.requestItems().forEach((table, ws) -> {
                Schema t = schemas.of(table);
                for (WriteRequest w : ws) cache.invalidate(t, t.keyOf(w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key()));
            });
        }
        BatchWriteItemResponse resp = delegate.batchWriteItem(r);
        for (Map.Entry<String, List<WriteRequest>> e : r.requestItems().entrySet()) {
            List<WriteRequest> unprocessed = resp.hasUnprocessedItems() ? resp.unprocessedItems().getOrDefault(e.getKey(), List.of()) : List.of();
            for (WriteRequest w : e.getValue()) {
                if (unprocessed.contains(w)) continue;
                if (w.putRequest() != null) recordPut(e.getKey(), w.putRequest().item());
                else recordUnknownDelete(e.getKey(), w.deleteRequest().key());
            }
        }
        return resp;
    }

    private void recordPut(String table, Map<String, AttributeValue> item) {
        Schema t = schemas.of(table);
        cache.store(t, t.keyOf(item), item);
        long v = t.versionOf(item);
        if (v > 0) record(t, item, v);
        else mark(t, item);
    }

    private void recordUpdate(String table, Map<String, AttributeValue> key, Map<String, AttributeValue> newImage) {
        Schema t = schemas.of(table);
        if (!t.versioned()) {
            mark(t, key);
            return;
        }
        long v = t.versionOf(newImage);
        if (v == 0) v = readBackVersion(t, key);
        if (v > 0) record(t, key, v);
        else mark(t, key);
    }

    private void recordUnknownDelete(String table, Map<String, AttributeValue> key) {
        Schema t = schemas.of(table);
        if (t.versioned()) record(t, key, DELETED_UNKNOWN);
        else mark(t, key);
    }

    /** The item's version after a write that did not return it: one strong read of the version attribute. */
    private long readBackVersion(Schema t, Map<String, AttributeValue> key) {
        counters.readBack("UpdateItem");
        GetItemResponse got = delegate.getItem(GetItemRequest.builder().tableName(t.table()).key(key).consistentRead(true)
                .projectionExpression("#v").expressionAttributeNames(Map.of("#v", t.versionAttribute())).build());
        return got.hasItem() ? t.versionOf(got.item()) : 0;
    }

    /** A write whose version the session cannot compare: the key is read strongly from now on. */
    private void mark(Schema t, Map<String, AttributeValue> keyOrItem) {
        record(t, keyOrItem, SessionState.WRITTEN_MARKER);
    }

    private void record(Schema t, Map<String, AttributeValue> keyOrItem, long version) {
        SessionState s = sessions.current();
        s.wrote(t.table());
        Key key = t.keyOf(keyOrItem);
        if (key != null) s.observeVersion(t.table(), key, version);
    }
}
