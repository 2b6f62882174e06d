package io.ddbc.aws.internal;

import static io.ddbc.aws.internal.ModelConverter.toSdk;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.ConditionCheck;
import io.ddbc.api.ConditionalWriteRequest;
import io.ddbc.api.Consistency;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.Expressions;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Key;
import io.ddbc.api.PagedRequest;
import io.ddbc.api.PutRequest;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Builds the SDK request for each ddbc request, always with {@code ReturnConsumedCapacity=INDEXES}.
 * Placeholder maps are sent only when non-empty (DynamoDB rejects empty ones). Stateless; thread-safe.
 */
public final class RequestMapper {
    private static final ReturnConsumedCapacity CAPACITY = ReturnConsumedCapacity.INDEXES;

    private RequestMapper() {
    }

    /** GetItem. */
    public static GetItemRequest get(GetRequest r) {
        return GetItemRequest.builder().tableName(r.tableName()).key(toSdk(r.key()))
                .consistentRead(consistentRead(r.consistency(), r.tableName()))
                .projectionExpression(r.projection()).expressionAttributeNames(names(r.expressions()))
                .returnConsumedCapacity(CAPACITY).build();
    }

    /**
     * PutItem. DynamoDB's PutItem returns only NONE or ALL_OLD and rejects the others, as the embedded engine
     * does: the backend sends what it is asked (ddbc's client answers a put's ALL_NEW itself, without asking).
     */
    public static PutItemRequest put(PutRequest r) {
        return PutItemRequest.builder().tableName(r.tableName()).item(toSdk(r.item()))
                .conditionExpression(r.condition()).expressionAttributeNames(names(r.expressions()))
                .expressionAttributeValues(values(r.expressions())).returnValues(sentReturnValues(r))
                .returnValuesOnConditionCheckFailure(onConditionFailure(r.returnItemOnConditionFailure()))
                .returnConsumedCapacity(CAPACITY).build();
    }

    /** UpdateItem. */
    public static UpdateItemRequest update(UpdateRequest r) {
        return UpdateItemRequest.builder().tableName(r.tableName()).key(toSdk(r.key())).updateExpression(r.updateExpression())
                .conditionExpression(r.condition()).expressionAttributeNames(names(r.expressions()))
                .expressionAttributeValues(values(r.expressions())).returnValues(sentReturnValues(r))
                .returnValuesOnConditionCheckFailure(onConditionFailure(r.returnItemOnConditionFailure()))
                .returnConsumedCapacity(CAPACITY).build();
    }

    /** DeleteItem. */
    public static DeleteItemRequest delete(DeleteRequest r) {
        return DeleteItemRequest.builder().tableName(r.tableName()).key(toSdk(r.key()))
                .conditionExpression(r.condition()).expressionAttributeNames(names(r.expressions()))
                .expressionAttributeValues(values(r.expressions())).returnValues(sentReturnValues(r))
                .returnValuesOnConditionCheckFailure(onConditionFailure(r.returnItemOnConditionFailure()))
                .returnConsumedCapacity(CAPACITY).build();
    }

    /** The ReturnValues sent, null for NONE (DynamoDB's default). */
    public static ReturnValue sentReturnValues(ConditionalWriteRequest r) {
        ReturnValues v = r.returnValues();
        if (v == ReturnValues.NONE) return null;
        return ReturnValue.fromValue(v.name());
    }

    /** Query, one page. */
    public static software.amazon.awssdk.services.dynamodb.model.QueryRequest query(QueryRequest r) {
        software.amazon.awssdk.services.dynamodb.model.QueryRequest.Builder b = software.amazon.awssdk.services.dynamodb.model.QueryRequest
                .builder().keyConditionExpression(r.keyCondition());
        if (!r.scanIndexForward()) b.scanIndexForward(false);
        paged(r, b::tableName, b::indexName, b::consistentRead, b::filterExpression, b::projectionExpression,
                b::expressionAttributeNames, b::expressionAttributeValues, b::limit, b::select, b::exclusiveStartKey);
        return b.returnConsumedCapacity(CAPACITY).build();
    }

