package io.ddbc.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.embedded.EmbeddedBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The SDK-shaped facade over the embedded engine answers like DynamoDB, errors included. */
class EmbeddedDynamoDbClientTest {
    private EmbeddedDynamoDbClient sdk;

    @BeforeEach
    void setUp() {
        sdk = EmbeddedDynamoDbClient.over(EmbeddedBackend.inMemory(2));
        sdk.createTable(b -> b.tableName("orders").keySchema(k -> k.attributeName("pk").keyType("HASH"), k -> k.attributeName("sk").keyType("RANGE"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"), a -> a.attributeName("sk").attributeType("N"),
                        a -> a.attributeName("email").attributeType("S"))
                .globalSecondaryIndexes(g -> g.indexName("by_email").keySchema(k -> k.attributeName("email").keyType("HASH"))
                        .projection(p -> p.projectionType("ALL"))));
    }

    @AfterEach
    void tearDown() {
        sdk.backend().close();
    }

    private static Map<String, AttributeValue> item(String pk, int sk, String email) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromN(Integer.toString(sk)), "email", AttributeValue.fromS(email));
    }

    @Test
    void describesTheTableItWasAskedToCreate() {
        var t = sdk.describeTable(b -> b.tableName("orders")).table();
        assertEquals("orders", t.tableName());
        assertEquals(KeyType.HASH, t.keySchema().get(0).keyType());
        assertEquals("pk", t.keySchema().get(0).attributeName());
        assertEquals("sk", t.keySchema().get(1).attributeName());
        assertEquals("by_email", t.globalSecondaryIndexes().get(0).indexName());
        assertEquals(List.of("orders"), sdk.listTables().tableNames());
    }

    @Test
    void writesReadsAndCapacityOnlyWhenAsked() {
        var put = sdk.putItem(b -> b.tableName("orders").item(item("a", 1, "x@y")).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertTrue(put.consumedCapacity().capacityUnits() > 0);
        var noCapacity = sdk.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"))));
        assertEquals(item("a", 1, "x@y"), noCapacity.item());
        assertEquals(null, noCapacity.consumedCapacity());
        var upd = sdk.updateItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))
                .updateExpression("SET amount = :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromN("5"))).returnValues(ReturnValue.UPDATED_NEW));
        assertEquals(Map.of("amount", AttributeValue.fromN("5")), upd.attributes());
        var byIndex = sdk.query(b -> b.tableName("orders").indexName("by_email").keyConditionExpression("email = :e")
                .expressionAttributeValues(Map.of(":e", AttributeValue.fromS("x@y"))));
        // The index is updated asynchronously: it may not show the item yet, but never shows a wrong one.
        byIndex.items().forEach(i -> assertEquals("a", i.get("pk").s()));
        var page = sdk.query(b -> b.tableName("orders").keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", AttributeValue.fromS("a")))
                .consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(1, page.count());
        assertTrue(page.consumedCapacity().table().capacityUnits() > 0);
        var gone = sdk.deleteItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.ALL_OLD));
        assertEquals(AttributeValue.fromN("5"), gone.attributes().get("amount"));
        assertFalse(sdk.getItem(b -> b.tableName("orders").consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))).hasItem());
    }

    @Test
    void failuresAreTheSdkExceptionsDynamoDbRaises() {
        sdk.putItem(b -> b.tableName("orders").item(item("a", 1, "x@y")));
        ConditionalCheckFailedException c = assertThrows(ConditionalCheckFailedException.class, () -> sdk.putItem(b -> b.tableName("orders")
                .item(item("a", 1, "z@y")).conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals(AttributeValue.fromS("x@y"), c.item().get("email"));
        assertEquals("ConditionalCheckFailedException", c.awsErrorDetails().errorCode());

        TransactionCanceledException t = assertThrows(TransactionCanceledException.class, () -> sdk.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("orders").item(item("b", 1, "b@y"))).build(),
                TransactWriteItem.builder().conditionCheck(k -> k.tableName("orders").key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1")))
                        .conditionExpression("attribute_not_exists(pk)")).build())));
        assertEquals("ConditionalCheckFailed", t.cancellationReasons().get(1).code());

        assertThrows(ResourceNotFoundException.class, () -> sdk.getItem(b -> b.tableName("nope").key(Map.of("pk", AttributeValue.fromS("a")))));
        DynamoDbException wrongKey = assertThrows(DynamoDbException.class, () -> sdk.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("a")))));
        assertTrue(wrongKey.getMessage().contains("The number of conditions on the keys is invalid"), wrongKey.getMessage());
        assertEquals("ValidationException", wrongKey.awsErrorDetails().errorCode());
        DynamoDbException legacy = assertThrows(DynamoDbException.class, () -> sdk.getItem(b -> b.tableName("orders")
                .key(Map.of("pk", AttributeValue.fromS("a"), "sk", AttributeValue.fromN("1"))).attributesToGet("email")));
        assertTrue(legacy.getMessage().contains("AttributesToGet"), legacy.getMessage());
    }
}
