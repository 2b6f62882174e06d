package io.ddbc.bench;

import io.ddbc.api.DdbcClient;
import io.ddbc.bench.Workload.Distribution;
import io.ddbc.bench.Workload.Mix;

/**
 * YCSB-like workloads A, B and C with uniform and zipfian keys at 1, 2 and 8 client threads on the
 * embedded engine (three replicas) through the core client. Throughput figures, no target of their own.
 */
final class YcsbMatrix implements Experiment {
    static final int[] THREADS = {1, 2, 8};

    @Override
    public String name() {
        return "ycsb";
    }

    @Override
    public void run(Mode mode, Report report) {
        try (DdbcClient client = Backends.embeddedClient(3)) {
            KvStore store = new DdbcStore(client, "embedded");
            store.load(mode.ycsbKeys());
            report.detail("YCSB on the embedded engine, %,d records, ops/s | workload | 1 thread | 2 threads | 8 threads |", mode.ycsbKeys());
            for (Mix mix : Mix.values()) {
                for (Distribution d : Distribution.values()) {
                    Workload w = new Workload(mix, d);
                    StringBuilder row = new StringBuilder("| " + w.label() + " |");
                    for (int threads : THREADS) {
                        double ops = Harness.opsPerSecond(threads, mode.warmup(), mode.window(), 11, w.op(store, mode.ycsbKeys()));
                        row.append(String.format(" %,.0f |", ops));
                    }
                    report.detail("%s", row);
                }
            }
        }
    }
}
