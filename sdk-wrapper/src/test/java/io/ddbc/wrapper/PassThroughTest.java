package io.ddbc.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** What the delegate receives: the caller's request itself unless the session must change ConsistentRead. */
class PassThroughTest {
    private static final Set<String> SPECIALISED = Set.of("getItem", "batchGetItem", "query", "scan", "transactGetItems", "putItem",
            "updateItem", "deleteItem", "transactWriteItems", "batchWriteItem", "executeStatement", "batchExecuteStatement",
            "executeTransaction", "describeTable");

    private DynamoDbClient delegate;
    private SimpleMeterRegistry registry;
    private DdbcDynamoDbClient wrapper;

    @BeforeEach
    void setUp() {
        delegate = mock(DynamoDbClient.class);
        TableDescription t = TableDescription.builder().tableName("t")
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()).build();
        when(delegate.describeTable(any(DescribeTableRequest.class))).thenReturn(DescribeTableResponse.builder().table(t).build());
        registry = new SimpleMeterRegistry();
        wrapper = DdbcDynamoDbClient.wrap(delegate, WrapperOptions.builder().versionAttribute("v_t", "ver").meterRegistry(registry).build());
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    /** An operation (not a paginator, which is the interface's default calling back into the client). */
    private static boolean isOperation(Method m) {
        return m.getParameterCount() == 1 && DynamoDbRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                && m.getReturnType().getSimpleName().endsWith("Response");
    }

