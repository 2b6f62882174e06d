package io.ddbc.core.internal;

import static org.junit.jupiter.api.Assertions.*;

import io.ddbc.api.*;
import io.ddbc.core.Ddbc;
import io.ddbc.core.RetryPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routing, session and version decisions, seen through the requests the backend receives. */
class RoutingTest {
    static final TableSpec VERSIONED = TableSpec.builder("tbl").partitionKey("id", AttributeValue.Type.S).versionAttribute("v").build();
    static final TableSpec PLAIN = TableSpec.builder("plain").partitionKey("id", AttributeValue.Type.S).build();
    static final Key K = Key.of("id", "a");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    DdbcClient client(RecordingBackend b) {
        return Ddbc.builder().backend(b.table(VERSIONED).table(PLAIN)).meterRegistry(registry).retry(RetryPolicy.none()).build();
    }

    static Item v(long version) {
        return Item.of("id", "a", "v", version, "x", "val" + version);
    }

    @Test
    void sessionReadOnPositionsBackendIsEventualWithTheSessionsPositions() {
        RecordingBackend b = new RecordingBackend(true);
        Positions written = Positions.of("t#0", 42);
        b.reply("UpdateItem", r -> WriteResult.of(v(1), ConsumedCapacity.ofTable("tbl", 0, 1), written));
        try (DdbcClient c = client(b)) {
            DdbcSession s = c.newSession();
            s.table("tbl").update(K).expression("SET x = :x").value(":x", "y").execute();
            s.table("tbl").get(K).execute();
            GetRequest sent = b.sent(GetRequest.class).get(0);
            assertEquals(Consistency.EVENTUAL, sent.consistency());
            assertEquals(42, sent.minPositions().required("t#0"));
        }
    }

    @Test
    void sessionReadWithoutPositionsUpgradesWhenTheItemIsOlderThanTheSessionKnows() {
        RecordingBackend b = new RecordingBackend(false);
        b.reply("UpdateItem", r -> WriteResult.of(v(5), ConsumedCapacity.NONE, null));
        b.reply("GetItem", r -> RecordingBackend.item(v(4), 0.5, null));
        b.reply("GetItem", r -> RecordingBackend.item(v(5), 1, null));
        try (DdbcClient c = client(b)) {
            DdbcSession s = c.newSession();
            s.table("tbl").update(K).expression("SET x = :x").value(":x", "y").execute();
            GetResult r = s.table("tbl").get(K).execute();
            assertEquals(5, r.version().getAsLong());
            List<GetRequest> gets = b.sent(GetRequest.class);
            assertEquals(List.of(Consistency.EVENTUAL, Consistency.STRONG), gets.stream().map(GetRequest::consistency).toList());
            assertEquals(1.0, registry.find("ddbc.session.upgrades").counters().stream().mapToDouble(counter -> counter.count()).sum());
        }
    }

    @Test
    void sessionReadWithoutPositionsStaysEventualWhenFreshEnough() {
        RecordingBackend b = new RecordingBackend(false);
        b.reply("UpdateItem", r -> WriteResult.of(v(5), ConsumedCapacity.NONE, null));
        b.reply("GetItem", r -> RecordingBackend.item(v(5), 0.5, null));
        try (DdbcClient c = client(b)) {
            DdbcSession s = c.newSession();
            s.table("tbl").update(K).expression("SET x = :x").value(":x", "y").execute();
            s.table("tbl").get(K).execute();
            assertEquals(1, b.sent(GetRequest.class).size());
            assertEquals(0.0, registry.find("ddbc.session.upgrades").counters().stream().mapToDouble(counter -> counter.count()).sum());
        }
    }

    @Test
    void unversionedTableWithoutPositionsReadsKeysTheSessionWroteStrongly() {
        RecordingBackend b = new RecordingBackend(false);
        try (DdbcClient c = client(b)) {
            DdbcSession s = c.newSession();
            s.table("plain").put(Item.of("id", "a")).execute();
            s.table("plain").get(K).execute();
            s.table("plain").get(Key.of("id", "other")).execute();
            assertEquals(List.of(Consistency.STRONG, Consistency.EVENTUAL),
                    b.sent(GetRequest.class).stream().map(GetRequest::consistency).toList());
        }
    }

