package io.ddbc.embedded.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.ddbc.api.AttributeValue;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TableSpec;
import io.ddbc.embedded.EmbeddedBackend;
import java.util.Locale;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * First throughput figures: single-thread GetItem and PutItem on small items, the embedded engine versus
 * DynamoDB Local in-process, in the same JVM run. Prints ops/s (no timing assertions: the machine is
 * shared); asserts only that every timed read found what was written. The full suite is in benchmarks/.
 */
class ThroughputComparisonTest {
    private static final int KEYS = 1000;
    private static final long WINDOW_NANOS = 1_500_000_000L;

    /** Items and keys built once, each side in its own form, so the loops time the engines and their request paths. */
    private static final Item[] ITEMS = new Item[KEYS];
    private static final Key[] KEYS_OF = new Key[KEYS];
    private static final java.util.List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> SDK_ITEMS =
            new java.util.ArrayList<>();
    private static final java.util.List<java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> SDK_KEYS =
            new java.util.ArrayList<>();

    static {
        for (int i = 0; i < KEYS; i++) {
            ITEMS[i] = Item.of("id", "user-" + i, "name", "name " + i, "balance", i, "active", true);
            KEYS_OF[i] = Key.of("id", "user-" + i);
            SDK_ITEMS.add(SdkConvert.toSdk(ITEMS[i]));
            SDK_KEYS.add(SdkConvert.toSdk(KEYS_OF[i]));
        }
    }

    /** Runs {@code op} for a warm-up, then for a timed window; returns ops/s. {@code op} returns false on a wrong answer. */
    private static double measure(IntPredicate op, int warmup) {
        for (int i = 0; i < warmup; i++) if (!op.test(i % KEYS)) throw new AssertionError("wrong answer in warm-up");
        long start = System.nanoTime();
        long n = 0;
        while (System.nanoTime() - start < WINDOW_NANOS) {
            for (int j = 0; j < 100; j++, n++) if (!op.test((int) (n % KEYS))) throw new AssertionError("wrong answer at op " + n);
        }
        return n * 1e9 / (System.nanoTime() - start);
    }

    @Test
    void embeddedVersusDynamoDbLocalSingleThread() {
        EmbeddedBackend engine = EmbeddedBackend.inMemory(4);
        engine.createTable(new CreateTableRequest(TableSpec.builder("bench").partitionKey("id", AttributeValue.Type.S).build()));
        double enginePut = measure(i -> engine.put(PutRequest.builder("bench", ITEMS[i]).build()).consumedCapacity().writeUnits() == 1.0, 200_000);
        double engineGet = measure(i -> ITEMS[i].equals(engine.get(GetRequest.builder("bench", KEYS_OF[i]).build())
                .item().orElse(null)), 200_000);

        AmazonDynamoDBLocal local = DynamoDBEmbedded.create(true); // true: telemetry off (else it calls AWS Cognito/Pinpoint over the internet)
        double localPut;
        double localGet;
        try {
            DynamoDbClient ddb = local.dynamoDbClient();
            ddb.createTable(b -> b.tableName("bench").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
            localPut = measure(i -> ddb.putItem(b -> b.tableName("bench").item(SDK_ITEMS.get(i))) != null, 3_000);
            localGet = measure(i -> SDK_ITEMS.get(i).equals(ddb.getItem(b -> b.tableName("bench").key(SDK_KEYS.get(i))).item()), 3_000);
        } finally {
            local.shutdown();
        }
        System.out.printf(Locale.ROOT, "single-thread ops/s  put: embedded %.0f, DynamoDB Local %.0f (%.0fx)  get: embedded %.0f,"
                + " DynamoDB Local %.0f (%.0fx)%n", enginePut, localPut, enginePut / localPut, engineGet, localGet, engineGet / localGet);
        assertEquals(KEYS, engine.stats().itemsStored());
    }
}
