package io.ddbc.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TableSpec;
import io.ddbc.aws.testing.DynamoDbLocalExtension;
import io.ddbc.aws.testing.DynamoDbLocalServer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Measures the adapter's overhead: the same put+get loop against DynamoDB Local through (a) the raw
 * {@link DynamoDbClient} and (b) {@link AwsBackend} wrapping that same client (same JVM, server, HTTP
 * pool), warm-up first, then raw and adapter pairs interleaved one by one so load on the shared machine
 * hits both alike; then the same loops over an in-memory client, which isolates the adapter's own CPU cost.
 * Prints the figures; asserts only that the loops did their work (no timing assertions).
 *
 * <p>Run alone: {@code mvn -pl sdk-backend-aws -am verify -Dtest=AdapterOverheadTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dddbc.bench.pairs=5000}. Both sides ask
 * for {@code ReturnConsumedCapacity=INDEXES}, as the adapter always does, so only the adapter's own work differs.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class AdapterOverheadTest {
    private static final String TABLE = "bench";

    @Test
    void rawClientVersusAdapter(DynamoDbLocalServer server) {
        int rounds = Integer.getInteger("ddbc.bench.rounds", 8);
        DynamoDbClient raw = server.client();
        try (AwsBackend backend = AwsBackend.wrap(raw)) {
            backend.createTable(new CreateTableRequest(TableSpec.builder(TABLE).partitionKey("id", AttributeValue.Type.S).build()));
            rawLoop(raw, 300); // warm-up: JIT, connection pool, DynamoDB Local itself
            adapterLoop(backend, 300);
            System.out.printf(Locale.ROOT, "[overhead] DynamoDB Local over HTTP, interleaved pair by pair: %s%n",
                    interleaved(raw, backend, Integer.getInteger("ddbc.bench.pairs", 800)));
            assertEquals(Item.of("id", "k0", "v", 0, "pad", "x".repeat(100)),
                    backend.get(GetRequest.builder(TABLE, Key.of("id", "k0")).consistency(Consistency.STRONG).build()).item().orElseThrow());
        }
        // The adapter's own CPU cost, without the network: the same loops over a client answering from memory.
        DynamoDbClient stub = new CannedClient();
        try (AwsBackend backend = AwsBackend.wrap(stub, "aws:stub")) {
            Result cpu = measure(stub, backend, 20_000, rounds, 50_000);
            System.out.printf(Locale.ROOT, "[overhead] in-memory client (adapter CPU only): %s%n", cpu);
        }
    }

    /** Median per-pair times and the median of per-round ratios (adjacent rounds, alternating order, so drift cancels). */
    private record Result(int rounds, int ops, double rawNs, double adapterNs, double ratio, String rawRounds, String adapterRounds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d rounds x %d put+get pairs; per pair raw %.2f us, adapter %.2f us (+%.2f us);"
                    + " median adapter/raw ratio %.3f (%+.1f%% per operation)%n  raw rounds us: %s%n  adapter rounds us: %s",
                    rounds, ops, rawNs / 1e3, adapterNs / 1e3, (adapterNs - rawNs) / 1e3, ratio, (ratio - 1) * 100, rawRounds, adapterRounds);
        }
    }

    private static Result measure(DynamoDbClient raw, AwsBackend backend, int ops, int rounds, int warmUp) {
        rawLoop(raw, warmUp);
        adapterLoop(backend, warmUp);
        double[] rawNs = new double[rounds];
        double[] adapterNs = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                rawNs[r] = rawLoop(raw, ops);
                adapterNs[r] = adapterLoop(backend, ops);
            } else {
                adapterNs[r] = adapterLoop(backend, ops);
                rawNs[r] = rawLoop(raw, ops);
            }
            ratios[r] = adapterNs[r] / rawNs[r];
        }
        return new Result(rounds, ops, median(rawNs), median(adapterNs), median(ratios), micros(rawNs), micros(adapterNs));
    }

    /**
     * Raw and adapter put+get pairs alternating one by one (order swapped every pair), so machine load
     * hits both sides alike; compares the median and 90th percentile of the per-pair latencies.
     */
    private static String interleaved(DynamoDbClient raw, AwsBackend backend, int pairs) {
        long[] r = new long[pairs];
        long[] a = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            if (i % 2 == 0) {
                r[i] = (long) rawLoop(raw, 1);
                a[i] = (long) adapterLoop(backend, 1);
            } else {
                a[i] = (long) adapterLoop(backend, 1);
                r[i] = (long) rawLoop(raw, 1);
            }
        }
        Arrays.sort(r);
        Arrays.sort(a);
        double rawMedian = r[pairs / 2];
        double adapterMedian = a[pairs / 2];
        return String.format(Locale.ROOT, "%d pairs; median raw %.1f us, adapter %.1f us, ratio %.3f (%+.1f%% per operation);"
                        + " p90 raw %.1f us, adapter %.1f us", pairs, rawMedian / 1e3, adapterMedian / 1e3, adapterMedian / rawMedian,
                (adapterMedian / rawMedian - 1) * 100, r[pairs * 9 / 10] / 1e3, a[pairs * 9 / 10] / 1e3);
    }

    /** Answers PutItem and GetItem from memory with what DynamoDB would send back. */
    private static final class CannedClient implements DynamoDbClient {
        private final GetItemResponse get = GetItemResponse.builder()
                .item(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("k0"),
                        "v", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("0"),
                        "pad", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x".repeat(100))))
                .consumedCapacity(c -> c.tableName(TABLE).capacityUnits(1.0).table(t -> t.capacityUnits(1.0))).build();
        private final PutItemResponse put = PutItemResponse.builder()
                .consumedCapacity(c -> c.tableName(TABLE).capacityUnits(1.0).table(t -> t.capacityUnits(1.0))).build();

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            return get;
        }

        @Override
        public PutItemResponse putItem(PutItemRequest request) {
            return put;
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    /** Nanoseconds per put+get pair through the raw client. */
    private static double rawLoop(DynamoDbClient c, int ops) {
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            String id = "k" + (i % 100);
            c.putItem(b -> b.tableName(TABLE).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                    .item(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id),
                            "v", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("0"),
                            "pad", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x".repeat(100)))));
            c.getItem(b -> b.tableName(TABLE).consistentRead(true).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                    .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(id))));
        }
        return (System.nanoTime() - t0) / (double) ops;
    }

    /** Nanoseconds per put+get pair through the adapter (the same requests, built with ddbc's API). */
    private static double adapterLoop(AwsBackend backend, int ops) {
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            String id = "k" + (i % 100);
            backend.put(PutRequest.builder(TABLE, Item.of("id", id, "v", 0, "pad", "x".repeat(100))).build());
            backend.get(GetRequest.builder(TABLE, Key.of("id", id)).consistency(Consistency.STRONG).build());
        }
        return (System.nanoTime() - t0) / (double) ops;
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String micros(double[] ns) {
        StringBuilder b = new StringBuilder();
        for (double v : ns) b.append(String.format(Locale.ROOT, "%.2f ", v / 1e3));
        return b.toString().trim();
    }
}
