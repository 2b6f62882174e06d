package io.ddbc.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.ConditionCheck;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcException;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Page;
import io.ddbc.api.Positions;
import io.ddbc.api.PutRequest;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.Select;
import io.ddbc.api.ServedBy;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import io.ddbc.api.WriteResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** What each Backend call sends to a mocked DynamoDbClient, and how the response comes back. */
class AwsBackendRequestMappingTest {
    private static final String T = "orders";
    private static final Key KEY = Key.of("customer", "alice", "no", 7);

    private final DynamoDbClient client = mock(DynamoDbClient.class);
    private final AwsBackend backend = AwsBackend.wrap(client, "aws:test");

    private static Map<String, AttributeValue> sdkKey(String customer, int no) {
        return Map.of("customer", AttributeValue.fromS(customer), "no", AttributeValue.fromN(Integer.toString(no)));
    }

    @Test
    void strongGetWithProjection() {
        ArgumentCaptor<GetItemRequest> sent = ArgumentCaptor.forClass(GetItemRequest.class);
        when(client.getItem(sent.capture())).thenReturn(GetItemResponse.builder().item(sdkKey("alice", 7))
                .consumedCapacity(ConsumedCapacity.builder().tableName(T).capacityUnits(1.0).table(Capacity.builder().capacityUnits(1.0).build())
                        .build()).build());
        GetResult r = backend.get(GetRequest.builder(T, KEY).consistency(Consistency.STRONG).projection("#c, no").name("#c", "customer").build());
        GetItemRequest q = sent.getValue();
        assertEquals(Boolean.TRUE, q.consistentRead());
        assertEquals(ReturnConsumedCapacity.INDEXES, q.returnConsumedCapacity());
        assertEquals(sdkKey("alice", 7), q.key());
        assertEquals("#c, no", q.projectionExpression());
        assertEquals(Map.of("#c", "customer"), q.expressionAttributeNames());
        assertEquals(KEY.asItem(), r.item().orElseThrow());
        assertEquals(1.0, r.consumedCapacity().table(T).read());
        assertEquals(0.0, r.consumedCapacity().writeUnits());
        assertEquals(ServedBy.BACKEND, r.servedBy());
        assertEquals(Positions.NONE, r.positions());
    }

    @Test
    void eventualGetSendsDynamoDbsDefaultAndNoEmptyMaps() {
        ArgumentCaptor<GetItemRequest> sent = ArgumentCaptor.forClass(GetItemRequest.class);
        when(client.getItem(sent.capture())).thenReturn(GetItemResponse.builder().build());
        GetResult r = backend.get(GetRequest.builder(T, KEY).consistency(Consistency.EVENTUAL).build());
        assertNull(sent.getValue().consistentRead());
        assertFalse(sent.getValue().hasExpressionAttributeNames());
        assertTrue(r.item().isEmpty());
    }

