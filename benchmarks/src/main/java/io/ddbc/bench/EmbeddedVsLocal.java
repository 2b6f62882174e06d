package io.ddbc.bench;

import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.ddbc.api.DdbcClient;
import io.ddbc.bench.Workload.Distribution;
import io.ddbc.bench.Workload.Mix;

/**
 * The embedded engine (three replicas, through the core client) against DynamoDB Local in-process (raw
 * SDK client, no HTTP: DynamoDB Local at its fastest) on the same YCSB workloads, one client thread,
 * the two sides measured alternately in the same run. Target (issues 4, 9): at least 100x the ops/s.
 */
final class EmbeddedVsLocal implements Experiment {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public void run(Mode mode, Report report) {
        AmazonDynamoDBLocal local = Backends.dynamoDbLocalInProcess();
        try (DdbcClient client = Backends.embeddedClient(3)) {
            KvStore embedded = new DdbcStore(client, "embedded");
            KvStore dynamoLocal = new SdkStore(local.dynamoDbClient(), "DynamoDB Local");
            embedded.load(mode.localKeys());
            dynamoLocal.load(mode.localKeys());
            // compile both sides' paths before any timed window (the first cell would otherwise time the JIT)
            Workload warm = new Workload(Mix.A, Distribution.UNIFORM);
            Harness.opsPerSecond(1, mode.warmup(), mode.warmup(), 1, warm.op(embedded, mode.localKeys()));
            Harness.opsPerSecond(1, mode.warmup(), mode.warmup(), 1, warm.op(dynamoLocal, mode.localKeys()));
            double min = Double.MAX_VALUE;
            for (Mix mix : Mix.values()) {
                Workload w = new Workload(mix, Distribution.UNIFORM);
                // embedded, DynamoDB Local, embedded: the mean of the two embedded windows brackets Local's in time
                double e = Harness.opsPerSecond(1, mode.warmup(), mode.window().dividedBy(2), 7, w.op(embedded, mode.localKeys()));
                double l = Harness.opsPerSecond(1, mode.warmup(), mode.window(), 7, w.op(dynamoLocal, mode.localKeys()));
                e = (e + Harness.opsPerSecond(1, mode.warmup(), mode.window().dividedBy(2), 8, w.op(embedded, mode.localKeys()))) / 2;
                report.detail("workload %s, %d records, 1 thread: embedded %,.0f ops/s, DynamoDB Local %,.0f ops/s",
                        w.label(), mode.localKeys(), e, l);
                report.ratio("embedded_vs_dynamodb_local_" + w.label(), e / l);
                min = Math.min(min, e / l);
            }
            report.ratio("embedded_vs_dynamodb_local_min", min);
        } finally {
            local.shutdown();
        }
    }
}