    /** Scan, one page (one segment of a parallel scan). */
    public static software.amazon.awssdk.services.dynamodb.model.ScanRequest scan(ScanRequest r) {
        software.amazon.awssdk.services.dynamodb.model.ScanRequest.Builder b = software.amazon.awssdk.services.dynamodb.model.ScanRequest
                .builder().segment(r.segment()).totalSegments(r.totalSegments());
        paged(r, b::tableName, b::indexName, b::consistentRead, b::filterExpression, b::projectionExpression,
                b::expressionAttributeNames, b::expressionAttributeValues, b::limit, b::select, b::exclusiveStartKey);
        return b.returnConsumedCapacity(CAPACITY).build();
    }

    /** A builder setter (the SDK's query and scan builders share no interface). */
    private interface Setter<T> {
        Object set(T value);
    }

    /** Sets what query and scan share, on either builder. */
    private static void paged(PagedRequest<?> r, Setter<String> table, Setter<String> index, Setter<Boolean> consistent,
                              Setter<String> filter, Setter<String> projection, Setter<Map<String, String>> names,
                              Setter<Map<String, AttributeValue>> values, Setter<Integer> limit, Setter<Select> select,
                              Setter<Map<String, AttributeValue>> startKey) {
        table.set(r.tableName());
        index.set(r.indexName().orElse(null));
        consistent.set(consistentRead(r.consistency(), r.tableName()));
        filter.set(r.filter());
        projection.set(r.projection());
        names.set(names(r.expressions()));
        values.set(values(r.expressions()));
        limit.set(r.limit());
        select.set(r.select() == null ? null : Select.fromValue(r.select().name()));
        startKey.set(r.exclusiveStartKey() == null ? null : toSdk(r.exclusiveStartKey()));
    }

    /** BatchGetItem; per table its own consistency and projection. */
    public static BatchGetItemRequest batchGet(BatchGetRequest r) {
        Map<String, KeysAndAttributes> tables = new LinkedHashMap<>();
        r.tables().forEach((table, t) -> {
            List<Map<String, AttributeValue>> keys = new ArrayList<>(t.keys().size());
            for (Key k : t.keys()) keys.add(toSdk(k));
            tables.put(table, KeysAndAttributes.builder().keys(keys).consistentRead(consistentRead(t.consistency(), table))
                    .projectionExpression(t.projection()).expressionAttributeNames(names(t.expressions())).build());
        });
        return BatchGetItemRequest.builder().requestItems(tables).returnConsumedCapacity(CAPACITY).build();
    }

    /** BatchWriteItem. */
    public static BatchWriteItemRequest batchWrite(BatchWriteRequest r) {
        Map<String, List<WriteRequest>> tables = new LinkedHashMap<>();
        r.writes().forEach((table, writes) -> {
            List<WriteRequest> out = new ArrayList<>(writes.size());
            for (BatchWriteRequest.Write w : writes) {
                out.add(w.isPut()
                        ? WriteRequest.builder().putRequest(p -> p.item(toSdk(w.item()))).build()
                        : WriteRequest.builder().deleteRequest(d -> d.key(toSdk(w.key()))).build());
            }
            tables.put(table, out);
        });
        return BatchWriteItemRequest.builder().requestItems(tables).returnConsumedCapacity(CAPACITY).build();
    }

    /** TransactGetItems. */
    public static TransactGetItemsRequest transactGet(TransactGetRequest r) {
        List<TransactGetItem> items = new ArrayList<>(r.gets().size());
        for (TransactGetRequest.Get g : r.gets()) {
            items.add(TransactGetItem.builder().get(Get.builder().tableName(g.tableName()).key(toSdk(g.key()))
                    .projectionExpression(g.projection()).expressionAttributeNames(names(g.expressions())).build()).build());
        }
        return TransactGetItemsRequest.builder().transactItems(items).returnConsumedCapacity(CAPACITY).build();
    }

