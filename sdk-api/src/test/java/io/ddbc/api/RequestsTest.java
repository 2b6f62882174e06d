package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.spi.RecordingBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestsTest {

    private static final Key KEY = Key.of("id", "a");

    private static void assertMessage(Throwable e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing in: " + e.getMessage());
    }

    @Test
    void queryWithoutKeyConditionNamesTheTable() {
        assertMessage(assertThrows(ValidationException.class, () -> QueryRequest.builder("orders").build()), "'orders'", "key condition");
        assertThrows(ValidationException.class, () -> QueryRequest.builder("orders").keyCondition("  ").build());
    }

    @Test
    void tableNameAndKeyAreRequired() {
        assertThrows(ValidationException.class, () -> GetRequest.builder("", KEY));
        assertThrows(ValidationException.class, () -> GetRequest.builder(null, KEY));
        assertMessage(assertThrows(ValidationException.class, () -> GetRequest.builder("tbl", null)), "key", "'tbl'");
        assertMessage(assertThrows(ValidationException.class, () -> PutRequest.builder("tbl", null)), "item", "'tbl'");
        assertThrows(ValidationException.class, () -> UpdateRequest.builder("tbl", null));
        assertThrows(ValidationException.class, () -> DeleteRequest.builder("tbl", null));
        assertThrows(ValidationException.class, () -> ScanRequest.builder(""));
        assertThrows(ValidationException.class, () -> new DescribeTableRequest(""));
        assertThrows(ValidationException.class, () -> new DeleteTableRequest(null));
        assertThrows(ValidationException.class, () -> new CreateTableRequest(null));
    }

    @Test
    void placeholdersMustStartWithHashOrColon() {
        GetRequest.Builder b = GetRequest.builder("tbl", KEY);
        assertMessage(assertThrows(ValidationException.class, () -> b.name("n", "attr")), "'n'", "#");
        assertThrows(ValidationException.class, () -> b.name("#", "attr"));
        assertThrows(ValidationException.class, () -> b.name("#n", ""));
        assertMessage(assertThrows(ValidationException.class, () -> b.value("v", 1)), "'v'", ":");
        assertThrows(ValidationException.class, () -> b.value(":", 1));
        assertThrows(ValidationException.class, () -> b.value("#v", 1));
        assertThrows(ValidationException.class, () -> b.names(Map.of("bad", "x")));
        assertThrows(ValidationException.class, () -> b.values(Map.of("bad", 1)));
        GetRequest r = b.name("#n", "attr").value(":v", 1).build();
        assertEquals(Map.of("#n", "attr"), r.expressions().names());
        assertEquals(AttributeValue.n(1), r.expressions().values().get(":v"));
    }

    @Test
    void unboundBuildersExplainHowToExecute() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GetRequest.builder("tbl", KEY).execute());
        assertMessage(e, "not bound", "execute(request)");
        assertThrows(IllegalStateException.class, () -> PutRequest.builder("tbl", Item.of("id", "a")).executeAsync());
        assertThrows(IllegalStateException.class, () -> QueryRequest.builder("tbl").keyCondition("id = :v").pages());
        assertThrows(IllegalStateException.class, () -> BatchWriteRequest.builder().put("tbl", Item.of("id", 1)).execute());
    }

    @Test
    void getRequestRoundTripsThroughToBuilder() {
        GetRequest r = GetRequest.builder("tbl", KEY).consistency(Consistency.STRONG).projection("#a").name("#a", "attr")
                .minVersion(4).minPositions(Positions.of("p", 3)).build();
        GetRequest copy = r.toBuilder().build();
        assertEquals(r, copy);
        assertEquals(r.hashCode(), copy.hashCode());
        assertEquals(4, copy.minVersion().getAsLong());
        assertEquals(3, copy.minPositions().required("p"));
        assertEquals(Consistency.SESSION, r.toBuilder().consistency(Consistency.SESSION).build().consistency());
        assertEquals(Consistency.STRONG, r.consistency(), "the original is untouched");
        assertThrows(ValidationException.class, () -> GetRequest.builder("tbl", KEY).minVersion(-1));
        assertTrue(GetRequest.builder("tbl", KEY).build().minVersion().isEmpty());
    }

    @Test
    void queryRoundTripsThroughToBuilderAndStartingAfter() {
        QueryRequest q = QueryRequest.builder("tbl").keyCondition("pk = :p").value(":p", "x").index("by_x").filter("a > :p")
                .projection("a").limit(10).select(Select.ALL_PROJECTED_ATTRIBUTES).consistency(Consistency.EVENTUAL)
                .scanIndexForward(false).build();
        QueryRequest copy = q.toBuilder().build();
        assertEquals("pk = :p", copy.keyCondition());
        assertEquals("by_x", copy.indexName().orElseThrow());
        assertEquals("a > :p", copy.filter());
        assertEquals("a", copy.projection());
        assertEquals(10, copy.limit());
        assertEquals(Select.ALL_PROJECTED_ATTRIBUTES, copy.select());
        assertFalse(copy.scanIndexForward());
        assertEquals(q.expressions(), copy.expressions());
        Item start = Item.of("pk", "x", "sk", 3);
        QueryRequest next = q.startingAfter(start);
        assertEquals(start, next.exclusiveStartKey());
        assertNull(q.exclusiveStartKey());
        assertEquals(q.keyCondition(), next.keyCondition());
        assertFalse(next.scanIndexForward());
        assertThrows(ValidationException.class, () -> QueryRequest.builder("tbl").limit(0));
        assertTrue(QueryRequest.builder("tbl").keyCondition("k = :k").build().scanIndexForward(), "forward by default");
    }

    @ParameterizedTest
    @CsvSource({"0,1", "3,4", "999999,1000000"})
    void validScanSegments(int segment, int total) {
        ScanRequest s = ScanRequest.builder("tbl").segment(segment, total).build();
        assertEquals(segment, s.segment());
        assertEquals(total, s.totalSegments());
        assertEquals(segment, s.startingAfter(Item.of("id", 1)).segment(), "continuations stay in their segment");
        assertEquals(total, s.toBuilder().build().totalSegments());
    }

    @ParameterizedTest
    @CsvSource({"-1,4", "4,4", "5,4", "0,0", "0,1000001"})
    void invalidScanSegmentsNameTheTable(int segment, int total) {
        assertMessage(assertThrows(ValidationException.class, () -> ScanRequest.builder("tbl").segment(segment, total)), "'tbl'");
    }

    @Test
    void writeRequestsRoundTrip() {
        UpdateRequest u = UpdateRequest.builder("tbl", KEY).expression("SET a = :a").value(":a", 1).condition("attribute_exists(id)")
                .expectVersion(7).returnValues(ReturnValues.ALL_NEW).returnItemOnConditionFailure(false).build();
        UpdateRequest uc = u.toBuilder().build();
        assertEquals("SET a = :a", uc.updateExpression());
        assertEquals("attribute_exists(id)", uc.condition());
        assertEquals(7, uc.expectVersion().getAsLong());
        assertEquals(ReturnValues.ALL_NEW, uc.returnValues());
        assertFalse(uc.returnItemOnConditionFailure());
        assertEquals(u.expressions(), uc.expressions());
        assertEquals(KEY, uc.key());
        assertThrows(ValidationException.class, () -> UpdateRequest.builder("tbl", KEY).expectVersion(-1));

        PutRequest p = PutRequest.builder("tbl", Item.of("id", "a", "x", 1)).condition("attribute_not_exists(id)").key(KEY).build();
        PutRequest pc = p.toBuilder().build();
        assertEquals(p.item(), pc.item());
        assertEquals("attribute_not_exists(id)", pc.condition());
        assertEquals(ReturnValues.NONE, pc.returnValues(), "NONE by default, as in DynamoDB");
        assertTrue(pc.returnItemOnConditionFailure());
        assertEquals(ReturnValues.NONE, PutRequest.builder("tbl", Item.of("id", 1)).returnValues(null).build().returnValues());

        DeleteRequest d = DeleteRequest.builder("tbl", KEY).condition("  ").build();
        assertNull(d.condition(), "a blank condition means none");
        assertEquals(KEY, d.toBuilder().build().key());
    }

    @Test
    void transactWriteClientTokenIsOneTo36Characters() {
        TransactWriteRequest.Builder b = TransactWriteRequest.builder().put("tbl", Item.of("id", 1));
        assertDoesNotThrow(() -> b.clientToken("x".repeat(36)));
        assertEquals("x".repeat(36), b.build().clientToken().orElseThrow());
        assertMessage(assertThrows(ValidationException.class, () -> b.clientToken("x".repeat(37))), "36");
        assertThrows(ValidationException.class, () -> b.clientToken(""));
        assertThrows(ValidationException.class, () -> b.clientToken(null));
    }

    @Test
    void transactWriteCollectsActionsInOrder() {
        TransactWriteRequest t = TransactWriteRequest.builder()
                .put("a", Item.of("id", 1))
                .update(UpdateRequest.builder("b", KEY).expression("SET x = :x").value(":x", 1).build())
                .delete("c", KEY)
                .conditionCheck(ConditionCheck.version("d", KEY, 3))
                .build();
        assertEquals(List.of("a", "b", "c", "d"), t.actions().stream().map(TransactWriteRequest.Action::tableName).toList());
        assertEquals(KEY, t.actions().get(3).key());
        assertEquals(t.actions(), t.toBuilder().build().actions());
        assertThrows(ValidationException.class, () -> TransactWriteRequest.builder().build());
        assertThrows(ValidationException.class, () -> new TransactWriteRequest.Action(null, null));
        assertMessage(assertThrows(ValidationException.class, () -> ConditionCheck.of("tbl", KEY, " ", null)), "'tbl'");
    }

    @Test
    void batchGetConsistencyIsPerTableWithADefault() {
        BatchGetRequest r = BatchGetRequest.builder()
                .consistency("b", Consistency.EVENTUAL)
                .add("a", KEY).add("b", KEY, Key.of("id", "b")).add("c", List.of(KEY))
                .consistency(Consistency.STRONG)
                .build();
        assertEquals(Consistency.STRONG, r.tables().get("a").consistency());
        assertEquals(Consistency.EVENTUAL, r.tables().get("b").consistency(), "the per-table choice wins over the default");
        assertEquals(Consistency.STRONG, r.tables().get("c").consistency());
        assertEquals(4, r.keyCount());
        assertEquals(List.of("a", "b", "c"), List.copyOf(r.tables().keySet()));
        assertNull(BatchGetRequest.builder().add("a", KEY).build().tables().get("a").consistency(), "unset means the client default");
        assertThrows(ValidationException.class, () -> BatchGetRequest.builder().build());
        assertEquals(3, r.withMinPositions(Positions.of("p", 3)).minPositions().required("p"));
    }

    @Test
    void batchGetRejectsANullKeyNamingTheTable() {
        assertMessage(assertThrows(ValidationException.class, () -> BatchGetRequest.builder().add("orders", KEY, null)), "'orders'");
        assertMessage(assertThrows(ValidationException.class,
                () -> BatchGetRequest.builder().add("orders", java.util.Arrays.asList(KEY, null))), "'orders'");
    }

    @Test
    void batchGetProjectionIsPerTable() {
        BatchGetRequest r = BatchGetRequest.builder().add("a", KEY).projection("a", "#n, id", Map.of("#n", "name")).build();
        assertEquals("#n, id", r.tables().get("a").projection());
        assertEquals(Map.of("#n", "name"), r.tables().get("a").expressions().names());
    }

    @Test
    void batchWriteCountsPutsAndDeletes() {
        BatchWriteRequest r = BatchWriteRequest.builder().put("a", Item.of("id", 1)).delete("a", KEY).delete("b", KEY).build();
        assertEquals(3, r.writeCount());
        assertTrue(r.writes().get("a").get(0).isPut());
        assertFalse(r.writes().get("a").get(1).isPut());
        assertThrows(ValidationException.class, () -> BatchWriteRequest.builder().build());
        assertThrows(ValidationException.class, () -> new BatchWriteRequest.Write(Item.of("id", 1), KEY));
        assertThrows(ValidationException.class, () -> BatchWriteRequest.builder().put("a", null));
    }

    @Test
    void listTablesLimitIsOneTo100() {
        assertEquals(100, ListTablesRequest.firstPage().limit());
        assertThrows(ValidationException.class, () -> new ListTablesRequest(null, 0));
        assertThrows(ValidationException.class, () -> new ListTablesRequest(null, 101));
    }

    @Test
    void eachRequestDispatchesToItsBackendOperation() {
        RecordingBackend backend = new RecordingBackend(null);
        TableSpec spec = TableSpec.builder("tbl").partitionKey("id", AttributeValue.Type.S).build();
        List<DdbcRequest<?>> requests = List.of(
                GetRequest.builder("tbl", KEY).build(),
                PutRequest.builder("tbl", Item.of("id", "a")).build(),
                UpdateRequest.builder("tbl", KEY).build(),
                DeleteRequest.builder("tbl", KEY).build(),
                QueryRequest.builder("tbl").keyCondition("id = :v").build(),
                ScanRequest.builder("tbl").build(),
                BatchGetRequest.builder().add("tbl", KEY).build(),
                BatchWriteRequest.builder().delete("tbl", KEY).build(),
                TransactGetRequest.builder().get("tbl", KEY).build(),
                TransactWriteRequest.builder().delete("tbl", KEY).build(),
                new CreateTableRequest(spec),
                new DescribeTableRequest("tbl"),
                new DeleteTableRequest("tbl"),
                ListTablesRequest.firstPage());
        for (DdbcRequest<?> r : requests) r.sendTo(backend);
        assertEquals(List.of("get", "put", "update", "delete", "query", "scan", "batchGet", "batchWrite", "transactGet",
                "transactWrite", "createTable", "describeTable", "deleteTable", "listTables"), backend.calls);
        for (int i = 0; i < requests.size(); i++) assertSame(requests.get(i), backend.requests.get(i));
        assertEquals(List.of("GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem", "BatchWriteItem",
                "TransactGetItems", "TransactWriteItems", "CreateTable", "DescribeTable", "DeleteTable", "ListTables"),
                requests.stream().map(DdbcRequest::operation).toList());
    }
}
