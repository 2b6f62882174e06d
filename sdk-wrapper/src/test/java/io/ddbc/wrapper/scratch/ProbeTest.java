package io.ddbc.wrapper.scratch;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ProbeTest {
    @Test
    void probe() {
        var local = DynamoDBEmbedded.create(true);
        try {
            var c = local.dynamoDbClient();
            c.createTable(b -> b.tableName("ttt").billingMode("PAY_PER_REQUEST").keySchema(k -> k.attributeName("id").keyType("HASH"))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
            c.putItem(b -> b.tableName("ttt").item(Map.of("id", AttributeValue.fromS("a"), "nul", AttributeValue.fromNul(true))));
            System.out.println("PROBE1 " + c.getItem(b -> b.tableName("ttt").key(Map.of("id", AttributeValue.fromS("a")))).item());
            c.putItem(b -> b.tableName("ttt").item(Map.of("id", AttributeValue.fromS("b"), "x", AttributeValue.fromS("y"))));
            System.out.println("PROBE2 " + c.getItem(b -> b.tableName("ttt").key(Map.of("id", AttributeValue.fromS("b")))).item());
            try {
                c.updateItem(b -> b.tableName("ttt").key(Map.of("id", AttributeValue.fromS("b"))).updateExpression("SET size = :x")
                        .expressionAttributeValues(Map.of(":x", AttributeValue.fromN("1"))));
                System.out.println("PROBE3 size accepted " + c.getItem(b -> b.tableName("ttt").key(Map.of("id", AttributeValue.fromS("b")))).item());
            } catch (Exception e) {
                System.out.println("PROBE3 " + e.getMessage());
            }
            var d = c.deleteItem(b -> b.tableName("ttt").key(Map.of("id", AttributeValue.fromS("zz"))));
            System.out.println("PROBE4 delete unasked capacity " + d.consumedCapacity());
            var p = c.putItem(b -> b.tableName("ttt").item(Map.of("id", AttributeValue.fromS("zz"))));
            System.out.println("PROBE5 put unasked capacity " + p.consumedCapacity());
        } finally {
            local.shutdown();
        }
    }
}
