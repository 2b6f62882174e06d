package io.ddbc.bench;

import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.ddbc.api.DdbcClient;
import io.ddbc.bench.Workload.Distribution;
import io.ddbc.bench.Workload.Mix;
import io.ddbc.spi.Backend;

/**
 * The embedded engine (three replicas) against DynamoDB Local in-process (raw SDK client, no HTTP:
 * DynamoDB Local at its fastest) on the same YCSB workloads, one client thread, in the same run. The
 * engine is measured twice: through the core client (what an application gets: sessions, versions,
 * retries) and bare (the {@code Backend} API: engine against engine). Each ratio takes the mean of an
 * engine window before and after the DynamoDB Local window, so a change in machine load hits both.
 * Target (issues 4, 9): at least 100x the ops/s.
 */
final class EmbeddedVsLocal implements Experiment {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public void run(Mode mode, Report report) throws Exception {
        AmazonDynamoDBLocal local = Backends.dynamoDbLocalInProcess();
        try (DdbcClient client = Backends.embeddedClient(3); Backend bare = Backends.embedded(3)) {
            KvStore core = new DdbcStore(client, "core client");
            KvStore engine = new BackendStore(bare, "bare engine");
            KvStore dynamoLocal = new SdkStore(local.dynamoDbClient(), "DynamoDB Local");
            for (KvStore s : new KvStore[] {core, engine, dynamoLocal}) {
                s.load(mode.localKeys());
                // compile each path before any timed window (the first cell would otherwise time the JIT)
                Harness.opsPerSecond(1, mode.warmup(), mode.warmup(), 1, new Workload(Mix.A, Distribution.UNIFORM).op(s, mode.localKeys()));
            }
            double[] min = {Double.MAX_VALUE, Double.MAX_VALUE};
            for (Mix mix : Mix.values()) {
                Workload w = new Workload(mix, Distribution.UNIFORM);
                double c1 = ops(core, w, mode, 2);
                double e1 = ops(engine, w, mode, 2);
                double l = ops(dynamoLocal, w, mode, 1);
                double c = (c1 + ops(core, w, mode, 2)) / 2;
                double e = (e1 + ops(engine, w, mode, 2)) / 2;
                report.detail("workload %s, %d records, 1 thread: core client %,.0f ops/s, bare engine %,.0f ops/s,"
                        + " DynamoDB Local %,.0f ops/s", w.label(), mode.localKeys(), c, e, l);
                report.ratio("embedded_vs_dynamodb_local_" + w.label(), c / l);
                report.ratio("bare_engine_vs_dynamodb_local_" + w.label(), e / l);
                min[0] = Math.min(min[0], c / l);
                min[1] = Math.min(min[1], e / l);
            }
            report.ratio("embedded_vs_dynamodb_local_min", min[0]);
            report.ratio("bare_engine_vs_dynamodb_local_min", min[1]);
        } finally {
            local.shutdown();
        }
    }

    private static double ops(KvStore store, Workload w, Mode mode, int windowDivisor) {
        return Harness.opsPerSecond(1, mode.warmup(), mode.window().dividedBy(windowDivisor), 7, w.op(store, mode.localKeys()));
    }
}
