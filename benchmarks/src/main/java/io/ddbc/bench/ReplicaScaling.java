package io.ddbc.bench;

import io.ddbc.api.DdbcClient;
import io.ddbc.bench.Workload.Distribution;
import io.ddbc.bench.Workload.Mix;
import java.time.Duration;

/**
 * Throughput with three replicas against a single node, same workload, through the core client; the two
 * engines are measured in alternating short windows (sums compared) so machine noise hits both alike.
 * Target (issue 5): three replicas keep at least 50% of single-node throughput.
 */
final class ReplicaScaling implements Experiment {
    private static final int ALTERNATIONS = 4;

    @Override
    public String name() {
        return "replicas";
    }

    @Override
    public void run(Mode mode, Report report) {
        if (!Backends.replicasSupported()) {
            report.detail("replicas: this build's embedded engine has no 'replicas' parameter (single node); skipped");
            return;
        }
        try (DdbcClient one = Backends.embeddedClient(1); DdbcClient three = Backends.embeddedClient(3)) {
            KvStore single = new DdbcStore(one, "1 replica");
            KvStore triple = new DdbcStore(three, "3 replicas");
            single.load(mode.ycsbKeys());
            triple.load(mode.ycsbKeys());
            Duration slice = mode.window().dividedBy(ALTERNATIONS);
            double min = Double.MAX_VALUE;
            for (Mix mix : new Mix[] {Mix.A, Mix.B}) {
                Workload w = new Workload(mix, Distribution.UNIFORM);
                double s = 0;
                double t = 0;
                for (int i = 0; i < ALTERNATIONS; i++) {
                    s += Harness.opsPerSecond(2, mode.warmup().dividedBy(2), slice, i, w.op(single, mode.ycsbKeys()));
                    t += Harness.opsPerSecond(2, mode.warmup().dividedBy(2), slice, i, w.op(triple, mode.ycsbKeys()));
                }
                report.detail("workload %s, 2 threads: single node %,.0f ops/s, three replicas %,.0f ops/s",
                        w.label(), s / ALTERNATIONS, t / ALTERNATIONS);
                report.ratio("replicas3_vs_single_" + w.label(), t / s);
                min = Math.min(min, t / s);
            }
            report.ratio("replicas3_vs_single_min", min);
        }
    }
}
