package io.ddbc.wrapper.internal;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.ConditionCheck;
import io.ddbc.api.Consistency;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.Expressions;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.Select;
import io.ddbc.api.TableSpec;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import io.ddbc.aws.internal.ModelConverter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * SDK requests as ddbc requests, for {@code EmbeddedDynamoDbClient}: the inverse of the aws module's
 * {@code RequestMapper}, with its {@code ModelConverter} for values. The legacy parameters (AttributesToGet,
 * KeyConditions, QueryFilter, Expected, ...) are refused with a ValidationException naming them. Stateless
 * apart from the table-spec lookup it is given; thread-safe.
 */
public final class FacadeRequests {
    private final Function<String, TableSpec> specs;

    public FacadeRequests(Function<String, TableSpec> specs) {
        this.specs = specs;
    }

    public io.ddbc.api.GetRequest get(GetItemRequest r) {
        legacy("GetItem", r.hasAttributesToGet(), "AttributesToGet");
        return io.ddbc.api.GetRequest.builder(r.tableName(), key(r.tableName(), r.key())).consistency(consistency(r.consistentRead()))
                .projection(expression("ProjectionExpression", r.projectionExpression())).expressions(expressions(r.expressionAttributeNames(), Map.of())).build();
    }

    public PutRequest put(PutItemRequest r) {
        legacy("PutItem", r.hasExpected(), "Expected");
        io.ddbc.api.Item item = io.ddbc.api.Item.of(values(r.item()));
        return PutRequest.builder(r.tableName(), item).key(specs.apply(r.tableName()).keyOf(item)).condition(expression("ConditionExpression", r.conditionExpression()))
                .expressions(expressions(r.expressionAttributeNames(), r.expressionAttributeValues()))
                .returnValues(returnValues(r.returnValues())).returnItemOnConditionFailure(allOld(r.returnValuesOnConditionCheckFailure()))
                .build();
    }

    public UpdateRequest update(UpdateItemRequest r) {
        legacy("UpdateItem", r.hasAttributeUpdates() || r.hasExpected(), "AttributeUpdates/Expected");
        return UpdateRequest.builder(r.tableName(), key(r.tableName(), r.key())).expression(expression("UpdateExpression", r.updateExpression()))
                .condition(expression("ConditionExpression", r.conditionExpression())).expressions(expressions(r.expressionAttributeNames(), r.expressionAttributeValues()))
                .returnValues(returnValues(r.returnValues())).returnItemOnConditionFailure(allOld(r.returnValuesOnConditionCheckFailure()))
                .build();
    }

    public DeleteRequest delete(DeleteItemRequest r) {
        legacy("DeleteItem", r.hasExpected(), "Expected");
        return DeleteRequest.builder(r.tableName(), key(r.tableName(), r.key())).condition(expression("ConditionExpression", r.conditionExpression()))
                .expressions(expressions(r.expressionAttributeNames(), r.expressionAttributeValues()))
                .returnValues(returnValues(r.returnValues())).returnItemOnConditionFailure(allOld(r.returnValuesOnConditionCheckFailure()))
                .build();
    }

    public QueryRequest query(software.amazon.awssdk.services.dynamodb.model.QueryRequest r) {
        legacy("Query", r.hasKeyConditions() || r.hasQueryFilter() || r.hasAttributesToGet(), "KeyConditions/QueryFilter/AttributesToGet");
        QueryRequest.Builder b = QueryRequest.builder(r.tableName()).keyCondition(expression("KeyConditionExpression", r.keyConditionExpression()))
                .consistency(consistency(r.consistentRead())).filter(expression("FilterExpression", r.filterExpression())).projection(expression("ProjectionExpression", r.projectionExpression()))
                .expressions(expressions(r.expressionAttributeNames(), r.expressionAttributeValues()));
        if (r.indexName() != null) b.index(r.indexName());
        if (r.scanIndexForward() != null) b.scanIndexForward(r.scanIndexForward());
        if (r.limit() != null) b.limit(r.limit());
        if (r.select() != null) b.select(Select.valueOf(r.selectAsString()));
        if (r.hasExclusiveStartKey()) b.exclusiveStartKey(io.ddbc.api.Item.of(values(r.exclusiveStartKey())));
        return b.build();
    }