    /**
     * TransactWriteItems with the client request token.
     *
     * @throws ValidationException if an action asks for return values (DynamoDB transactions return
     *     none) or a condition check has no condition expression
     */
    public static TransactWriteItemsRequest transactWrite(TransactWriteRequest r) {
        List<TransactWriteItem> items = new ArrayList<>(r.actions().size());
        for (int i = 0; i < r.actions().size(); i++) items.add(action(r.actions().get(i), i));
        return TransactWriteItemsRequest.builder().transactItems(items).clientRequestToken(r.clientToken().orElse(null))
                .returnConsumedCapacity(CAPACITY).build();
    }

    private static TransactWriteItem action(TransactWriteRequest.Action a, int index) {
        if (a.check() != null) return TransactWriteItem.builder().conditionCheck(conditionCheck(a.check(), index)).build();
        ConditionalWriteRequest w = a.write();
        if (w.returnValues() != ReturnValues.NONE) {
            throw new ValidationException("TransactWriteItems action " + index + " (" + w.operation() + " on table '" + w.tableName()
                    + "') asks for ReturnValues " + w.returnValues() + "; transactional writes return no item images");
        }
        String condition = w.condition();
        Map<String, String> names = names(w.expressions());
        Map<String, AttributeValue> values = values(w.expressions());
        ReturnValuesOnConditionCheckFailure onFailure = onConditionFailure(w.returnItemOnConditionFailure());
        if (w instanceof PutRequest p) {
            return TransactWriteItem.builder().put(Put.builder().tableName(p.tableName()).item(toSdk(p.item()))
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(onFailure).build()).build();
        }
        if (w instanceof UpdateRequest u) {
            return TransactWriteItem.builder().update(software.amazon.awssdk.services.dynamodb.model.Update.builder()
                    .tableName(u.tableName()).key(toSdk(u.key())).updateExpression(u.updateExpression())
                    .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(onFailure).build()).build();
        }
        DeleteRequest d = (DeleteRequest) w;
        return TransactWriteItem.builder().delete(software.amazon.awssdk.services.dynamodb.model.Delete.builder()
                .tableName(d.tableName()).key(toSdk(d.key()))
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(onFailure).build()).build();
    }

    private static software.amazon.awssdk.services.dynamodb.model.ConditionCheck conditionCheck(ConditionCheck c, int index) {
        if (c.condition() == null) {
            throw new ValidationException("TransactWriteItems action " + index + " (ConditionCheck on table '" + c.tableName()
                    + "', key " + c.key() + ") has no condition expression; expected versions are turned into conditions by the client core");
        }
        return software.amazon.awssdk.services.dynamodb.model.ConditionCheck.builder().tableName(c.tableName()).key(toSdk(c.key()))
                .conditionExpression(c.condition()).expressionAttributeNames(names(c.expressions()))
                .expressionAttributeValues(values(c.expressions()))
                .returnValuesOnConditionCheckFailure(onConditionFailure(c.returnItemOnConditionFailure())).build();
    }

    // ------------------------------------------------------------------------------------ parts

    /**
     * DynamoDB's ConsistentRead for a backend-level consistency: null (DynamoDB's default, eventual)
     * or true.
     *
     * @throws ValidationException for SESSION or BOUNDED, which the client core resolves before a backend
     */
    public static Boolean consistentRead(Consistency c, String table) {
        if (c == null || c.level() == Consistency.Level.EVENTUAL) return null;
        if (c.level() == Consistency.Level.STRONG) return Boolean.TRUE;
        throw new ValidationException("The aws backend reads only EVENTUAL or STRONG; " + c + " on table '" + table
                + "' must be resolved by the client core");
    }

    private static ReturnValuesOnConditionCheckFailure onConditionFailure(boolean returnItem) {
        return returnItem ? ReturnValuesOnConditionCheckFailure.ALL_OLD : null;
    }

    /** The #name placeholders, or null when there are none (an empty map is rejected by DynamoDB). */
    static Map<String, String> names(Expressions e) {
        return e.names().isEmpty() ? null : e.names();
    }

    /** The :value placeholders as SDK values, or null when there are none. */
    static Map<String, AttributeValue> values(Expressions e) {
        return e.values().isEmpty() ? null : toSdk(e.values());
    }
}
