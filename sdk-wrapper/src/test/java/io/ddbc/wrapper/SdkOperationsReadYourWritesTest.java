package io.ddbc.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.wrapper.EnhancedClientReadYourWritesTest.Lag;
import io.ddbc.wrapper.EnhancedClientReadYourWritesTest.Lagged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Plain SDK writes of every kind (PutItem, UpdateItem without returned values, DeleteItem, BatchWriteItem,
 * TransactWriteItems) followed by eventual GetItem and BatchGetItem, on a versioned and an unversioned table,
 * over a lagging engine: through the wrapper every read shows the last write; without it, some do not.
 */
class SdkOperationsReadYourWritesTest {
    private static final int KEYS = 6;

    /** Runs the workload; returns the number of reads that did not show the last write. */
    private static int run(DynamoDbClient client, long seed) {
        client.createTable(b -> b.tableName("versioned").billingMode("PAY_PER_REQUEST").keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
        client.createTable(b -> b.tableName("unversioned").billingMode("PAY_PER_REQUEST").keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
        Random random = new Random(seed);
        Map<String, Long> expected = new HashMap<>(); // "table/id" -> last written n (null: deleted)
        int stale = 0;
        for (int round = 0; round < 300; round++) {
            String table = random.nextBoolean() ? "versioned" : "unversioned";
            String id = "k" + random.nextInt(KEYS);
            String slot = table + "/" + id;
            Long last = expected.getOrDefault(slot, 0L);
            final long n = last == null ? 1 : last + 1;
            boolean deleted = false;
            Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS(id));
            Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS(id), "n", num(n), "v", num(n));
            switch (random.nextInt(5)) {
                case 0 -> client.putItem(b -> b.tableName(table).item(item));
                case 1 -> client.updateItem(b -> b.tableName(table).key(key).updateExpression("SET n = :n, v = :n")
                        .expressionAttributeValues(Map.of(":n", num(n))));
                case 2 -> client.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(WriteRequest.builder().putRequest(p -> p.item(item)).build()))));
                case 3 -> client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build()));
                default -> {
                    client.deleteItem(b -> b.tableName(table).key(key));
                    deleted = true;
                }
            }
            expected.put(slot, deleted ? null : n);
            Long want = expected.get(slot);
            var got = client.getItem(b -> b.tableName(table).key(key));
            if (!shows(got.hasItem() && !got.item().isEmpty() ? got.item() : null, want)) stale++;
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (int i = 0; i < KEYS; i++) keys.add(Map.of("id", AttributeValue.fromS("k" + i)));
            var batch = client.batchGetItem(b -> b.requestItems(Map.of(table, KeysAndAttributes.builder().keys(keys).build())));
            Map<String, Map<String, AttributeValue>> byId = new HashMap<>();
            for (var i : batch.responses().getOrDefault(table, List.of())) byId.put(i.get("id").s(), i);
            for (int i = 0; i < KEYS; i++) {
                String s = table + "/k" + i;
                if (!expected.containsKey(s)) continue;
                if (!shows(byId.get("k" + i), expected.get(s))) stale++;
            }
        }
        return stale;
    }

    private static AttributeValue num(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }

    private static boolean shows(Map<String, AttributeValue> item, Long want) {
        if (want == null) return item == null;
        return item != null && Long.toString(want).equals(item.get("n").n());
    }

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of(Lag.ENGINE, 3L), Arguments.of(Lag.ENGINE, 99L), Arguments.of(Lag.SIMULATED, 3L), Arguments.of(Lag.SIMULATED, 99L));
    }

    @ParameterizedTest(name = "{0} lag, seed {1}")
    @MethodSource("cases")
    void everyReadShowsTheLastWriteThroughTheWrapper(Lag lag, long seed) {
        Lagged engine = EnhancedClientReadYourWritesTest.lagged(lag, seed);
        DdbcDynamoDbClient wrapped = DdbcDynamoDbClient.wrap(EmbeddedDynamoDbClient.over(engine.backend()),
                WrapperOptions.builder().versionAttribute("versioned", "v").build());
        int stale = run(wrapped, seed);
        System.out.println(lag + " seed " + seed + " with wrapper: stale " + stale + ", " + wrapped.stats() + ", engine stale answers "
                + engine.staleAnswers().getAsLong());
        assertEquals(0, stale, lag + " seed " + seed);
        assertTrue(engine.staleAnswers().getAsLong() > 0, lag + " seed " + seed + ": the engine never lagged");
        assertTrue(wrapped.stats().readBacks() > 0, lag + " seed " + seed + ": updates without returned values were read back");
        engine.backend().close();
    }

    @ParameterizedTest(name = "{0} lag, seed {1}")
    @MethodSource("cases")
    void withoutTheWrapperSomeReadsAreStale(Lag lag, long seed) {
        Lagged engine = EnhancedClientReadYourWritesTest.lagged(lag, seed);
        int stale = run(EmbeddedDynamoDbClient.over(engine.backend()), seed);
        System.out.println(lag + " seed " + seed + " without wrapper: stale " + stale);
        assertTrue(stale > 0, lag + " seed " + seed);
        engine.backend().close();
    }
}