    @Test
    void sessionReadOutsideASessionUsesTheClientsImplicitSession() {
        RecordingBackend b = new RecordingBackend(false);
        b.reply("PutItem", r -> WriteResult.of(null, ConsumedCapacity.NONE, null));
        try (DdbcClient c = client(b)) {
            c.table("plain").put(Item.of("id", "a")).execute();
            c.table("plain").get(K).consistency(Consistency.SESSION).execute();
            assertEquals(Consistency.STRONG, b.sent(GetRequest.class).get(0).consistency());
        }
    }

    @Test
    void minVersionEscalatesEventualThenStrongThenFails() {
        RecordingBackend b = new RecordingBackend(false);
        b.reply("GetItem", r -> RecordingBackend.item(v(2), 0.5, null));
        b.reply("GetItem", r -> RecordingBackend.item(v(3), 1, null));
        try (DdbcClient c = client(b)) {
            StaleReadException e = assertThrows(StaleReadException.class, () -> c.table("tbl").get(K).minVersion(4).execute());
            assertEquals(4, e.requiredVersion());
            assertEquals(3, e.seenVersion());
            assertEquals(List.of(Consistency.EVENTUAL, Consistency.STRONG),
                    b.sent(GetRequest.class).stream().map(GetRequest::consistency).toList());
            assertTrue(b.sent(GetRequest.class).stream().allMatch(g -> g.minVersion().isEmpty()), "the core checks minVersion itself");
        }
    }

    @Test
    void versionedUpdateAsksAllNewButReturnsOnlyWhatTheUserAskedFor() {
        RecordingBackend b = new RecordingBackend(true);
        b.reply("UpdateItem", r -> WriteResult.of(v(8), ConsumedCapacity.NONE, null));
        try (DdbcClient c = client(b)) {
            WriteResult r = c.table("tbl").update(K).expression("SET x = :x ADD n :one").value(":x", "y").value(":one", 1)
                    .condition("x <> :x").expectVersion(7).execute();
            assertTrue(r.attributes().isEmpty());
            assertEquals(8, r.version().getAsLong());
            UpdateRequest sent = b.sent(UpdateRequest.class).get(0);
            assertEquals("SET #ddbc_w = :ddbc_w, x = :x ADD #ddbc_v :ddbc_one, n :one", sent.updateExpression());
            assertEquals("(x <> :x) AND (#ddbc_v = :ddbc_e)", sent.condition());
            assertEquals(ReturnValues.ALL_NEW, sent.returnValues());
            assertTrue(sent.expectVersion().isEmpty(), "backends never see expectVersion");
            assertEquals(AttributeValue.n(7), sent.expressions().values().get(":ddbc_e"));
        }
    }

    @Test
    void failedVersionConditionBecomesVersionConflictWithTheCurrentItem() {
        RecordingBackend b = new RecordingBackend(true);
        b.reply("PutItem", r -> {
            throw new ConditionFailedException("tbl", K, "#ddbc_v = :ddbc_e", v(9));
        });
        try (DdbcClient c = client(b)) {
            VersionConflictException e = assertThrows(VersionConflictException.class,
                    () -> c.table("tbl").put(Item.of("id", "a", "x", "new")).expectVersion(3).execute());
            assertEquals(9, e.actualVersion().getAsLong());
            assertEquals(3, e.expectedVersion());
            assertEquals(v(9), e.currentItem().orElseThrow());
            PutRequest sent = b.sent(PutRequest.class).get(0);
            assertEquals(AttributeValue.n(4), sent.item().get("v"));
        }
    }

    @Test
    void userConditionFailureOnTheRightVersionStaysAConditionFailure() {
        RecordingBackend b = new RecordingBackend(true);
        b.reply("DeleteItem", r -> {
            throw new ConditionFailedException("tbl", K, "(x = :x) AND (#ddbc_v = :ddbc_e)", v(3));
        });
        try (DdbcClient c = client(b)) {
            ConditionFailedException e = assertThrows(ConditionFailedException.class,
                    () -> c.table("tbl").delete(K).condition("x = :x").value(":x", "q").expectVersion(3).execute());
            assertFalse(e instanceof VersionConflictException);
        }
    }

    @Test
    void putWithoutExpectVersionOnAVersionedTableIsACompareAndSet() {
        RecordingBackend b = new RecordingBackend(true);
        b.reply("GetItem", r -> RecordingBackend.item(Item.of("v", 2), 1, null));
        b.reply("PutItem", r -> {
            throw new ConditionFailedException("tbl", K, null, v(3));
        });
        b.reply("GetItem", r -> RecordingBackend.item(Item.of("v", 3), 1, null));
        try (DdbcClient c = client(b)) {
            WriteResult r = c.table("tbl").put(Item.of("id", "a", "x", "z")).execute();
            assertEquals(4, r.version().getAsLong());
            List<PutRequest> puts = b.sent(PutRequest.class);
            assertEquals(2, puts.size());
            assertEquals(AttributeValue.n(4), puts.get(1).item().get("v"));
            assertTrue(b.sent(GetRequest.class).stream().allMatch(g -> g.consistency() == Consistency.STRONG));
        }
    }

