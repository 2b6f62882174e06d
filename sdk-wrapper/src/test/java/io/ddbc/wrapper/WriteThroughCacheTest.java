package io.ddbc.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.ddbc.core.CacheSpec;
import io.ddbc.wrapper.EnhancedClientReadYourWritesTest.Lag;
import io.ddbc.wrapper.EnhancedClientReadYourWritesTest.Lagged;
import io.ddbc.wrapper.testing.AccountWorkload;
import io.ddbc.wrapper.testing.AccountWorkload.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The optional write-through cache (ddbc-core's): answers own writes without a request, never staler than the session. */
class WriteThroughCacheTest {
    private static final WrapperOptions CACHED = WrapperOptions.builder().versionAttribute("t", "v").cache(CacheSpec.writeThrough()).build();

    private static DynamoDbClient delegate() {
        DynamoDbClient d = mock(DynamoDbClient.class);
        TableDescription t = TableDescription.builder().tableName("t")
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()).build();
        when(d.describeTable(any(DescribeTableRequest.class))).thenReturn(DescribeTableResponse.builder().table(t).build());
        when(d.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
        return d;
    }

    private static final Map<String, AttributeValue> KEY = Map.of("id", AttributeValue.fromS("a"));

    @Test
    void aWrittenItemIsReadBackFromTheCacheAtNoCapacity() {
        DynamoDbClient d = delegate();
        DdbcDynamoDbClient w = DdbcDynamoDbClient.wrap(d, CACHED);
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromN("2"), "x", AttributeValue.fromS("y"));
        w.putItem(b -> b.tableName("t").item(item));
        GetItemResponse got = w.getItem(b -> b.tableName("t").key(KEY).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(item, got.item());
        assertEquals(0.0, got.consumedCapacity().capacityUnits());
        verify(d, never()).getItem(any(GetItemRequest.class));
        // A strong read is never answered from the cache.
        when(d.getItem(any(GetItemRequest.class))).thenReturn(GetItemResponse.builder().item(item).build());
        w.getItem(b -> b.tableName("t").key(KEY).consistentRead(true));
        verify(d, times(1)).getItem(any(GetItemRequest.class));
    }

    @Test
    void aFailedConditionalWriteInvalidatesTheKey() {
        DynamoDbClient d = delegate();
        DdbcDynamoDbClient w = DdbcDynamoDbClient.wrap(d, CACHED);
        w.putItem(b -> b.tableName("t").item(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1"))));
        PutItemRequest conditional = PutItemRequest.builder().tableName("t").item(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromN("2")))
                .conditionExpression("v = :one").build();
        when(d.putItem(conditional)).thenThrow(ConditionalCheckFailedException.builder().message("The conditional request failed").build());
        assertThrows(ConditionalCheckFailedException.class, () -> w.putItem(conditional));
        Map<String, AttributeValue> current = Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromN("5"));
        when(d.getItem(any(GetItemRequest.class))).thenReturn(GetItemResponse.builder().item(current).build());
        assertEquals(current, w.getItem(b -> b.tableName("t").key(KEY)).item());
        verify(d).getItem(any(GetItemRequest.class));
    }

    @Test
    void withTheCacheTheEnhancedClientStillReadsItsOwnWritesOverTheLaggingEngine() {
        Lagged engine = EnhancedClientReadYourWritesTest.lagged(Lag.ENGINE, 5);
        WrapperOptions options = WrapperOptions.builder().versionAttribute("accounts", "version").cache(CacheSpec.writeThrough()).build();
        try (DdbcDynamoDbClient wrapped = DdbcDynamoDbClient.wrap(EmbeddedDynamoDbClient.over(engine.backend()), options)) {
            AccountWorkload app = new AccountWorkload(DynamoDbEnhancedClient.builder().dynamoDbClient(wrapped).build(), "accounts");
            app.createTable();
            // Without closing accounts: a re-created item restarts at version 1, below what the session knows of the
            // deleted one, so its reads cannot be told fresh by version and go strong (the cache cannot answer them).
            Outcome o = app.run(5, 300, 8, false);
            assertEquals(0, o.staleReads(), o.toString());
            assertEquals(0, o.conflicts(), o.toString());
            long reads = engine.backend().unwrap(io.ddbc.embedded.EmbeddedControl.class).stats().operations("GetItem");
            System.out.println("engine GetItems with the cache: " + reads + " for " + o);
            assertTrue(reads > 0 && reads < 300, "most GetItems answered by the cache; the engine saw " + reads);
            assertFalse(wrapped.stats().unhonoured().containsKey("GetItem"));
        } finally {
            engine.backend().close();
        }
    }
}
