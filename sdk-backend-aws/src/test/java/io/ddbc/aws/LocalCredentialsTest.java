package io.ddbc.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.ListTablesRequest;
import io.ddbc.aws.testing.DynamoDbLocalServer;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * Issue 17 part 4: on a loopback endpoint the adapter signs with the default chain's keys, as every other tool
 * does. DynamoDB Local started without {@code -sharedDb} (as here: a private instance) keeps one database per
 * access key, so a ddbc client and a plain SDK client with the same keys see the same tables, and a client
 * with other keys does not. Separate clients stand in for separate processes.
 */
class LocalCredentialsTest {
    static final String KEY_A = "AKIDDDBCLOCALA";
    static final String KEY_B = "AKIDDDBCLOCALB";
    static final List<String> PROPERTIES = List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken",
            "aws.sharedCredentialsFile", "aws.configFile", "aws.profile");

    static DynamoDbLocalServer server;
    static String table;
    private final Map<String, String> saved = new HashMap<>();

    @BeforeAll
    static void start() {
        server = DynamoDbLocalServer.start();   // -inMemory, no -sharedDb: a database per access key
        table = "created_by_sdk_" + Long.toString(System.nanoTime(), 36);
        try (DynamoDbClient sdk = server.clientBuilder()
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_A, "secretA"))).build()) {
            sdk.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

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
        saved.clear();
    }

    private static List<String> tablesSeenBy(String url) {
        DdbcUrl u = DdbcUrl.parse(url);
        try (Backend b = BackendProviders.find(u, LocalCredentialsTest.class.getClassLoader()).open(u, new Properties())) {
            return b.listTables(ListTablesRequest.firstPage()).tableNames();
        }
    }

    private static String url() {
        return "ddbc:aws:?endpoint=" + server.endpoint() + "&region=us-east-1";
    }

    @Test
    void systemPropertyKeysReachTheSameDatabaseAsThePlainSdkClient() {
        for (String p : PROPERTIES) set(p, null);
        set("aws.accessKeyId", KEY_A);
        set("aws.secretAccessKey", "secretA");
        assertTrue(tablesSeenBy(url()).contains(table), "same keys, same database: " + tablesSeenBy(url()));

        set("aws.accessKeyId", KEY_B);
        set("aws.secretAccessKey", "secretB");
        assertFalse(tablesSeenBy(url()).contains(table), "other keys, another database");
    }

    @Test
    void aNamedProfileInTheUrlSelectsItsKeys() throws Exception {
        for (String p : PROPERTIES) set(p, null);
        Path dir = Files.createTempDirectory("ddbc-profiles");
        Path credentials = Files.writeString(dir.resolve("credentials"), "[local-a]\naws_access_key_id = " + KEY_A
                + "\naws_secret_access_key = secretA\n\n[local-b]\naws_access_key_id = " + KEY_B + "\naws_secret_access_key = secretB\n");
        Path config = Files.writeString(dir.resolve("config"), "");
        set("aws.sharedCredentialsFile", credentials.toString());
        set("aws.configFile", config.toString());
        assertTrue(tablesSeenBy(url() + "&profile=local-a").contains(table));
        assertFalse(tablesSeenBy(url() + "&profile=local-b").contains(table));
    }

    @Test
    void withNothingConfiguredLoopbackStillWorksWithDummyKeys() throws Exception {
        for (String p : PROPERTIES) set(p, null);
        Path dir = Files.createTempDirectory("ddbc-no-profiles");
        set("aws.sharedCredentialsFile", dir.resolve("absent-credentials").toString());
        set("aws.configFile", dir.resolve("absent-config").toString());
        // Environment variables cannot be cleared from Java: only check when none are set.
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null);
        assertEquals(List.of(), tablesSeenBy(url()).stream().filter(table::equals).toList(), "the dummy keys' own database");
    }
}