    @Test
    void sessionConsistencyNeverReachesDynamoDb() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> backend.get(GetRequest.builder(T, KEY).consistency(Consistency.SESSION).build()));
        assertTrue(e.getMessage().contains("'orders'"), e.getMessage());
        verifyNoInteractions(client);
    }

    @Test
    void conditionalPutAsksForTheOldItemOnFailure() {
        ArgumentCaptor<PutItemRequest> sent = ArgumentCaptor.forClass(PutItemRequest.class);
        when(client.putItem(sent.capture())).thenReturn(PutItemResponse.builder().build());
        Item item = KEY.asItem().toBuilder().put("total", 12).build();
        WriteResult r = backend.put(PutRequest.builder(T, item).condition("attribute_not_exists(#c)").name("#c", "customer")
                .returnValues(ReturnValues.ALL_NEW).build());
        PutItemRequest q = sent.getValue();
        assertEquals(ReturnValuesOnConditionCheckFailure.ALL_OLD, q.returnValuesOnConditionCheckFailure());
        // Sent as asked: DynamoDB rejects a put's ALL_NEW, as the embedded engine does (issue 18; this test
        // asserted that nothing was asked and the item written came back).
        assertEquals(ReturnValue.ALL_NEW, q.returnValues());
        assertFalse(q.hasExpressionAttributeValues());
        assertEquals("12", q.item().get("total").n());
        assertTrue(r.attributes().isEmpty(), "the backend returns what DynamoDB returned");
    }

    @Test
    void updateSendsReturnValuesAndWithoutOldItemWhenNotWanted() {
        ArgumentCaptor<UpdateItemRequest> sent = ArgumentCaptor.forClass(UpdateItemRequest.class);
        when(client.updateItem(sent.capture())).thenReturn(UpdateItemResponse.builder().attributes(Map.of("total", AttributeValue.fromN("13")))
                .consumedCapacity(ConsumedCapacity.builder().tableName(T).capacityUnits(3.0).table(Capacity.builder().capacityUnits(1.0).build())
                        .globalSecondaryIndexes(Map.of("by_total", Capacity.builder().capacityUnits(2.0).build())).build()).build());
        WriteResult r = backend.update(UpdateRequest.builder(T, KEY).expression("ADD total :one").value(":one", 1)
                .returnValues(ReturnValues.UPDATED_NEW).returnItemOnConditionFailure(false).build());
        UpdateItemRequest q = sent.getValue();
        assertEquals(ReturnValue.UPDATED_NEW, q.returnValues());
        assertNull(q.returnValuesOnConditionCheckFailure());
        assertEquals(Map.of(":one", AttributeValue.fromN("1")), q.expressionAttributeValues());
        assertEquals(Item.of("total", 13), r.attributes().orElseThrow());
        assertEquals(1.0, r.consumedCapacity().table(T).write());
        assertEquals(2.0, r.consumedCapacity().index(T, "by_total").write());
        assertEquals(3.0, r.consumedCapacity().writeUnits());
    }

    @Test
    void queryCarriesEveryPart() {
        var sent = ArgumentCaptor.forClass(software.amazon.awssdk.services.dynamodb.model.QueryRequest.class);
        when(client.query(sent.capture())).thenReturn(QueryResponse.builder().count(0).scannedCount(4).lastEvaluatedKey(sdkKey("alice", 9))
                .consumedCapacity(ConsumedCapacity.builder().tableName(T).capacityUnits(0.5).build()).build());
        Page p = backend.query(QueryRequest.builder(T).index("by_total").keyCondition("customer = :c").filter("total > :t")
                .projection("total").value(":c", "alice").value(":t", 5).limit(4).select(Select.SPECIFIC_ATTRIBUTES)
                .scanIndexForward(false).exclusiveStartKey(Key.of("customer", "alice", "no", 3).asItem()).build());
        var q = sent.getValue();
        assertEquals("by_total", q.indexName());
        assertEquals("customer = :c", q.keyConditionExpression());
        assertEquals("total > :t", q.filterExpression());
        assertEquals("total", q.projectionExpression());
        assertEquals(4, q.limit());
        assertEquals(software.amazon.awssdk.services.dynamodb.model.Select.SPECIFIC_ATTRIBUTES, q.select());
        assertEquals(Boolean.FALSE, q.scanIndexForward());
        assertEquals(sdkKey("alice", 3), q.exclusiveStartKey());
        assertEquals(ReturnConsumedCapacity.INDEXES, q.returnConsumedCapacity());
        assertEquals(4, p.scannedCount());
        assertEquals(Key.of("customer", "alice", "no", 9).asItem(), p.lastEvaluatedKey().orElseThrow());
        assertEquals(0.5, p.consumedCapacity().table(T).read(), "only the total reported: a read");
    }

    @Test
    void parallelScanSegment() {
        var sent = ArgumentCaptor.forClass(software.amazon.awssdk.services.dynamodb.model.ScanRequest.class);
        when(client.scan(sent.capture())).thenReturn(ScanResponse.builder().items(List.of(sdkKey("bob", 1))).count(1).scannedCount(1).build());
        Page p = backend.scan(ScanRequest.builder(T).segment(2, 3).consistency(Consistency.STRONG).build());
        assertEquals(2, sent.getValue().segment());
        assertEquals(3, sent.getValue().totalSegments());
        assertEquals(Boolean.TRUE, sent.getValue().consistentRead());
        assertEquals(List.of(Key.of("customer", "bob", "no", 1).asItem()), p.items());
        assertFalse(p.hasMore());
    }

    @Test
    void batchGetSendsPerTableConsistencyAndReturnsUnprocessedKeys() {
        ArgumentCaptor<BatchGetItemRequest> sent = ArgumentCaptor.forClass(BatchGetItemRequest.class);
        when(client.batchGetItem(sent.capture())).thenReturn(BatchGetItemResponse.builder()
                .responses(Map.of(T, List.of(sdkKey("alice", 7))))
                .unprocessedKeys(Map.of(T, KeysAndAttributes.builder().keys(List.of(sdkKey("alice", 8))).consistentRead(true).build()))
                .consumedCapacity(List.of(ConsumedCapacity.builder().tableName(T).capacityUnits(1.0).build(),
                        ConsumedCapacity.builder().tableName("users").capacityUnits(0.5).build())).build());
        BatchGetResult r = backend.batchGet(BatchGetRequest.builder().add(T, KEY, Key.of("customer", "alice", "no", 8))
                .consistency(T, Consistency.STRONG).add("users", Key.of("id", "u1")).projection("users", "#n", Map.of("#n", "name")).build());
        BatchGetItemRequest q = sent.getValue();
        assertEquals(Boolean.TRUE, q.requestItems().get(T).consistentRead());
        assertNull(q.requestItems().get("users").consistentRead());
        assertEquals("#n", q.requestItems().get("users").projectionExpression());
        assertEquals(List.of(KEY.asItem()), r.items(T));
        BatchGetRequest.TableKeys left = r.unprocessed().get(T);
        assertEquals(List.of(Key.of("customer", "alice", "no", 8)), left.keys());
        assertEquals(Consistency.STRONG, left.consistency());
        assertEquals(1.5, r.consumedCapacity().readUnits());
        verify(client, never()).close();
    }

    @Test
    void batchWriteReturnsUnprocessedWritesAsRequested() {
        when(client.batchWriteItem(any(BatchWriteItemRequest.class))).thenReturn(BatchWriteItemResponse.builder()
                .unprocessedItems(Map.of(T, List.of(
                        WriteRequest.builder().putRequest(p -> p.item(Map.of("customer", AttributeValue.fromS("bob"),
                                "no", AttributeValue.fromN("1"), "x", AttributeValue.fromBool(true)))).build(),
                        WriteRequest.builder().deleteRequest(d -> d.key(sdkKey("alice", 7))).build()))).build());
        BatchWriteResult r = backend.batchWrite(BatchWriteRequest.builder().put(T, Item.of("customer", "bob", "no", 1, "x", true))
                .delete(T, KEY).build());
        assertEquals(List.of(BatchWriteRequest.Write.put(Item.of("customer", "bob", "no", 1, "x", true)), BatchWriteRequest.Write.delete(KEY)),
                r.unprocessed().get(T));
    }

    @Test
    void transactWriteSendsTokenAndAllOldPerAction() {
        ArgumentCaptor<TransactWriteItemsRequest> sent = ArgumentCaptor.forClass(TransactWriteItemsRequest.class);
        when(client.transactWriteItems(sent.capture())).thenReturn(TransactWriteItemsResponse.builder()
                .consumedCapacity(List.of(ConsumedCapacity.builder().tableName(T).capacityUnits(4.0).build())).build());
        var r = backend.transactWrite(TransactWriteRequest.builder().clientToken("tok-1")
                .update(UpdateRequest.builder(T, KEY).expression("SET a = :a").value(":a", 1).condition("attribute_exists(no)").build())
                .conditionCheck(ConditionCheck.of("users", Key.of("id", "u1"), "attribute_exists(id)", null)).build());
        TransactWriteItemsRequest q = sent.getValue();
        assertEquals("tok-1", q.clientRequestToken());
        assertEquals(ReturnValuesOnConditionCheckFailure.ALL_OLD, q.transactItems().get(0).update().returnValuesOnConditionCheckFailure());
        assertEquals("attribute_exists(id)", q.transactItems().get(1).conditionCheck().conditionExpression());
        assertEquals(2, r.versions().size());
        assertEquals(4.0, r.consumedCapacity().table(T).write());
    }

    @Test
    void transactWriteRejectsWhatDynamoDbCannotDo() {
        ValidationException rv = assertThrows(ValidationException.class, () -> backend.transactWrite(TransactWriteRequest.builder()
                .put(PutRequest.builder(T, KEY.asItem()).returnValues(ReturnValues.ALL_OLD).build()).build()));
        assertTrue(rv.getMessage().contains("action 0"), rv.getMessage());
        ValidationException versionOnly = assertThrows(ValidationException.class, () -> backend.transactWrite(TransactWriteRequest.builder()
                .conditionCheck(ConditionCheck.version(T, KEY, 3)).build()));
        assertTrue(versionOnly.getMessage().contains("no condition expression"), versionOnly.getMessage());
        verifyNoInteractions(client);
    }

    @Test
    void wrappedClientIsUnwrappedAndNotClosed() {
        assertSame(client, backend.unwrap(DynamoDbClient.class));
        assertSame(backend, backend.unwrap(AwsBackend.class));
        assertNull(backend.unwrap(String.class));
        backend.close();
        backend.close();
        verify(client, never()).close();
        DdbcException closed = assertThrows(DdbcException.class, () -> backend.get(GetRequest.builder(T, KEY).build()));
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    @Test
    void ownedClientIsClosedOnce() {
        DynamoDbClient owned = mock(DynamoDbClient.class);
        AwsBackend b = new AwsBackend(owned, true, "aws:test");
        b.close();
        b.close();
        verify(owned).close();
        assertEquals("aws", b.name());
        assertFalse(b.supportsPositions());
    }
}
