package io.ddbc.bench;

import io.ddbc.aws.testing.DynamoDbLocalServer;
import io.ddbc.server.DdbcServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * ddbc's DynamoDB-compatible HTTP endpoint ({@code DdbcServer} over the embedded engine, three replicas, real
 * time) against DynamoDB Local's HTTP server, both on 127.0.0.1, through the same plain AWS SDK v2 client
 * configuration: single-item puts and gets, 1 and 8 client threads. Each side runs several interleaved windows
 * (ddbc, Local, ddbc, Local, ...); each figure is the median of its windows, printed with min and max.
 * Target (issue 24): the ddbc endpoint at least 10x DynamoDB Local.
 */
final class ServerVsLocal implements Experiment {
    private static final int WINDOWS = 5;

    @Override
    public String name() {
        return "http";
    }

    @Override
    public void run(Mode mode, Report report) throws Exception {
        Backends.requireNativeLibrary();
        try (DdbcServer ddbc = DdbcServer.builder().url(Backends.embeddedUrl(3)).port(0).start();
             DynamoDbLocalServer local = DynamoDbLocalServer.start();
             DynamoDbClient toDdbc = client(local.clientBuilder().endpointOverride(ddbc.endpoint()));
             DynamoDbClient toLocal = client(local.clientBuilder())) {
            KvStore d = new SdkStore(toDdbc, "ddbc server");
            KvStore l = new SdkStore(toLocal, "DynamoDB Local");
            int records = mode.localKeys();
            d.load(records);
            l.load(records);
            for (String op : List.of("put", "get")) {
                for (int threads : List.of(1, 8)) {
                    List<Double> ours = new ArrayList<>();
                    List<Double> theirs = new ArrayList<>();
                    for (int w = 0; w < WINDOWS; w++) {
                        ours.add(Harness.opsPerSecond(threads, mode.warmup(), mode.window(), w, op(toDdbc, d, op, records)));
                        theirs.add(Harness.opsPerSecond(threads, mode.warmup(), mode.window(), w, op(toLocal, l, op, records)));
                    }
                    double m = median(ours);
                    double lm = median(theirs);
                    report.detail("http %s, %d thread(s), %d windows each: ddbc server %,.0f ops/s (min %,.0f, max %,.0f),"
                            + " DynamoDB Local %,.0f ops/s (min %,.0f, max %,.0f)", op, threads, WINDOWS, m, Collections.min(ours),
                            Collections.max(ours), lm, Collections.min(theirs), Collections.max(theirs));
                    report.ratio("ddbc_server_vs_dynamodb_local_http_" + op + "_" + threads + "t", m / lm);
                }
            }
        }
    }

    private static DynamoDbClient client(software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder b) {
        return b.httpClientBuilder(ApacheHttpClient.builder().maxConnections(16)).build();
    }

    /** A get of a random record, or a put of a whole record (PutItem, as an application writes one). */
    private static Harness.Op op(DynamoDbClient sdk, KvStore store, String op, int records) {
        return rnd -> {
            int k = rnd.nextInt(records);
            if (op.equals("get")) {
                if (!store.read(k)) throw new IllegalStateException(store + ": record " + k + " not found");
            } else {
                Map<String, AttributeValue> item = SdkStore.toSdk(Records.item(k));
                sdk.putItem(b -> b.tableName(Records.TABLE).item(item));
            }
        };
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }
}
