package io.ddbc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The plain AWS SDK v2 client against the ddbc server on 127.0.0.1, over real HTTP. */
class DdbcServerTest {
    static DdbcServer server;
    static DynamoDbClient sdk;

    @BeforeAll
    static void start() {
        server = DdbcServer.builder().url("ddbc:embedded:mem?time=virtual&seed=5").port(0).start();
        sdk = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("any", "thing"))).build();
        sdk.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.N))
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH), k -> k.attributeName("sk").keyType(KeyType.RANGE)));
    }

    @AfterAll
    static void stop() {
        sdk.close();
        server.close();
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    @Test
    void itemsRoundTripWithEveryAttributeType() {
        Map<String, AttributeValue> item = Map.of("pk", s("a"), "sk", n("1"), "bin", AttributeValue.fromB(SdkBytes.fromUtf8String("xyz")),
                "list", AttributeValue.fromL(List.of(n("1.50"), s("x"), AttributeValue.fromBool(true), AttributeValue.fromNul(true))),
                "map", AttributeValue.fromM(Map.of("deep", AttributeValue.fromM(Map.of("ss", AttributeValue.fromSs(List.of("p", "q")))))),
                "ns", AttributeValue.fromNs(List.of("1", "2")));
        sdk.putItem(b -> b.tableName("orders").item(item));
        Map<String, AttributeValue> got = sdk.getItem(b -> b.tableName("orders").key(Map.of("pk", s("a"), "sk", n("1"))).consistentRead(true)).item();
        assertEquals("xyz", got.get("bin").b().asUtf8String());
        assertEquals("1.5", got.get("list").l().get(0).n(), "DynamoDB's canonical number text");
        assertEquals(List.of("p", "q"), got.get("map").m().get("deep").m().get("ss").ss());
        assertEquals(Boolean.TRUE, got.get("list").l().get(3).nul());
    }

    @Test
    void queriesPageAndReportCapacity() {
        for (int i = 0; i < 5; i++) sdk.putItem(b -> b.tableName("orders").item(Map.of("pk", s("q"), "sk", n(Integer.toString(10 + 0)))));
        for (int i = 0; i < 5; i++) {
            int k = i;
            sdk.putItem(b -> b.tableName("orders").item(Map.of("pk", s("q"), "sk", n(Integer.toString(k)))));
        }
        QueryResponse page = sdk.query(b -> b.tableName("orders").keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("q")))
                .limit(3).returnConsumedCapacity("TOTAL").consistentRead(true));
        assertEquals(3, page.count());
        assertTrue(page.hasLastEvaluatedKey() && page.lastEvaluatedKey().containsKey("sk"));
        assertEquals(1.0, page.consumedCapacity().capacityUnits());
        QueryResponse rest = sdk.query(b -> b.tableName("orders").keyConditionExpression("pk = :p").expressionAttributeValues(Map.of(":p", s("q")))
                .exclusiveStartKey(page.lastEvaluatedKey()).consistentRead(true));
        assertEquals(3, rest.count());
    }

    @Test
    void errorsArriveAsTheSdksOwnExceptions() {
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> sdk.getItem(b -> b.tableName("nope").key(Map.of("pk", s("x")))));
        assertTrue(missing.awsErrorDetails().errorMessage().contains("nope") || missing.getMessage().contains("resource not found")
                || missing.getMessage().contains("Requested resource not found"), missing.getMessage());
        sdk.putItem(b -> b.tableName("orders").item(Map.of("pk", s("c"), "sk", n("1"), "v", n("1"))));
        ConditionalCheckFailedException failed = assertThrows(ConditionalCheckFailedException.class,
                () -> sdk.putItem(b -> b.tableName("orders").item(Map.of("pk", s("c"), "sk", n("1")))
                        .conditionExpression("attribute_not_exists(pk)").returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertEquals("1", failed.item().get("v").n(), "the modeled exception's own members travel too");
        TransactionCanceledException cancelled = assertThrows(TransactionCanceledException.class, () -> sdk.transactWriteItems(b -> b.transactItems(
                t -> t.conditionCheck(c -> c.tableName("orders").key(Map.of("pk", s("c"), "sk", n("1"))).conditionExpression("v = :two")
                        .expressionAttributeValues(Map.of(":two", n("2")))),
                t -> t.put(p -> p.tableName("orders").item(Map.of("pk", s("d"), "sk", n("1")))))));
        assertEquals("ConditionalCheckFailed", cancelled.cancellationReasons().get(0).code());
        assertEquals("None", cancelled.cancellationReasons().get(1).code());
    }

    @Test
    void tableAdministrationAndWaiters() {
        sdk.createTable(b -> b.tableName("scratch").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        sdk.waiter().waitUntilTableExists(b -> b.tableName("scratch"));
        TableDescription d = sdk.describeTable(b -> b.tableName("scratch")).table();
        assertEquals("ACTIVE", d.tableStatusAsString());
        assertTrue(d.creationDateTime() != null);
        assertTrue(sdk.listTables().tableNames().contains("scratch"));
        sdk.updateItem(b -> b.tableName("scratch").key(Map.of("id", s("x"))).updateExpression("ADD n :one")
                .expressionAttributeValues(Map.of(":one", n("1"))).returnValues(ReturnValue.ALL_NEW));
        sdk.deleteTable(b -> b.tableName("scratch"));
        sdk.waiter().waitUntilTableNotExists(b -> b.tableName("scratch"));
    }

    @Test
    void badRequestsGetDynamoDbsErrorShape() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "DynamoDB_20120810.Frobnicate").header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("UnknownOperationException"), unknown.body());
        HttpResponse<String> malformed = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables").POST(HttpRequest.BodyPublishers.ofString("{nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("SerializationException"), malformed.body());
        HttpResponse<String> wrongType = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "DynamoDB_20120810.GetItem").POST(HttpRequest.BodyPublishers.ofString("{\"TableName\": 5}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, wrongType.statusCode());
        assertTrue(wrongType.body().contains("SerializationException"), wrongType.body());
    }
}
