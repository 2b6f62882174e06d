package io.ddbc.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DeleteTableRequest;
import io.ddbc.api.TableDescription;
import io.ddbc.api.TableSpec;
import io.ddbc.spi.Backend;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;

/**
 * Global tables on AWS (no endpoint overrides), against mocked regional clients since DynamoDB Local has no
 * global tables: the requests ddbc sends to create and delete a global table, and wrapRegions' checks.
 */
class GlobalTableAdminTest {
    private static final TableSpec SPEC = TableSpec.builder("accounts").partitionKey("id", AttributeValue.Type.S).build();

    /** A client of a region that answers DescribeTable with an ACTIVE table and accepts table changes. */
    private static DynamoDbClient regionalClient(Region region) {
        DynamoDbClient c = mock(DynamoDbClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
        // doReturn: the real default methods throw UnsupportedOperationException, so stubbing must not call them
        doReturn(DynamoDbServiceClientConfiguration.builder().region(region).build()).when(c).serviceClientConfiguration();
        doReturn(DescribeTableResponse.builder().table(t -> t
                .tableName("accounts").tableStatus(TableStatus.ACTIVE)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
                .billingModeSummary(b -> b.billingMode(BillingMode.PAY_PER_REQUEST))).build())
                .when(c).describeTable(any(DescribeTableRequest.class));
        doReturn(CreateTableResponse.builder().build()).when(c).createTable(any(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.class));
        doReturn(UpdateTableResponse.builder().build()).when(c).updateTable(any(UpdateTableRequest.class));
        doReturn(DeleteTableResponse.builder().build()).when(c).deleteTable(any(software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest.class));
        // ddbc's declarations: the metadata table does not exist in these regions.
        doThrow(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.builder().message("no ddbc_metadata").build())
                .when(c).getItem(any(software.amazon.awssdk.services.dynamodb.model.GetItemRequest.class));
        doThrow(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.builder().message("no ddbc_metadata").build())
                .when(c).deleteItem(any(software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest.class));
        doNothing().when(c).close();
        return c;
    }

    private static Map<String, DynamoDbClient> clients(String... regions) {
        Map<String, DynamoDbClient> m = new LinkedHashMap<>();
        for (String r : regions) m.put(r, regionalClient(Region.of(r)));
        return m;
    }

    @Test
    void createTableMakesTheHomeTableWithAStreamThenOneReplicaPerOtherRegion() {
        Map<String, DynamoDbClient> clients = clients("us-east-1", "eu-west-1", "ap-southeast-2");
        DynamoDbClient home = clients.get("us-east-1");
        try (Backend b = AwsBackend.wrapRegions(clients)) {
            assertEquals("aws-global:ap-southeast-2,eu-west-1,us-east-1", b.sessionScope());
            TableDescription d = b.createTable(new CreateTableRequest(SPEC));
            assertEquals(SPEC, d.spec());
        }
        var created = ArgumentCaptor.forClass(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.class);
        verify(home).createTable(created.capture());
        assertTrue(created.getValue().streamSpecification().streamEnabled());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, created.getValue().streamSpecification().streamViewType(),
                "global tables 2019.11.21 replicate from a stream of new and old images");

        var updates = ArgumentCaptor.forClass(UpdateTableRequest.class);
        InOrder order = inOrder(home, clients.get("eu-west-1"), clients.get("ap-southeast-2"));
        order.verify(home).createTable(any(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.class));
        order.verify(home).updateTable(updates.capture());
        order.verify(clients.get("eu-west-1"), atLeastOnce()).describeTable(any(DescribeTableRequest.class));
        order.verify(home).updateTable(updates.capture());
        order.verify(clients.get("ap-southeast-2"), atLeastOnce()).describeTable(any(DescribeTableRequest.class));
        List<String> replicas = updates.getAllValues().stream().map(u -> u.replicaUpdates().get(0).create().regionName()).toList();
        assertEquals(List.of("eu-west-1", "ap-southeast-2"), replicas, "one replica per UpdateTable, in region order");
        for (String other : List.of("eu-west-1", "ap-southeast-2")) {
            verify(clients.get(other), never()).createTable(any(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.class));
            verify(clients.get(other), never()).close();
        }
        verify(home, never()).close(); // the application's clients
    }

