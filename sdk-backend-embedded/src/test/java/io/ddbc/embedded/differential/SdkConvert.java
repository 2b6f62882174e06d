package io.ddbc.embedded.differential;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.ConditionCheck;
import io.ddbc.api.Consistency;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.Expressions;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PagedRequest;
import io.ddbc.api.PutRequest;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.UpdateRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest.Builder;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Converts ddbc values and requests to AWS SDK v2 ones (test only), so one generated request runs on both engines. */
final class SdkConvert {
    private SdkConvert() {
    }

    static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue v) {
        var b = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
        switch (v.type()) {
            case S: return b.s(v.s()).build();
            case N: return b.n(v.numberText()).build();
            case B: return b.b(SdkBytes.fromByteArray(v.b())).build();
            case BOOL: return b.bool(v.bool()).build();
            case NULL: return b.nul(true).build();
            case L: {
                List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> l = new ArrayList<>();
                for (AttributeValue e : v.l()) l.add(toSdk(e));
                return b.l(l).build();
            }
            case M: return b.m(toSdk(v.m())).build();
            case SS: return b.ss(new ArrayList<>(v.ss())).build();
            case NS: {
                List<String> ns = new ArrayList<>();
                for (AttributeValue e : v.setElements()) ns.add(e.numberText());
                return b.ns(ns).build();
            }
            default: {
                List<SdkBytes> bs = new ArrayList<>();
                for (byte[] e : v.bs()) bs.add(SdkBytes.fromByteArray(e));
                return b.bs(bs).build();
            }
        }
    }

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(Map<String, AttributeValue> m) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, toSdk(v)));
        return out;
    }

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(Item item) {
        return item == null ? null : toSdk(item.attributes());
    }

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(Key key) {
        return toSdk(key.asItem());
    }

    static AttributeValue fromSdk(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
        switch (v.type()) {
            case S: return AttributeValue.s(v.s());
            case N: return AttributeValue.n(v.n());
            case B: return AttributeValue.b(v.b().asByteArray());
            case BOOL: return AttributeValue.bool(v.bool());
            case NUL: return AttributeValue.nul();
            case L: {
                List<AttributeValue> l = new ArrayList<>();
                for (var e : v.l()) l.add(fromSdk(e));
                return AttributeValue.l(l);
            }
            case M: return AttributeValue.m(fromSdkMap(v.m()));
            case SS: return AttributeValue.ss(v.ss());
            case NS: return AttributeValue.ns(v.ns());
            case BS: {
                List<byte[]> bs = new ArrayList<>();
                for (SdkBytes e : v.bs()) bs.add(e.asByteArray());
                return AttributeValue.bs(bs);
            }
            default: throw new IllegalArgumentException("unknown SDK type " + v.type());
        }
    }

    static Map<String, AttributeValue> fromSdkMap(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> m) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, fromSdk(v)));
        return out;
    }

    /** An item from an SDK map; null for null or (as SDK responses say "absent") an empty map. */
    static Item item(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> m) {
        return m == null || m.isEmpty() ? null : Item.of(fromSdkMap(m));
    }

    private static Map<String, String> names(Expressions e) {
        return e.names().isEmpty() ? null : e.names();
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> values(Expressions e) {
        return e.values().isEmpty() ? null : toSdk(e.values());
    }

    private static Boolean consistent(Consistency c) {
        return c == Consistency.STRONG;
    }

    static GetItemRequest get(GetRequest r) {
        return GetItemRequest.builder().tableName(r.tableName()).key(toSdk(r.key())).consistentRead(consistent(r.consistency()))
                .projectionExpression(r.projection()).expressionAttributeNames(names(r.expressions()))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
    }

    private static ReturnValuesOnConditionCheckFailure onFailure(boolean returnItem) {
        return returnItem ? ReturnValuesOnConditionCheckFailure.ALL_OLD : ReturnValuesOnConditionCheckFailure.NONE;
    }

    static PutItemRequest put(PutRequest r) {
        return PutItemRequest.builder().tableName(r.tableName()).item(toSdk(r.item())).conditionExpression(r.condition())
                .expressionAttributeNames(names(r.expressions())).expressionAttributeValues(values(r.expressions()))
                .returnValues(r.returnValues().name()).returnValuesOnConditionCheckFailure(onFailure(r.returnItemOnConditionFailure()))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
    }

    static UpdateItemRequest update(UpdateRequest r) {
        return UpdateItemRequest.builder().tableName(r.tableName()).key(toSdk(r.key())).updateExpression(r.updateExpression())
                .conditionExpression(r.condition()).expressionAttributeNames(names(r.expressions()))
                .expressionAttributeValues(values(r.expressions())).returnValues(r.returnValues().name())
                .returnValuesOnConditionCheckFailure(onFailure(r.returnItemOnConditionFailure()))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
    }

    static DeleteItemRequest delete(DeleteRequest r) {
        return DeleteItemRequest.builder().tableName(r.tableName()).key(toSdk(r.key())).conditionExpression(r.condition())
                .expressionAttributeNames(names(r.expressions())).expressionAttributeValues(values(r.expressions()))
                .returnValues(r.returnValues().name()).returnValuesOnConditionCheckFailure(onFailure(r.returnItemOnConditionFailure()))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
    }

    static software.amazon.awssdk.services.dynamodb.model.QueryRequest query(QueryRequest r, Item startKey) {
        return software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().tableName(r.tableName()).indexName(r.indexName().orElse(null))
                .keyConditionExpression(r.keyCondition()).filterExpression(r.filter()).projectionExpression(r.projection())
                .expressionAttributeNames(names(r.expressions())).expressionAttributeValues(values(r.expressions()))
                .limit(r.limit()).select(r.select() == null ? null : r.select().name()).scanIndexForward(r.scanIndexForward())
                .consistentRead(consistent(r.consistency())).exclusiveStartKey(toSdk(startKey))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
    }

    static software.amazon.awssdk.services.dynamodb.model.ScanRequest scan(ScanRequest r, Item startKey) {
        return software.amazon.awssdk.services.dynamodb.model.ScanRequest.builder().tableName(r.tableName()).indexName(r.indexName().orElse(null))
                .filterExpression(r.filter()).projectionExpression(r.projection())
                .expressionAttributeNames(names(r.expressions())).expressionAttributeValues(values(r.expressions()))
                .limit(r.limit()).select(r.select() == null ? null : r.select().name()).segment(r.segment()).totalSegments(r.totalSegments())
                .consistentRead(consistent(r.consistency())).exclusiveStartKey(toSdk(startKey))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
    }

    static BatchGetItemRequest batchGet(BatchGetRequest r) {
        Map<String, KeysAndAttributes> items = new LinkedHashMap<>();
        r.tables().forEach((t, tk) -> {
            List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> keys = new ArrayList<>();
            for (Key k : tk.keys()) keys.add(toSdk(k));
            items.put(t, KeysAndAttributes.builder().keys(keys).consistentRead(consistent(tk.consistency()))
                    .projectionExpression(tk.projection()).expressionAttributeNames(names(tk.expressions())).build());
        });
        return BatchGetItemRequest.builder().requestItems(items).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
    }

    static BatchWriteItemRequest batchWrite(BatchWriteRequest r) {
        Map<String, List<WriteRequest>> items = new LinkedHashMap<>();
        r.writes().forEach((t, writes) -> {
            List<WriteRequest> l = new ArrayList<>();
            for (BatchWriteRequest.Write w : writes) {
                l.add(w.isPut() ? WriteRequest.builder().putRequest(p -> p.item(toSdk(w.item()))).build()
                        : WriteRequest.builder().deleteRequest((Builder d) -> d.key(toSdk(w.key()))).build());
            }
            items.put(t, l);
        });
        return BatchWriteItemRequest.builder().requestItems(items).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
    }

    static TransactWriteItemsRequest transactWrite(TransactWriteRequest r) {
        List<TransactWriteItem> items = new ArrayList<>();
        for (TransactWriteRequest.Action a : r.actions()) {
            TransactWriteItem.Builder b = TransactWriteItem.builder();
            if (a.check() != null) {
                ConditionCheck c = a.check();
                b.conditionCheck(cc -> cc.tableName(c.tableName()).key(toSdk(c.key())).conditionExpression(c.condition())
                        .expressionAttributeNames(names(c.expressions())).expressionAttributeValues(values(c.expressions()))
                        .returnValuesOnConditionCheckFailure(onFailure(c.returnItemOnConditionFailure())));
            } else if (a.write() instanceof PutRequest p) {
                b.put(Put.builder().tableName(p.tableName()).item(toSdk(p.item())).conditionExpression(p.condition())
                        .expressionAttributeNames(names(p.expressions())).expressionAttributeValues(values(p.expressions()))
                        .returnValuesOnConditionCheckFailure(onFailure(p.returnItemOnConditionFailure())).build());
            } else if (a.write() instanceof UpdateRequest u) {
                b.update(Update.builder().tableName(u.tableName()).key(toSdk(u.key())).updateExpression(u.updateExpression())
                        .conditionExpression(u.condition()).expressionAttributeNames(names(u.expressions()))
                        .expressionAttributeValues(values(u.expressions()))
                        .returnValuesOnConditionCheckFailure(onFailure(u.returnItemOnConditionFailure())).build());
            } else {
                DeleteRequest d = (DeleteRequest) a.write();
                b.delete(Delete.builder().tableName(d.tableName()).key(toSdk(d.key())).conditionExpression(d.condition())
                        .expressionAttributeNames(names(d.expressions())).expressionAttributeValues(values(d.expressions()))
                        .returnValuesOnConditionCheckFailure(onFailure(d.returnItemOnConditionFailure())).build());
            }
            items.add(b.build());
        }
        return TransactWriteItemsRequest.builder().transactItems(items).clientRequestToken(r.clientToken().orElse(null))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
    }

    static TransactGetItemsRequest transactGet(TransactGetRequest r) {
        List<TransactGetItem> items = new ArrayList<>();
        for (TransactGetRequest.Get g : r.gets()) {
            items.add(TransactGetItem.builder().get(Get.builder().tableName(g.tableName()).key(toSdk(g.key()))
                    .projectionExpression(g.projection()).expressionAttributeNames(names(g.expressions())).build()).build());
        }
        return TransactGetItemsRequest.builder().transactItems(items).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
    }

    static boolean isPaged(Object o) {
        return o instanceof PagedRequest;
    }
}
