package io.ddbc.bench;

import io.ddbc.api.DdbcClient;
import io.ddbc.bench.Workload.Distribution;
import io.ddbc.bench.Workload.Mix;
import io.ddbc.core.CacheSpec;
import io.ddbc.core.Ddbc;
import io.ddbc.core.DdbcClientBuilder;
import java.util.SplittableRandom;

/**
 * Read units the backend spends on YCSB workload B (95% reads, zipfian keys) through the core client,
 * without and with the write-through cache (sized at a tenth of the records), the same operations in the
 * same order (same seed). The backend is wrapped so its own charges are counted, whatever the core
 * answered from the cache. Target: the cache saves at least 80% of the read units.
 */
final class CacheSavings implements Experiment {
    @Override
    public String name() {
        return "cachercu";
    }

    @Override
    public void run(Mode mode, Report report) throws Exception {
        int records = mode.ycsbKeys();
        double without = readUnits(null, records, mode.cacheOps());
        CacheSpec spec = CacheSpec.writeThrough().maximumSize(Math.max(10, records / 10));
        double with = readUnits(spec, records, mode.cacheOps());
        report.detail("workload B zipfian, %,d records, %,d operations, 1 thread: backend RCU %.1f without cache, %.1f with %s",
                records, mode.cacheOps(), without, with, spec);
        report.ratio("cache_rcu_saved_pct", 100 * (1 - with / without));
    }

    private static double readUnits(CacheSpec cache, int records, int ops) throws Exception {
        Backends.Metered metered = new Backends.Metered(Backends.embedded(3));
        try (metered.backend) {
            DdbcClientBuilder b = Ddbc.builder().backend(metered.backend);
            if (cache != null) b.cache(cache);
            try (DdbcClient client = b.build()) {
                DdbcStore store = new DdbcStore(client, "embedded");
                store.load(records);
                double before = metered.readUnits();
                Harness.Op op = new Workload(Mix.B, Distribution.ZIPFIAN).op(store, records);
                SplittableRandom rnd = new SplittableRandom(42);
                for (int i = 0; i < ops; i++) op.run(rnd);
                return metered.readUnits() - before;
            }
        }
    }
}
