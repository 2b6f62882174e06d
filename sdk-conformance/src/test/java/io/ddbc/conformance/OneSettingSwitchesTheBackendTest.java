package io.ddbc.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.DdbcClient;
import io.ddbc.aws.testing.DynamoDbLocalServer;
import io.ddbc.core.Ddbc;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Issue 17 part 4 end to end: an application that builds its client with {@code Ddbc.builder()} and settings
 * (a meter registry), but no URL, is switched to DynamoDB Local by the {@code ddbc.url} system property alone;
 * and with the keys every AWS tool reads ({@code aws.accessKeyId}/{@code aws.secretAccessKey}) it sees the
 * tables a plain SDK client made with the same keys on a Local started without {@code -sharedDb}.
 */
class OneSettingSwitchesTheBackendTest {
    private final Map<String, String> saved = new HashMap<>();

    private void set(String name, String value) {
        if (!saved.containsKey(name)) saved.put(name, System.getProperty(name));
        if (value == null) System.clearProperty(name);
        else System.setProperty(name, value);
    }

    @AfterEach
    void restore() {
        saved.forEach((k, v) -> {
            if (v == null) System.clearProperty(k);
            else System.setProperty(k, v);
        });
    }

    @Test
    void theDdbcUrlPropertyAndTheSdkKeysReachTheSameLocalDatabase() {
        try (DynamoDbLocalServer local = DynamoDbLocalServer.start()) {   // private: -inMemory, no -sharedDb
            String table = "made_by_the_cli_" + Long.toString(System.nanoTime(), 36);
            try (DynamoDbClient sdk = local.clientBuilder()
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDAPPKEYS", "secret"))).build()) {
                sdk.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            }
            set("ddbc.url", "ddbc:aws:?endpoint=" + local.endpoint() + "&region=us-east-1");
            set("aws.accessKeyId", "AKIDAPPKEYS");
            set("aws.secretAccessKey", "secret");
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (DdbcClient app = Ddbc.builder().meterRegistry(registry).build()) {
                List<String> tables = app.listTables();
                assertTrue(tables.contains(table), "the application sees the table the other tool made: " + tables);
                assertNotNull(app.unwrap(DynamoDbClient.class));
            }
            set("aws.accessKeyId", "AKIDOTHERKEYS");
            try (DdbcClient other = Ddbc.connect()) {
                assertFalse(other.listTables().contains(table), "other keys: another database on a Local without -sharedDb");
            }
        }
    }
}
