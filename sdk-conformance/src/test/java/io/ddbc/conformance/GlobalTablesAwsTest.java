package io.ddbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.SessionToken;
import io.ddbc.api.StaleReadException;
import io.ddbc.api.TableSpec;
import io.ddbc.api.ValidationException;
import io.ddbc.api.VersionConflictException;
import io.ddbc.aws.testing.DynamoDbLocalServer;
import io.ddbc.core.Ddbc;
import io.ddbc.core.WriteAffinity;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cross-region session reads through the client core over the AWS adapter, with two DynamoDB Local servers on
 * 127.0.0.1 as us-east-1 and eu-west-1. DynamoDB Local has no global tables, so this test is the replication:
 * {@link #replicate} copies an item from us-east-1 to eu-west-1 by hand, adding the attribute {@value #ARRIVED} so
 * a read shows which region answered it. A session writes in us-east-1 and is resumed with home eu-west-1; its
 * reads must be fresh (served where the write is, or where it has arrived) or refused — never stale.
 */
class GlobalTablesAwsTest {
    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";
    private static final String ARRIVED = "replicated";

    private String url;
    private DynamoDbLocalServer us;
    private DynamoDbLocalServer eu;
    private Backend backend;
    private SimpleMeterRegistry meters;
    private DdbcClient client;
    private String versioned;
    private String plain;

    @BeforeEach
    void start() {
        us = DynamoDbLocalServer.start();
        eu = DynamoDbLocalServer.start();
        // one SDK attempt and short timeouts: a stopped region fails fast
        url = "ddbc:aws://" + US + "," + EU + "?endpoint=" + us.endpoint() + "," + eu.endpoint()
                + "&sdkMaxAttempts=1&connectTimeout=500ms&apiCallTimeout=5s";
        DdbcUrl parsed = DdbcUrl.parse(url);
        backend = BackendProviders.find(parsed, getClass().getClassLoader()).open(parsed, new Properties());
        versioned = Fixture.uniqueName("gt_versioned");
        plain = Fixture.uniqueName("gt_plain");
        meters = new SimpleMeterRegistry();
        client = Ddbc.builder().backend(backend).versionAttribute(versioned, "version").crossRegionWait(Duration.ofMillis(300))
                .meterRegistry(meters).build();
        client.createTable(TableSpec.builder(versioned).partitionKey("id", AttributeValue.Type.S).versionAttribute("version").build());
        client.createTable(TableSpec.builder(plain).partitionKey("id", AttributeValue.Type.S).build());
    }

    @AfterEach
    void stop() {
        try (var a = eu; var b = us; var c = backend; var d = client) {
            // closed in reverse order, each even if another fails
        }
    }

    /** "Replication arrived": the item as us-east-1 has it now, written to eu-west-1, marked. */
    private void replicate(String table, String id) {
        Item item = backend.region(US).get(GetRequest.builder(table, Key.of("id", id)).consistency(Consistency.STRONG).build())
                .item().orElseThrow();
        backend.region(EU).put(PutRequest.builder(table, item.with(ARRIVED, true)).build());
    }

    private Optional<Item> inRegion(String region, String table, String id) {
        return backend.region(region).get(GetRequest.builder(table, Key.of("id", id)).consistency(Consistency.STRONG).build()).item();
    }

    private double outcome(String outcome) {
        return meters.find("ddbc.session.cross_region").tag("outcome", outcome).counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    /** A session in us-east-1 puts v1 (replicated to eu-west-1), then updates to v2 (not yet replicated). */
    private SessionToken writeInUsWithStaleCopyInEu(String table) {
        DdbcSession writer = client.newSession(US);
        writer.table(table).put(Item.of("id", "a", "balance", 100)).execute();
        replicate(table, "a");
        writer.table(table).update(Key.of("id", "a")).expression("SET balance = :b").value(":b", 600).execute();
        assertEquals(100, inRegion(EU, table, "a").orElseThrow().getNumber("balance").intValue(), "eu-west-1 holds the old balance");
        assertEquals(Set.of(US), writer.token().regions(), "the token says where its writes were made");
        return writer.token();
    }

    @Test
    void versionedReadIsRoutedToTheWritingRegionUntilReplicationArrivesThenServedAtHome() {
        SessionToken token = writeInUsWithStaleCopyInEu(versioned);
        DdbcSession reader = client.resumeSession(token, EU);
        assertEquals(EU, reader.homeRegion());

        Item before = reader.table(versioned).get(Key.of("id", "a")).execute().item().orElseThrow();
        assertEquals(600, before.getNumber("balance").intValue(), "never the stale 100 from eu-west-1");
        assertFalse(before.has(ARRIVED), "answered by us-east-1");
        assertEquals(1.0, outcome("routed"));

        replicate(versioned, "a");
        Item after = reader.table(versioned).get(Key.of("id", "a")).execute().item().orElseThrow();
        assertEquals(600, after.getNumber("balance").intValue());
        assertTrue(after.has(ARRIVED), "answered by eu-west-1 once it caught up");
        assertEquals(1.0, outcome("caught_up"));
    }

    @Test
    void versionedReadWaitsForReplicationArrivingWithinTheWait() throws Exception {
        SessionToken token = writeInUsWithStaleCopyInEu(versioned);
        try (DdbcClient patient = Ddbc.builder().backend(backend).versionAttribute(versioned, "version")
                .crossRegionWait(Duration.ofSeconds(10)).meterRegistry(meters).build()) {
            DdbcSession reader = patient.resumeSession(token, EU);
            CompletableFuture<Void> arrives = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                replicate(versioned, "a");
            });
            Item read = reader.table(versioned).get(Key.of("id", "a")).execute().item().orElseThrow();
            arrives.get(10, TimeUnit.SECONDS);
            assertEquals(600, read.getNumber("balance").intValue());
            assertTrue(read.has(ARRIVED), "waited for eu-west-1 rather than routing");
            assertEquals(1.0, outcome("waited"));
            assertEquals(0.0, outcome("routed"));
        }
    }

    @Test
    void unversionedReadIsRoutedToTheWritingRegionEvenAfterReplication() {
        DdbcSession writer = client.newSession(US);
        writer.table(plain).put(Item.of("id", "a", "note", "v1")).execute();
        replicate(plain, "a");
        DdbcSession reader = client.resumeSession(writer.token(), EU);
        Item read = reader.table(plain).get(Key.of("id", "a")).execute().item().orElseThrow();
        assertEquals("v1", read.getString("note"));
        assertFalse(read.has(ARRIVED), "without versions or positions eu-west-1 cannot prove it has the write: us-east-1 answers");
        assertEquals(1.0, outcome("routed"));
    }

    @Test
    void writingRegionDownMeansStaleReadExceptionNeverAStaleAnswer() {
        SessionToken versionedToken = writeInUsWithStaleCopyInEu(versioned);
        DdbcSession plainWriter = client.newSession(US);
        plainWriter.table(plain).put(Item.of("id", "b", "note", "v1")).execute();
        replicate(plain, "b");
        us.close();

        DdbcSession reader = client.resumeSession(versionedToken, EU);
        StaleReadException e = assertThrows(StaleReadException.class, () -> reader.table(versioned).get(Key.of("id", "a")).execute());
        assertTrue(e.getMessage().contains(versioned) && e.getMessage().contains(EU) && e.getMessage().contains(US), e.getMessage());
        assertEquals(versioned, e.tableName());

        DdbcSession plainReader = client.resumeSession(plainWriter.token(), EU);
        assertThrows(StaleReadException.class, () -> plainReader.table(plain).get(Key.of("id", "b")).execute());
        assertEquals(2.0, outcome("refused"));

        // the region itself still answers reads that ask for no session guarantee
        assertEquals(100, client.newSession(EU).table(versioned).get(Key.of("id", "a")).consistency(Consistency.EVENTUAL).execute()
                .item().orElseThrow().getNumber("balance").intValue());
    }

    @Test
    void tablesExistInBothRegionsAndASessionWithoutForeignWritesReadsAtHome() {
        assertEquals(List.of(US, EU), client.regions());
        assertEquals(US, client.homeRegion());
        DdbcSession local = client.newSession(EU);
        local.table(plain).put(Item.of("id", "c", "note", "eu only")).execute();
        assertEquals(Optional.empty(), inRegion(US, plain, "c"), "nothing replicates between two DynamoDB Locals");
        assertEquals("eu only", local.table(plain).get(Key.of("id", "c")).execute().item().orElseThrow().getString("note"));
        assertEquals(Set.of(EU), local.token().regions());
    }

    @Test
    void aClientConnectedByUrlWithAHomeRegionWritesThere() {
        try (DdbcClient euClient = Ddbc.connect(url + "&home=" + EU)) {
            assertEquals(List.of(EU, US), euClient.regions(), "the client lists its home region first");
            assertEquals(EU, euClient.homeRegion());
            euClient.table(plain).put(Item.of("id", "d", "note", "written at home")).execute();
        }
        assertEquals("written at home", inRegion(EU, plain, "d").orElseThrow().getString("note"));
        assertEquals(Optional.empty(), inRegion(US, plain, "d"));
    }

    /**
     * The seed's conflict-aware versioned update across regions. us-east-1 has version 2 of an item, eu-west-1 still
     * version 1. A fresh session in eu-west-1 reads version 1 and updates expecting it: with home affinity the
     * condition is checked in eu-west-1 only and passes, leaving two different "version 2"s that replication would
     * settle by last writer wins; with us-east-1 owning the item's writes the same update is refused.
     */
    @Test
    void ownerAffinityRefusesTheStaleVersionedUpdateThatHomeAffinityAccepts() {
        Key key = Key.of("id", "a");
        writeInUsWithStaleCopyInEu(versioned);
        try (DdbcClient owned = Ddbc.builder().backend(backend).versionAttribute(versioned, "version")
                .writeAffinity(WriteAffinity.of((table, k) -> US)).build()) {
            DdbcSession reader = owned.newSession(EU);
            assertEquals(1L, reader.table(versioned).get(key).execute().version().getAsLong(), "eu-west-1 serves version 1");
            VersionConflictException e = assertThrows(VersionConflictException.class, () -> reader.table(versioned).update(key)
                    .expression("SET balance = :b").value(":b", 50).expectVersion(1).execute());
            assertTrue(e.getMessage().contains(versioned), e.getMessage());
        }
        assertEquals(600, inRegion(US, versioned, "a").orElseThrow().getNumber("balance").intValue(), "the refused write left no trace");

        DdbcSession homeWriter = client.newSession(EU);
        homeWriter.table(versioned).update(key).expression("SET balance = :b").value(":b", 50).expectVersion(1).execute();
        Item eu = inRegion(EU, versioned, "a").orElseThrow();
        Item us = inRegion(US, versioned, "a").orElseThrow();
        assertEquals(eu.getNumber("version"), us.getNumber("version"), "both regions now hold a version 2 ...");
        assertFalse(eu.getNumber("balance").equals(us.getNumber("balance")), "... with different balances: the LWW hazard");
    }

    @Test
    void ownerAffinitySendsEachItemsWritesToItsOwnerWhateverTheSessionsHome() {
        try (DdbcClient owned = Ddbc.builder().backend(backend)
                .writeAffinity(WriteAffinity.of((table, k) -> k.partitionValue().s().startsWith("eu-") ? EU : US)).build()) {
            owned.newSession(US).table(plain).put(Item.of("id", "eu-1", "note", "from a us session")).execute();
            owned.newSession(EU).table(plain).put(Item.of("id", "us-1", "note", "from an eu session")).execute();
        }
        assertTrue(inRegion(EU, plain, "eu-1").isPresent());
        assertEquals(Optional.empty(), inRegion(US, plain, "eu-1"));
        assertTrue(inRegion(US, plain, "us-1").isPresent());
        assertEquals(Optional.empty(), inRegion(EU, plain, "us-1"));
    }

    /** DynamoDB transactions are regional: one whose items have different owner regions is refused, nothing written. */
    @Test
    void aTransactionAcrossOwnerRegionsIsRefused() {
        try (DdbcClient owned = Ddbc.builder().backend(backend)
                .writeAffinity(WriteAffinity.of((table, k) -> k.partitionValue().s().startsWith("eu-") ? EU : US)).build()) {
            ValidationException e = assertThrows(ValidationException.class, () -> owned.transactWrite()
                    .put(plain, Item.of("id", "eu-t", "n", 1)).put(plain, Item.of("id", "us-t", "n", 1)).execute());
            assertTrue(e.getMessage().contains(EU) && e.getMessage().contains(US), e.getMessage());
            owned.transactWrite().put(plain, Item.of("id", "eu-t", "n", 1)).put(plain, Item.of("id", "eu-u", "n", 1)).execute();
        }
        assertEquals(Optional.empty(), inRegion(US, plain, "us-t"));
        assertTrue(inRegion(EU, plain, "eu-t").isPresent() && inRegion(EU, plain, "eu-u").isPresent(), "one owner: the transaction runs there");
    }

    /** Scans and batch reads take the same cross-region path as GetItem: fresh from the writing region, not eu-west-1's nothing. */
    @Test
    void scansAndBatchReadsOfASessionWithForeignWritesAreRoutedToo() {
        DdbcSession writer = client.newSession(US);
        writer.table(plain).put(Item.of("id", "s1", "note", "us only")).execute();
        DdbcSession reader = client.resumeSession(writer.token(), EU);

        List<Item> scanned = reader.table(plain).scan().stream().toList();
        assertEquals(List.of("s1"), scanned.stream().map(i -> i.getString("id")).toList(), "eu-west-1 has no items; us-east-1 answered");
        List<Item> batch = reader.batchGet().add(plain, Key.of("id", "s1")).execute().items(plain);
        assertEquals(1, batch.size());
        assertEquals(2.0, outcome("routed"));
    }
}