    @Test
    void everyRequestTakingOperationOfTheInterfaceIsImplementedNotLeftToItsThrowingDefault() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Method m : DynamoDbClient.class.getMethods()) {
            if (!isOperation(m)) continue;
            Method impl = DdbcDynamoDbClient.class.getMethod(m.getName(), m.getParameterTypes());
            if (impl.getDeclaringClass().isInterface()) missing.add(m.getName());
        }
        assertTrue(missing.isEmpty(), "left to the interface's default: " + missing);
        assertNotEquals(null, wrapper.waiter());
    }

    @Test
    void everyOtherOperationReachesTheDelegateWithTheCallersRequest() throws Exception {
        int checked = 0;
        for (Method m : DynamoDbClient.class.getMethods()) {
            if (!isOperation(m)) continue;
            if (SPECIALISED.contains(m.getName())) continue;
            Object builder = m.getParameterTypes()[0].getMethod("builder").invoke(null);
            Object request = ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder).build();
            m.invoke(wrapper, request);
            ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
            m.invoke(verify(delegate), sent.capture());
            assertSame(request, sent.getValue(), m.getName());
            checked++;
        }
        assertTrue(checked > 35, "only " + checked + " operations checked");
    }

    @Test
    void readsTheSessionNeedNotChangeArriveAsTheySentAndTheirResponsesComeBackAsTheyCame() {
        GetItemRequest get = GetItemRequest.builder().tableName("t").key(key("a", "1")).projectionExpression("#n, sk")
                .expressionAttributeNames(Map.of("#n", "name")).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        GetItemResponse got = GetItemResponse.builder().item(key("a", "1")).build();
        when(delegate.getItem(get)).thenReturn(got);
        assertSame(got, wrapper.getItem(get));
        verify(delegate).getItem(get);

        QueryRequest query = QueryRequest.builder().tableName("t").keyConditionExpression("#p = :p").expressionAttributeNames(Map.of("#p", "pk"))
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a"))).limit(7).scanIndexForward(false)
                .exclusiveStartKey(key("a", "0")).select(Select.ALL_ATTRIBUTES).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        QueryResponse page = QueryResponse.builder().count(0).build();
        when(delegate.query(query)).thenReturn(page);
        assertSame(page, wrapper.query(query));

        BatchGetItemRequest batch = BatchGetItemRequest.builder().requestItems(Map.of("t", KeysAndAttributes.builder().keys(key("a", "1")).build()))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        BatchGetItemResponse batchResp = BatchGetItemResponse.builder().responses(Map.of()).build();
        when(delegate.batchGetItem(batch)).thenReturn(batchResp);
        assertSame(batchResp, wrapper.batchGetItem(batch));
        assertEquals(0, wrapper.stats().upgrades());
    }

    @Test
    void writesArriveAsTheySentAndTheirResponsesComeBackAsTheyCame() {
        PutItemRequest put = PutItemRequest.builder().tableName("t").item(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("1"),
                "x", AttributeValue.fromN("1"))).conditionExpression("attribute_not_exists(#p)").expressionAttributeNames(Map.of("#p", "pk"))
                .returnValues(ReturnValue.ALL_OLD).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
        PutItemResponse putResp = PutItemResponse.builder().build();
        when(delegate.putItem(put)).thenReturn(putResp);
        assertSame(putResp, wrapper.putItem(put));

        UpdateItemRequest update = UpdateItemRequest.builder().tableName("t").key(key("a", "1")).updateExpression("SET x = :x")
                .expressionAttributeValues(Map.of(":x", AttributeValue.fromN("2"))).returnValues(ReturnValue.UPDATED_OLD)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        UpdateItemResponse updResp = UpdateItemResponse.builder().build();
        when(delegate.updateItem(update)).thenReturn(updResp);
        assertSame(updResp, wrapper.updateItem(update));

        DeleteItemRequest delete = DeleteItemRequest.builder().tableName("t").key(key("a", "2")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        DeleteItemResponse delResp = DeleteItemResponse.builder().build();
        when(delegate.deleteItem(delete)).thenReturn(delResp);
        assertSame(delResp, wrapper.deleteItem(delete));
    }

    @Test
    void aReadOfAKeyTheSessionWroteChangesOnlyConsistentRead() {
        when(delegate.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
        wrapper.putItem(PutItemRequest.builder().tableName("t").item(key("a", "1")).build());
        GetItemRequest get = GetItemRequest.builder().tableName("t").key(key("a", "1")).projectionExpression("#n")
                .expressionAttributeNames(Map.of("#n", "name")).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).consistentRead(false).build();
        GetItemResponse strongResp = GetItemResponse.builder().build();
        when(delegate.getItem(any(GetItemRequest.class))).thenReturn(strongResp);
        assertSame(strongResp, wrapper.getItem(get));
        verify(delegate).getItem(get.toBuilder().consistentRead(true).build());

        QueryRequest query = QueryRequest.builder().tableName("t").keyConditionExpression("pk = :p").limit(3)
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        when(delegate.query(any(QueryRequest.class))).thenReturn(QueryResponse.builder().build());
        wrapper.query(query);
        verify(delegate).query(query.toBuilder().consistentRead(true).build());
        assertEquals(2, wrapper.stats().upgrades());
    }

    @Test
    void aVersionedDeleteLearnsTheOldVersionButAnswersWhatTheCallerAskedFor() {
        DeleteItemRequest delete = DeleteItemRequest.builder().tableName("v_t").key(key("a", "1")).build();
        DeleteItemRequest sent = delete.toBuilder().returnValues(ReturnValue.ALL_OLD).build();
        Map<String, AttributeValue> old = Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromS("1"), "ver", AttributeValue.fromN("4"));
        when(delegate.deleteItem(sent)).thenReturn(DeleteItemResponse.builder().attributes(old).build());
        DeleteItemResponse resp = wrapper.deleteItem(delete);
        assertFalse(resp.hasAttributes(), "the caller asked for no attributes");
        // The session now refuses the pre-delete image (version 4): an eventual read returning it is re-read strongly.
        GetItemRequest get = GetItemRequest.builder().tableName("v_t").key(key("a", "1")).build();
        when(delegate.getItem(get)).thenReturn(GetItemResponse.builder().item(old).build());
        when(delegate.getItem(get.toBuilder().consistentRead(true).build())).thenReturn(GetItemResponse.builder().build());
        assertFalse(wrapper.getItem(get).hasItem());
        assertEquals(1, wrapper.stats().upgrades());
    }

    @Test
    void partiqlAndEventualScansPassThroughAndAreCounted() {
        ExecuteStatementRequest stmt = ExecuteStatementRequest.builder().statement("SELECT * FROM t").consistentRead(false).build();
        BatchExecuteStatementRequest batch = BatchExecuteStatementRequest.builder().build();
        ExecuteTransactionRequest tx = ExecuteTransactionRequest.builder().build();
        wrapper.executeStatement(stmt);
        wrapper.executeStatement(stmt);
        wrapper.batchExecuteStatement(batch);
        wrapper.executeTransaction(tx);
        ScanRequest eventual = ScanRequest.builder().tableName("t").limit(5).build();
        wrapper.scan(eventual);
        wrapper.scan(eventual.toBuilder().consistentRead(true).build());
        verify(delegate, times(2)).executeStatement(stmt);
        verify(delegate).batchExecuteStatement(batch);
        verify(delegate).executeTransaction(tx);
        verify(delegate).scan(eventual);
        assertEquals(Map.of("ExecuteStatement", 2L, "BatchExecuteStatement", 1L, "ExecuteTransaction", 1L, "Scan", 1L), wrapper.stats().unhonoured());
        assertEquals(2.0, registry.get("ddbc.wrapper.unhonoured").tag("op", "ExecuteStatement").counter().count());
        assertEquals(1.0, registry.get("ddbc.wrapper.unhonoured").tag("op", "Scan").counter().count());
    }
}
