package io.ddbc.bench;

import io.ddbc.api.DdbcClient;
import io.ddbc.bench.Workload.Distribution;
import io.ddbc.bench.Workload.Mix;
import io.ddbc.core.CacheSpec;
import io.ddbc.core.Ddbc;
import io.ddbc.core.DdbcClientBuilder;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Read units the backend spends on YCSB workload B (95% reads, zipfian keys) through the core client,
 * without and with the write-through cache, the same operations in the same order (same seed). The
 * backend is wrapped so its own charges are counted, whatever the core answered from the cache. The cache
 * holds 10% (headline) or 25% of the records. For scale, the bound of an oracle cache of the same size
 * that holds exactly the most-read keys (each still loaded once) is computed from the same key sequence.
 * Target: the cache saves at least 80% of the read units.
 */
final class CacheSavings implements Experiment {
    private static final long SEED = 42;

    @Override
    public String name() {
        return "cachercu";
    }

    @Override
    public void run(Mode mode, Report report) throws Exception {
        int records = mode.ycsbKeys();
        double without = readUnits(null, records, mode.cacheOps());
        long[] reads = readsPerKey(records, mode.cacheOps());
        for (int percent : new int[] {10, 25}) {
            int size = Math.max(10, records * percent / 100);
            double with = readUnits(CacheSpec.writeThrough().maximumSize(size), records, mode.cacheOps());
            report.detail("workload B zipfian, %,d records, %,d operations: backend RCU %.1f without cache, %.1f with a cache of %,d"
                    + " items (%d%%); an oracle cache of that size would save %.1f%%", records, mode.cacheOps(), without, with,
                    size, percent, 100 * oracleSaving(reads, size));
            report.ratio("cache_rcu_saved_pct" + (percent == 10 ? "" : "_cache" + percent + "pct"), 100 * (1 - with / without));
        }
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
                run(store, records, ops);
                return metered.readUnits() - before;
            }
        }
    }

    private static void run(KvStore store, int records, int ops) throws Exception {
        Harness.Op op = new Workload(Mix.B, Distribution.ZIPFIAN).op(store, records);
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int i = 0; i < ops; i++) op.run(rnd);
    }

    /** How often each record is read by the same operations (a store that only counts). */
    private static long[] readsPerKey(int records, int ops) throws Exception {
        long[] counts = new long[records];
        run(new KvStore() {
            @Override
            public void load(int n) {
            }

            @Override
            public boolean read(int record) {
                counts[record]++;
                return true;
            }

            @Override
            public void update(int record, long value) {
            }
        }, records, ops);
        return counts;
    }

    /** Share of reads an oracle cache of {@code size} most-read keys answers (each key's first read still misses). */
    static double oracleSaving(long[] counts, int size) {
        long[] sorted = counts.clone();
        Arrays.sort(sorted);
        long total = Arrays.stream(sorted).sum();
        long hits = 0;
        for (int i = sorted.length - 1; i >= Math.max(0, sorted.length - size); i--) hits += Math.max(0, sorted[i] - 1);
        return total == 0 ? 0 : (double) hits / total;
    }
}