    public ScanRequest scan(software.amazon.awssdk.services.dynamodb.model.ScanRequest r) {
        legacy("Scan", r.hasScanFilter() || r.hasAttributesToGet(), "ScanFilter/AttributesToGet");
        ScanRequest.Builder b = ScanRequest.builder(r.tableName()).consistency(consistency(r.consistentRead()))
                .filter(expression("FilterExpression", r.filterExpression())).projection(expression("ProjectionExpression", r.projectionExpression()))
                .expressions(expressions(r.expressionAttributeNames(), r.expressionAttributeValues()));
        if (r.indexName() != null) b.index(r.indexName());
        if (r.limit() != null) b.limit(r.limit());
        if (r.select() != null) b.select(Select.valueOf(r.selectAsString()));
        // DynamoDB refuses one of Segment/TotalSegments without the other (with DynamoDB Local's text).
        if (r.segment() != null && r.totalSegments() == null) {
            throw new ValidationException("If segment is specified, total segment must also be specified");
        }
        if (r.segment() == null && r.totalSegments() != null) {
            throw new ValidationException("If total segments is specified, a particular segment must also be specified for this request");
        }
        if (r.segment() != null) b.segment(r.segment(), r.totalSegments());
        if (r.hasExclusiveStartKey()) b.exclusiveStartKey(io.ddbc.api.Item.of(values(r.exclusiveStartKey())));
        return b.build();
    }

    public BatchGetRequest batchGet(BatchGetItemRequest r) {
        Map<String, BatchGetRequest.TableKeys> tables = new LinkedHashMap<>();
        for (Map.Entry<String, KeysAndAttributes> e : r.requestItems().entrySet()) {
            KeysAndAttributes ka = e.getValue();
            legacy("BatchGetItem", ka.hasAttributesToGet(), "AttributesToGet");
            List<Key> keys = new ArrayList<>();
            for (var k : ka.keys()) keys.add(key(e.getKey(), k));
            tables.put(e.getKey(), new BatchGetRequest.TableKeys(keys, consistency(ka.consistentRead()), expression("ProjectionExpression", ka.projectionExpression()),
                    expressions(ka.expressionAttributeNames(), Map.of())));
        }
        return BatchGetRequest.of(tables);
    }

    public BatchWriteRequest batchWrite(BatchWriteItemRequest r) {
        Map<String, List<BatchWriteRequest.Write>> writes = new LinkedHashMap<>();
        for (Map.Entry<String, List<WriteRequest>> e : r.requestItems().entrySet()) {
            List<BatchWriteRequest.Write> list = new ArrayList<>();
            for (WriteRequest w : e.getValue()) {
                list.add(w.putRequest() != null ? BatchWriteRequest.Write.put(io.ddbc.api.Item.of(values(w.putRequest().item())))
                        : BatchWriteRequest.Write.delete(key(e.getKey(), w.deleteRequest().key())));
            }
            writes.put(e.getKey(), list);
        }
        return BatchWriteRequest.of(writes);
    }

    public TransactWriteRequest transactWrite(TransactWriteItemsRequest r) {
        TransactWriteRequest.Builder b = TransactWriteRequest.builder();
        for (TransactWriteItem w : r.transactItems()) {
            if (w.put() != null) {
                var p = w.put();
                io.ddbc.api.Item item = io.ddbc.api.Item.of(values(p.item()));
                b.put(PutRequest.builder(p.tableName(), item).key(specs.apply(p.tableName()).keyOf(item)).condition(expression("ConditionExpression", p.conditionExpression()))
                        .expressions(expressions(p.expressionAttributeNames(), p.expressionAttributeValues()))
                        .returnItemOnConditionFailure(allOld(p.returnValuesOnConditionCheckFailure())).build());
            } else if (w.update() != null) {
                var u = w.update();
                b.update(UpdateRequest.builder(u.tableName(), key(u.tableName(), u.key())).expression(expression("UpdateExpression", u.updateExpression()))
                        .condition(expression("ConditionExpression", u.conditionExpression())).expressions(expressions(u.expressionAttributeNames(), u.expressionAttributeValues()))
                        .returnItemOnConditionFailure(allOld(u.returnValuesOnConditionCheckFailure())).build());
            } else if (w.delete() != null) {
                var d = w.delete();
                b.delete(DeleteRequest.builder(d.tableName(), key(d.tableName(), d.key())).condition(expression("ConditionExpression", d.conditionExpression()))
                        .expressions(expressions(d.expressionAttributeNames(), d.expressionAttributeValues()))
                        .returnItemOnConditionFailure(allOld(d.returnValuesOnConditionCheckFailure())).build());
            } else if (w.conditionCheck() != null) {
                var c = w.conditionCheck();
                // DynamoDB returns the checked item in the cancellation reason only when ALL_OLD was asked for.
                b.conditionCheck(new ConditionCheck(c.tableName(), key(c.tableName(), c.key()), expression("ConditionExpression", c.conditionExpression()),
                        expressions(c.expressionAttributeNames(), c.expressionAttributeValues()), null,
                        allOld(c.returnValuesOnConditionCheckFailure())));
            } else {
                throw new ValidationException("TransactWriteItems: a TransactWriteItem must have exactly one of Put, Update, Delete, ConditionCheck");
            }
        }
        if (r.clientRequestToken() != null) b.clientToken(r.clientRequestToken());
        return b.build();
    }

