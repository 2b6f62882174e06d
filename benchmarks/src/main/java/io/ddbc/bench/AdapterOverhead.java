package io.ddbc.bench;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.Table;
import io.ddbc.aws.AwsBackend;
import io.ddbc.aws.testing.DynamoDbLocalServer;
import io.ddbc.core.Ddbc;
import java.util.Arrays;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The AWS adapter's cost over the raw {@code DynamoDbClient}, on one DynamoDB Local (HTTP on 127.0.0.1,
 * in this JVM). Each round runs the same put + strong get three ways — raw SDK, bare {@link AwsBackend},
 * core client over the AwsBackend — in a rotating order, so the load of the shared machine falls on all
 * three alike; the overhead is the median over rounds of (path time / raw time) - 1. The raw calls ask
 * for {@code ReturnConsumedCapacity=INDEXES} as the adapter does, so both do the same DynamoDB work.
 * Target (issues 7, 9): at most 5%.
 */
final class AdapterOverhead implements Experiment {
    private static final int KEYS = 1000;

    @Override
    public String name() {
        return "adapter";
    }

    @Override
    public void run(Mode mode, Report report) {
        Backends.requireNativeLibrary();
        try (DynamoDbLocalServer server = DynamoDbLocalServer.start();
             AwsBackend backend = AwsBackend.wrap(server.client());
             DdbcClient client = Ddbc.builder().backend(backend).build()) {
            client.createTable(Records.spec());
            Paths p = new Paths(server.client(), backend, client.table(Records.TABLE));
            long[][] warm = new long[3][Math.max(50, mode.pairs() / 4)];
            rounds(p, warm);
            long[][] t = new long[3][mode.pairs()];
            rounds(p, t);
            double bare = medianRatio(t[1], t[0]);
            double core = medianRatio(t[2], t[0]);
            report.detail("put + strong get over HTTP, %d rounds: median raw %.0f us, bare adapter %.0f us, core client %.0f us",
                    mode.pairs(), median(t[0]) / 1e3, median(t[1]) / 1e3, median(t[2]) / 1e3);
            report.ratio("adapter_overhead_bare_pct", (bare - 1) * 100);
            report.ratio("adapter_overhead_core_pct", (core - 1) * 100);
        }
    }

    /** Fills {@code t[path][round]} with nanoseconds; the order of the three paths rotates every round. */
    private static void rounds(Paths p, long[][] t) {
        int[][] orders = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {0, 2, 1}, {2, 1, 0}, {1, 0, 2}};
        for (int r = 0; r < t[0].length; r++) {
            int k = r % KEYS;
            for (int path : orders[r % orders.length]) {
                long t0 = System.nanoTime();
                p.run(path, k);
                t[path][r] = System.nanoTime() - t0;
            }
        }
    }

    private static double medianRatio(long[] a, long[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = (double) a[i] / b[i];
        Arrays.sort(r);
        return r[r.length / 2];
    }

    private static double median(long[] a) {
        long[] c = a.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** The three ways to do the same put + strong get; items and keys are prepared once, in each path's own form. */
    private static final class Paths {
        private final DynamoDbClient raw;
        private final AwsBackend backend;
        private final Table table;
        private final Item[] items = new Item[KEYS];
        private final Key[] keys = new Key[KEYS];
        @SuppressWarnings("unchecked")
        private final Map<String, AttributeValue>[] sdkItems = new Map[KEYS];
        @SuppressWarnings("unchecked")
        private final Map<String, AttributeValue>[] sdkKeys = new Map[KEYS];

        Paths(DynamoDbClient raw, AwsBackend backend, Table table) {
            this.raw = raw;
            this.backend = backend;
            this.table = table;
            for (int i = 0; i < KEYS; i++) {
                items[i] = Records.item(i);
                keys[i] = Records.key(i);
                sdkItems[i] = SdkStore.toSdk(items[i]);
                sdkKeys[i] = SdkStore.key(i);
            }
        }

        void run(int path, int k) {
            boolean found;
            switch (path) {
                case 0:
                    raw.putItem(b -> b.tableName(Records.TABLE).item(sdkItems[k]).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES));
                    found = raw.getItem(b -> b.tableName(Records.TABLE).key(sdkKeys[k]).consistentRead(true)
                            .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).hasItem();
                    break;
                case 1:
                    backend.put(PutRequest.builder(Records.TABLE, items[k]).build());
                    found = backend.get(GetRequest.builder(Records.TABLE, keys[k]).consistency(Consistency.STRONG).build()).exists();
                    break;
                default:
                    table.put(items[k]).execute();
                    found = table.get(keys[k]).consistency(Consistency.STRONG).execute().exists();
            }
            if (!found) throw new IllegalStateException("path " + path + ": record " + k + " not found after its put");
        }
    }
}