    @Test
    void newItemsStartAtOneAndExpectVersionZeroMeansAbsent() {
        RecordingBackend b = new RecordingBackend(true);
        try (DdbcClient c = client(b)) {
            WriteResult r = c.table("tbl").put(Item.of("id", "a")).expectVersion(0).execute();
            assertEquals(1, r.version().getAsLong());
            assertEquals("attribute_not_exists(#ddbc_v)", b.sent(PutRequest.class).get(0).condition());
        }
    }

    @Test
    void transactionActionsAreVersionedOneByOne() {
        RecordingBackend b = new RecordingBackend(true);
        try (DdbcClient c = client(b)) {
            TransactWriteResult r = c.transactWrite()
                    .update(UpdateRequest.builder("tbl", K).expression("SET x = :x").value(":x", 1).expectVersion(4).build())
                    .put(PutRequest.builder("plain", Item.of("id", "b")).build())
                    .conditionCheck(ConditionCheck.version("tbl", Key.of("id", "c"), 2))
                    .clientToken("tok-1").execute();
            assertEquals(5, r.versions().get(0).getAsLong());
            assertTrue(r.versions().get(1).isEmpty());
            TransactWriteRequest sent = b.sent(TransactWriteRequest.class).get(0);
            assertEquals("tok-1", sent.clientToken().orElseThrow());
            assertEquals("SET #ddbc_w = :ddbc_w, x = :x ADD #ddbc_v :ddbc_one", ((UpdateRequest) sent.actions().get(0).write()).updateExpression());
            assertEquals("#ddbc_v = :ddbc_e", sent.actions().get(2).check().condition());
            assertNull(sent.actions().get(2).check().expectVersion());
        }
    }

    @Test
    void sessionQueryWithoutPositionsIsStrongOnATableTheSessionWrote() {
        RecordingBackend b = new RecordingBackend(false);
        try (DdbcClient c = client(b)) {
            DdbcSession s = c.newSession();
            s.table("plain").query().keyCondition("id = :a").value(":a", "a").execute();
            s.table("plain").put(Item.of("id", "a")).execute();
            s.table("plain").query().keyCondition("id = :a").value(":a", "a").execute();
            assertEquals(List.of(Consistency.EVENTUAL, Consistency.STRONG),
                    b.sent(QueryRequest.class).stream().map(QueryRequest::consistency).toList());
        }
    }

    @Test
    void expectVersionOnAnUnversionedTableIsRefusedNamingTheTable() {
        RecordingBackend b = new RecordingBackend(true);
        try (DdbcClient c = client(b)) {
            ValidationException e = assertThrows(ValidationException.class, () -> c.table("plain").delete(K).expectVersion(1).execute());
            assertTrue(e.getMessage().contains("'plain'"), e.getMessage());
        }
    }

    @Test
    void updatesMayNotWriteTheManagedVersionAttribute() {
        RecordingBackend b = new RecordingBackend(true);
        try (DdbcClient c = client(b)) {
            assertThrows(ValidationException.class, () -> c.table("tbl").update(K).expression("SET v = :x").value(":x", 1).execute());
            assertThrows(ValidationException.class, () -> c.table("tbl").update(K).expression("SET #a = :x").name("#a", "v").value(":x", 1).execute());
            // ":v" is a value placeholder and "a.v" a nested path, not the version attribute
            c.table("tbl").update(K).expression("SET x = :v, a.v = :v").value(":v", 1).execute();
        }
    }

    @Test
    void metricsRecordRequestsAndCapacityByTable() {
        RecordingBackend b = new RecordingBackend(true);
        b.reply("GetItem", r -> RecordingBackend.item(v(1), 0.5, null));
        try (DdbcClient c = client(b)) {
            c.table("tbl").get(K).execute();
            assertEquals(1, registry.get("ddbc.requests").tags("op", "GetItem", "table", "tbl", "consistency", "EVENTUAL", "outcome", "success")
                    .timer().count());
            assertEquals(0.5, registry.get("ddbc.capacity.read").tags("table", "tbl").counter().count());
        }
    }
}
