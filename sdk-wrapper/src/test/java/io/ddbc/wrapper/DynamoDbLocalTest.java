package io.ddbc.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.aws.testing.DynamoDbLocalExtension;
import io.ddbc.wrapper.testing.AccountWorkload;
import io.ddbc.wrapper.testing.AccountWorkload.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The wrapper over DynamoDB Local (loopback only): the same Enhanced Client code works unchanged through
 * it, and request/response fields arrive and come back as DynamoDB handles them. The wrapped client is not
 * closed: the server's client is shared.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DynamoDbLocalTest {

    private static String table() {
        return "acc_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void enhancedClientCodeReadsItsOwnWritesThroughTheWrapper(DynamoDbClient local) {
        String name = table();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DdbcDynamoDbClient wrapped = DdbcDynamoDbClient.wrap(local, WrapperOptions.builder().versionAttribute(name, "version")
                .meterRegistry(registry).build());
        AccountWorkload app = new AccountWorkload(DynamoDbEnhancedClient.builder().dynamoDbClient(wrapped).build(), name);
        app.createTable();
        Outcome o = app.run(42, 150, 5);
        assertEquals(0, o.staleReads(), o.toString());
        assertEquals(0, o.conflicts(), o.toString());
        assertEquals(150, o.writes());
    }

    /** Eventual first: DynamoDB Local is never stale, so reads of versioned items the session wrote are never re-read strongly. */
    @Test
    void versionedReadsOfOwnWritesStayEventualWhenTheyAreFresh(DynamoDbClient local) {
        String name = table();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DdbcDynamoDbClient wrapped = DdbcDynamoDbClient.wrap(local, WrapperOptions.builder().versionAttribute(name, "v").meterRegistry(registry).build());
        wrapped.createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("id").keyType("HASH")).attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
        for (int i = 1; i <= 20; i++) {
            int v = i;
            wrapped.putItem(b -> b.tableName(name).item(Map.of("id", AttributeValue.fromS("k"), "v", AttributeValue.fromN(Integer.toString(v)))));
            var got = wrapped.getItem(b -> b.tableName(name).key(Map.of("id", AttributeValue.fromS("k"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            assertEquals(Integer.toString(v), got.item().get("v").n());
            assertEquals(0.5, got.consumedCapacity().capacityUnits(), "an eventual read's capacity");
        }
        assertEquals(0, wrapped.stats().upgrades());
        assertEquals(null, registry.find("ddbc.session.upgrades").counter());
    }

    @Test
    void fieldsTheWrapperDoesNotNeedReachDynamoDbAndComeBack(DynamoDbClient local) {
        String name = table();
        DdbcDynamoDbClient wrapped = DdbcDynamoDbClient.wrap(local, WrapperOptions.builder().versionAttribute(name, "v").build());
        wrapped.createTable(b -> b.tableName(name).billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("id").keyType("HASH")).attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("a"));
        var put = wrapped.putItem(b -> b.tableName(name).item(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromN("1"),
                "name", AttributeValue.fromS("alice"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(1.0, put.consumedCapacity().capacityUnits());

        GetItemResponse got = wrapped.getItem(b -> b.tableName(name).key(key).projectionExpression("#n, v")
                .expressionAttributeNames(Map.of("#n", "name")).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
        assertEquals(Map.of("name", AttributeValue.fromS("alice"), "v", AttributeValue.fromN("1")), got.item());
        assertNotNull(got.consumedCapacity().table(), "INDEXES breakdown came back");

        ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class, () -> wrapped.putItem(b -> b.tableName(name)
                .item(Map.of("id", AttributeValue.fromS("a"), "v", AttributeValue.fromN("2"))).conditionExpression("v = :old")
                .expressionAttributeValues(Map.of(":old", AttributeValue.fromN("7")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals(AttributeValue.fromS("alice"), e.item().get("name"));

        var page = wrapped.query(b -> b.tableName(name).keyConditionExpression("id = :a").limit(1)
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS("a"))).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        assertEquals(1, page.count());
        assertTrue(page.consumedCapacity().capacityUnits() > 0);

        var partiql = wrapped.executeStatement(b -> b.statement("SELECT * FROM \"" + name + "\" WHERE id = 'a'"));
        assertEquals(1, partiql.items().size());
        assertEquals(1L, wrapped.stats().unhonoured().get("ExecuteStatement"));
    }
}