    public TransactGetRequest transactGet(TransactGetItemsRequest r) {
        TransactGetRequest.Builder b = TransactGetRequest.builder();
        for (TransactGetItem g : r.transactItems()) {
            var get = g.get();
            b.get(new TransactGetRequest.Get(get.tableName(), key(get.tableName(), get.key()), expression("ProjectionExpression", get.projectionExpression()),
                    expressions(get.expressionAttributeNames(), Map.of())));
        }
        return b.build();
    }

    /** An SDK key as a ddbc key, by the table's key schema, with DynamoDB's message when it does not match. */
    public Key key(String table, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key) {
        TableSpec spec = specs.apply(table);
        String pk = spec.partitionKey().name();
        String sk = spec.sortKey().map(s -> s.name()).orElse(null);
        int expected = sk == null ? 1 : 2;
        if (key == null || key.size() != expected) {
            // DynamoDB's text when a key has more or fewer attributes than the key schema.
            throw new ValidationException("The number of conditions on the keys is invalid (table '" + table + "', key " + key + ")");
        }
        if (!key.containsKey(pk) || (sk != null && !key.containsKey(sk))) {
            throw new ValidationException("The provided key element does not match the schema (table '" + table + "', key " + key + ")");
        }
        AttributeValue p = ModelConverter.fromSdk(key.get(pk));
        return sk == null ? Key.of(pk, p) : Key.of(pk, p, sk, ModelConverter.fromSdk(key.get(sk)));
    }

    private static Map<String, AttributeValue> values(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> sdk) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        sdk.forEach((k, v) -> out.put(k, ModelConverter.fromSdk(v)));
        return out;
    }

    private static Expressions expressions(Map<String, String> names, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> values) {
        if (names.isEmpty() && values.isEmpty()) return Expressions.NONE;
        return new Expressions(names, values(values));
    }

    private static Consistency consistency(Boolean consistentRead) {
        return Boolean.TRUE.equals(consistentRead) ? Consistency.STRONG : Consistency.EVENTUAL;
    }

    private static ReturnValues returnValues(ReturnValue rv) {
        if (rv == null) return ReturnValues.NONE;
        if (rv == ReturnValue.UNKNOWN_TO_SDK_VERSION) throw new ValidationException("Unknown ReturnValues value");
        return ReturnValues.valueOf(rv.toString());
    }

    private static boolean allOld(ReturnValuesOnConditionCheckFailure v) {
        return v == ReturnValuesOnConditionCheckFailure.ALL_OLD;
    }

    /**
     * An expression as given, refused as DynamoDB refuses it when it is present but empty (the ddbc API reads a
     * blank expression as none, which would let an SDK request DynamoDB rejects through).
     */
    private static String expression(String parameter, String text) {
        if (text != null && text.isBlank()) {
            throw new ValidationException("Invalid " + parameter + ": The expression can not be empty;");
        }
        return text;
    }

    private static void legacy(String operation, boolean present, String parameter) {
        if (present) {
            throw new ValidationException(operation + ": the legacy parameter " + parameter
                    + " is not supported by the embedded facade; use the expression parameters instead");
        }
    }
}
