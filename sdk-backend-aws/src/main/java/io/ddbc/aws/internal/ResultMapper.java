package io.ddbc.aws.internal;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Page;
import io.ddbc.api.Positions;
import io.ddbc.api.ServedBy;
import io.ddbc.aws.internal.CapacityConverter.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Builds ddbc results from the SDK responses that need more than one conversion: pages and the
 * unprocessed parts of batches (mapped back to ddbc keys and writes with the request's key names, so
 * the core can resend them as they were). Stateless; thread-safe.
 */
public final class ResultMapper {
    private ResultMapper() {
    }

    /** One query or scan page. */
    public static Page page(List<Map<String, AttributeValue>> items, Integer count, Integer scannedCount,
                            Map<String, AttributeValue> lastEvaluatedKey, ConsumedCapacity capacity) {
        return new Page(ModelConverter.items(items), count == null ? 0 : count, scannedCount == null ? 0 : scannedCount,
                Optional.ofNullable(ModelConverter.itemOrNull(lastEvaluatedKey)), CapacityConverter.convert(capacity, Kind.READ),
                ServedBy.BACKEND, Positions.NONE);
    }

    /** A BatchGetItem result; unprocessed keys keep their table's consistency and projection. */
    public static BatchGetResult batchGet(BatchGetRequest request, BatchGetItemResponse resp) {
        Map<String, List<Item>> items = new LinkedHashMap<>();
        resp.responses().forEach((table, list) -> items.put(table, ModelConverter.items(list)));
        Map<String, BatchGetRequest.TableKeys> unprocessed = new LinkedHashMap<>();
        for (Map.Entry<String, KeysAndAttributes> e : resp.unprocessedKeys().entrySet()) {
            BatchGetRequest.TableKeys asked = request.tables().get(e.getKey());
            if (asked == null || !e.getValue().hasKeys() || e.getValue().keys().isEmpty()) continue;
            Key shape = asked.keys().get(0);
            List<Key> keys = new ArrayList<>(e.getValue().keys().size());
            for (Map<String, AttributeValue> k : e.getValue().keys()) keys.add(key(shape, k));
            unprocessed.put(e.getKey(), asked.withKeys(keys));
        }
        return new BatchGetResult(items, unprocessed, CapacityConverter.convert(resp.consumedCapacity(), Kind.READ), Positions.NONE);
    }

    /** A BatchWriteItem result with its unprocessed writes. */
    public static BatchWriteResult batchWrite(BatchWriteRequest request, BatchWriteItemResponse resp) {
        Map<String, List<BatchWriteRequest.Write>> unprocessed = new LinkedHashMap<>();
        for (Map.Entry<String, List<WriteRequest>> e : resp.unprocessedItems().entrySet()) {
            Key shape = deleteKeyShape(request.writes().getOrDefault(e.getKey(), List.of()));
            List<BatchWriteRequest.Write> writes = new ArrayList<>(e.getValue().size());
            for (WriteRequest w : e.getValue()) {
                writes.add(w.putRequest() != null
                        ? BatchWriteRequest.Write.put(ModelConverter.itemOrNull(w.putRequest().item()))
                        : BatchWriteRequest.Write.delete(key(shape, w.deleteRequest().key())));
            }
            if (!writes.isEmpty()) unprocessed.put(e.getKey(), writes);
        }
        return new BatchWriteResult(unprocessed, CapacityConverter.convert(resp.consumedCapacity(), Kind.WRITE), Positions.NONE);
    }

    /** The key of one of the request's deletes, for its attribute names; null if the table had none. */
    private static Key deleteKeyShape(List<BatchWriteRequest.Write> writes) {
        for (BatchWriteRequest.Write w : writes) if (!w.isPut()) return w.key();
        return null;
    }

    /** An SDK key as a ddbc key whose partition and sort attribute names are those of {@code shape}. */
    static Key key(Key shape, Map<String, AttributeValue> sdkKey) {
        if (shape == null) {
            throw new io.ddbc.api.DdbcException("DynamoDB returned an unprocessed delete the request did not contain: " + sdkKey);
        }
        io.ddbc.api.AttributeValue partition = ModelConverter.fromSdk(sdkKey.get(shape.partitionName()));
        if (!shape.hasSortKey()) return Key.of(shape.partitionName(), partition);
        String sort = shape.sortName().orElseThrow();
        return Key.of(shape.partitionName(), partition, sort, ModelConverter.fromSdk(sdkKey.get(sort)));
    }
}
