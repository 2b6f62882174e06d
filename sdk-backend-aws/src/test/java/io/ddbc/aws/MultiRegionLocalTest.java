package io.ddbc.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DdbcException;
import io.ddbc.api.DeleteTableRequest;
import io.ddbc.api.DescribeTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.ResourceNotFoundException;
import io.ddbc.api.TableSpec;
import io.ddbc.aws.testing.DynamoDbLocalServer;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A multi-region backend over two DynamoDB Local servers on 127.0.0.1, one per region. DynamoDB Local has
 * no global tables, so each server is an independent region: nothing written in one appears in the other.
 * The direct clients sign for the server's region with the backend's key (DynamoDB Local keeps one database per
 * access key and region).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiRegionLocalTest {
    private static final AtomicInteger TABLES = new AtomicInteger();

    private DynamoDbLocalServer us;
    private DynamoDbLocalServer eu;
    private DynamoDbClient usDirect;
    private DynamoDbClient euDirect;

    @BeforeAll
    void startServers() {
        us = DynamoDbLocalServer.start();
        eu = DynamoDbLocalServer.start();
        usDirect = us.clientBuilder().region(Region.US_EAST_1).build();
        euDirect = eu.clientBuilder().region(Region.EU_WEST_1).build();
    }

    @AfterAll
    void stopServers() {
        try (var a = usDirect; var b = euDirect; var c = us; var d = eu) {
            // closed in reverse order, each even if another fails
        }
    }

    private Backend open() {
        DdbcUrl url = DdbcUrl.parse("ddbc:aws:?regions=us-east-1,eu-west-1&endpoint=" + us.endpoint() + "," + eu.endpoint());
        // the harness's clients' key: DynamoDB Local keeps one database per access key and region
        Properties keys = new Properties();
        keys.setProperty("aws.accessKeyId", "dummy");
        keys.setProperty("aws.secretAccessKey", "dummy");
        return BackendProviders.find(url, getClass().getClassLoader()).open(url, keys);
    }

    private static String newTable(Backend b) {
        String name = "regional_" + TABLES.incrementAndGet();
        b.createTable(new CreateTableRequest(TableSpec.builder(name).partitionKey("id", AttributeValue.Type.S).build()));
        return name;
    }

    private static Optional<Item> strongGet(Backend b, String table, String id) {
        return b.get(GetRequest.builder(table, Key.of("id", id)).consistency(Consistency.STRONG).build()).item();
    }

    private static Optional<String> directGet(DynamoDbClient c, String table, String id) {
        var resp = c.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id))));
        return resp.hasItem() && !resp.item().isEmpty() ? Optional.of(resp.item().get("v").s()) : Optional.empty();
    }

    @Test
    void twoServersRunSideBySideOnLoopback() throws Exception {
        assertTrue(us.port() != eu.port());
        assertEquals(List.of("127.0.0.1"), DynamoDbLocalHarnessTest.listeningAddresses(us.port()));
        assertEquals(List.of("127.0.0.1"), DynamoDbLocalHarnessTest.listeningAddresses(eu.port()));
    }

    @Test
    void createTableThroughTheRootCreatesItInEveryRegion() {
        try (Backend b = open()) {
            String t = newTable(b);
            assertTrue(usDirect.listTables().tableNames().contains(t));
            assertTrue(euDirect.listTables().tableNames().contains(t));
            assertEquals("ACTIVE", b.region("eu-west-1").describeTable(new DescribeTableRequest(t)).status());

            b.deleteTable(new DeleteTableRequest(t));
            assertFalse(usDirect.listTables().tableNames().contains(t));
            assertFalse(euDirect.listTables().tableNames().contains(t));
        }
    }

    @Test
    void aRegionsViewCreatesAndDeletesInEveryRegionToo() {
        try (Backend b = open()) {
            String t = "via_eu_" + TABLES.incrementAndGet();
            b.region("eu-west-1").createTable(new CreateTableRequest(TableSpec.builder(t).partitionKey("id", AttributeValue.Type.S).build()));
            assertTrue(euDirect.listTables().tableNames().contains(t));
            assertTrue(usDirect.listTables().tableNames().contains(t), "every region holds every table");
            assertEquals("ACTIVE", b.describeTable(new DescribeTableRequest(t)).status());
            b.region("eu-west-1").deleteTable(new DeleteTableRequest(t));
            assertFalse(euDirect.listTables().tableNames().contains(t));
            assertFalse(usDirect.listTables().tableNames().contains(t));
            assertThrows(ResourceNotFoundException.class, () -> b.deleteTable(new DeleteTableRequest(t)));
        }
    }

    @Test
    void eachRegionsViewReachesItsOwnEndpointAndNothingReplicates() {
        try (Backend b = open()) {
            String t = newTable(b);
            b.put(PutRequest.builder(t, Item.of("id", "a", "v", "from-home")).build());
            b.region("eu-west-1").put(PutRequest.builder(t, Item.of("id", "b", "v", "from-eu")).build());

            assertEquals(Optional.of("from-home"), directGet(usDirect, t, "a"), "the root writes to the home region's endpoint");
            assertEquals(Optional.empty(), directGet(euDirect, t, "a"), "a write in us-east-1 is not replicated by DynamoDB Local");
            assertEquals(Optional.of("from-eu"), directGet(euDirect, t, "b"));
            assertEquals(Optional.empty(), directGet(usDirect, t, "b"));

            assertEquals(Optional.empty(), strongGet(b.region("eu-west-1"), t, "a"));
            assertEquals("from-home", strongGet(b.region("us-east-1"), t, "a").orElseThrow().getString("v"));
            assertEquals(Optional.empty(), strongGet(b, t, "b"));
            b.deleteTable(new DeleteTableRequest(t));
        }
    }

    @Test
    void closingAViewDoesNothingClosingTheRootClosesEveryRegion() {
        Backend b = open();
        String t = newTable(b);
        Backend euView = b.region("eu-west-1");
        DynamoDbClient usClient = b.unwrap(DynamoDbClient.class);
        DynamoDbClient euClient = euView.unwrap(DynamoDbClient.class);
        euView.close();
        b.region("us-east-1").close();
        euView.put(PutRequest.builder(t, Item.of("id", "x", "v", "still open")).build());
        assertEquals("still open", strongGet(euView, t, "x").orElseThrow().getString("v"));
        b.deleteTable(new DeleteTableRequest(t));

        b.close();
        b.close(); // idempotent
        for (Backend closed : List.of(b, euView, b.region("us-east-1"))) {
            DdbcException e = assertThrows(DdbcException.class, () -> strongGet(closed, t, "x"));
            assertTrue(e.getMessage().contains("closed"), e.getMessage());
        }
        // the SDK clients themselves are closed: their connection pools refuse work
        for (DynamoDbClient c : List.of(usClient, euClient)) {
            assertThrows(RuntimeException.class, () -> c.listTables());
        }
    }

    @Test
    void wrapRegionsLeavesTheApplicationsClientsOpen() {
        Map<String, DynamoDbClient> clients = new LinkedHashMap<>();
        clients.put("eu-west-1", euDirect);
        clients.put("us-east-1", usDirect);
        String t;
        try (Backend b = AwsBackend.wrapRegions(clients)) {
            assertEquals(List.of("eu-west-1", "us-east-1"), b.regions());
            try (Backend viaUrl = open()) {
                assertEquals(viaUrl.sessionScope(), b.sessionScope(), "same endpoints per region, same scope, whatever the home");
            }
            t = newTable(b);
            b.put(PutRequest.builder(t, Item.of("id", "w", "v", "eu home")).build());
        }
        assertEquals(Optional.of("eu home"), directGet(euDirect, t, "w"), "the wrapped clients still work after close");
        assertEquals(Optional.empty(), directGet(usDirect, t, "w"));
        usDirect.deleteTable(d -> d.tableName(t));
        euDirect.deleteTable(d -> d.tableName(t));
    }
}
