package io.ddbc.aws;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DdbcException;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TableSpec;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import io.ddbc.aws.internal.ModelConverter;
import io.ddbc.aws.testing.DynamoDbLocalExtension;
import io.ddbc.aws.testing.DynamoDbLocalServer;
import io.ddbc.spi.Backend;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 17: input nested 10,000 levels deep reaching the AWS adapter — in an item, in an SDK value converted
 * by the adapter (as the drop-in wrapper does), in an expression sent to DynamoDB Local — is a
 * ValidationException, never a StackOverflowError.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class DeepInputLocalTest {
    static final int DEEP = 10_000;

    static void refused(Executable e) {
        // assertThrows would report a StackOverflowError as an unexpected type: that is the failure this guards.
        ValidationException v = assertThrows(ValidationException.class, e);
        assertTrue(v.getMessage() != null && !v.getMessage().isEmpty());
    }

    @Test
    void deepSdkValuesAreRefusedByTheConverter() {
        var leaf = software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("leaf");
        var list = leaf;
        var map = leaf;
        for (int i = 0; i < DEEP; i++) {
            list = software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(java.util.List.of(list));
            map = software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(Map.of("m", map));
        }
        var deepList = list;
        var deepMap = map;
        refused(() -> ModelConverter.fromSdk(deepList));
        refused(() -> ModelConverter.fromSdk(deepMap));
        refused(() -> ModelConverter.itemOrNull(Map.of("id", leaf, "deep", deepMap)));
    }

    @Test
    void deepInputThroughTheAdapterToDynamoDbLocal(DynamoDbLocalServer server) {
        try (Backend b = AwsBackend.wrap(server.client())) {
            String table = "deep_" + Long.toString(System.nanoTime(), 36);
            b.createTable(new CreateTableRequest(TableSpec.builder(table).partitionKey("id", AttributeValue.Type.S).build()));
            try {
                refused(() -> {
                    AttributeValue v = AttributeValue.s("leaf");
                    for (int i = 0; i < DEEP; i++) v = AttributeValue.l(v);
                    b.put(PutRequest.builder(table, Item.of("id", "x", "deep", v)).build());
                });
                // Expressions: DynamoDB Local parses them; the adapter must only carry them and map the answer.
                String parens = "(".repeat(1_000) + "attribute_exists(id)" + ")".repeat(1_000);
                assertThrows(DdbcException.class, () -> b.put(PutRequest.builder(table, Item.of("id", "x")).condition(parens).build()));
                refused(() -> b.update(UpdateRequest.builder(table, Key.of("id", "x")).expression("SET a" + ".b".repeat(1_000) + " = :v")
                        .value(":v", 1).build()));
            } finally {
                b.deleteTable(new io.ddbc.api.DeleteTableRequest(table));
            }
        }
    }
}