    @Test
    void deleteTableRemovesTheReplicasThenTheHomeTable() {
        Map<String, DynamoDbClient> clients = clients("eu-west-1", "us-east-1");
        DynamoDbClient home = clients.get("eu-west-1");
        try (Backend b = AwsBackend.wrapRegions(clients)) {
            assertEquals("DELETING", b.deleteTable(new DeleteTableRequest("accounts")).status());
        }
        var update = ArgumentCaptor.forClass(UpdateTableRequest.class);
        InOrder order = inOrder(home);
        order.verify(home).updateTable(update.capture());
        order.verify(home).deleteTable(any(software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest.class));
        assertEquals("us-east-1", update.getValue().replicaUpdates().get(0).delete().regionName());
        verify(clients.get("us-east-1"), never()).deleteTable(any(software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest.class));
    }

    @Test
    void aRegionsViewCreatesTheGlobalTableFromItsOwnRegion() {
        Map<String, DynamoDbClient> clients = clients("us-east-1", "eu-west-1");
        DynamoDbClient eu = clients.get("eu-west-1");
        try (Backend b = AwsBackend.wrapRegions(clients)) {
            b.region("eu-west-1").createTable(new CreateTableRequest(SPEC));
        }
        var created = ArgumentCaptor.forClass(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.class);
        var update = ArgumentCaptor.forClass(UpdateTableRequest.class);
        InOrder order = inOrder(eu, clients.get("us-east-1"));
        order.verify(eu).createTable(created.capture());
        order.verify(eu).updateTable(update.capture());
        order.verify(clients.get("us-east-1"), atLeastOnce()).describeTable(any(DescribeTableRequest.class));
        assertTrue(created.getValue().streamSpecification().streamEnabled());
        assertEquals("us-east-1", update.getValue().replicaUpdates().get(0).create().regionName());
        verify(clients.get("us-east-1"), never()).createTable(any(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.class));
        verify(clients.get("us-east-1"), never()).updateTable(any(UpdateTableRequest.class));
    }

    @Test
    void awsEndpointOverridesStillMakeAGlobalTable() {
        Map<String, DynamoDbClient> clients = clients("us-east-1", "eu-west-1");
        for (var e : clients.entrySet()) {
            doReturn(DynamoDbServiceClientConfiguration.builder().region(Region.of(e.getKey()))
                    .endpointOverride(URI.create("https://vpce-1a2b.dynamodb." + e.getKey() + ".vpce.amazonaws.com")).build())
                    .when(e.getValue()).serviceClientConfiguration();
        }
        try (Backend b = AwsBackend.wrapRegions(clients)) {
            assertTrue(b.sessionScope().startsWith("aws-global:eu-west-1=https://vpce-1a2b"), b.sessionScope());
            b.createTable(new CreateTableRequest(SPEC));
        }
        verify(clients.get("us-east-1")).updateTable(any(UpdateTableRequest.class));
        verify(clients.get("eu-west-1"), never()).createTable(any(software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.class));
    }

    @Test
    void wrapRegionsRefusesInconsistentClients() {
        assertRefused(clients("us-east-1"), "at least two regions");
        assertRefused(null, "at least two regions");
        assertRefused(clients("us-east-1", "Europe"), "'Europe' is not a region name");

        Map<String, DynamoDbClient> mislabelled = new LinkedHashMap<>();
        mislabelled.put("us-east-1", regionalClient(Region.US_EAST_1));
        mislabelled.put("eu-west-1", regionalClient(Region.EU_CENTRAL_1));
        assertRefused(mislabelled, "the client for region 'eu-west-1' is configured for region 'eu-central-1'");

        DynamoDbClient one = regionalClient(Region.US_EAST_1);
        Map<String, DynamoDbClient> shared = new LinkedHashMap<>();
        shared.put("us-east-1", one);
        shared.put("eu-west-1", one);
        assertRefused(shared, "region 'eu-west-1' has the same client as another region");

        Map<String, DynamoDbClient> mixed = clients("us-east-1", "eu-west-1");
        doReturn(DynamoDbServiceClientConfiguration.builder().region(Region.EU_WEST_1).endpointOverride(URI.create("http://127.0.0.1:1")).build())
                .when(mixed.get("eu-west-1")).serviceClientConfiguration();
        assertRefused(mixed, "either every region is a standalone endpoint (e.g. DynamoDB Local) or none is");

        Map<String, DynamoDbClient> withNull = new LinkedHashMap<>();
        withNull.put("us-east-1", regionalClient(Region.US_EAST_1));
        withNull.put("eu-west-1", null);
        assertRefused(withNull, "the client for region 'eu-west-1' is null");
    }

    private static void assertRefused(Map<String, DynamoDbClient> clients, String expected) {
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> AwsBackend.wrapRegions(clients));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.isRetryable());
    }
}
