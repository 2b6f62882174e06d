package io.ddbc.bench;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.Key;
import io.ddbc.api.ServedBy;
import io.ddbc.api.Table;
import io.ddbc.core.CacheSpec;
import io.ddbc.core.Ddbc;
import java.util.Arrays;

/**
 * Latency of a warm read answered by the write-through cache through the core client, in-process:
 * EVENTUAL reads of the client, and SESSION reads of a session that wrote the items (the cache may serve
 * them only because its version is at least the session's). Two estimates of the p50: each read timed on
 * its own with {@code System.nanoTime()} (the timer's own cost, printed, is included), and blocks of
 * {@value #BLOCK} reads timed together (per-read mean of a block; the p50 over blocks). Every timed read
 * must report {@code ServedBy.CACHE}. Target: p50 at most 1 us.
 */
final class CacheLatency implements Experiment {
    private static final int KEYS = 1024;
    private static final int BLOCK = 64;

    @Override
    public String name() {
        return "cachehit";
    }

    @Override
    public void run(Mode mode, Report report) {
        try (DdbcClient client = Ddbc.builder().url(Backends.embeddedUrl(3)).cache(CacheSpec.writeThrough()).build()) {
            client.createTable(Records.spec());
            Key[] keys = new Key[KEYS];
            for (int i = 0; i < KEYS; i++) keys[i] = Records.key(i);
            for (int i = 0; i < KEYS; i++) client.table(Records.TABLE).put(Records.item(i)).execute();
            report.detail("System.nanoTime() costs %.0f ns here", timerCost());
            measure("eventual", client.table(Records.TABLE), Consistency.EVENTUAL, keys, mode, report);
            DdbcSession session = client.newSession();
            Table t = session.table(Records.TABLE);
            for (int i = 0; i < KEYS; i++) t.update(keys[i]).expression("SET field1 = :v").value(":v", "session-" + i).execute();
            measure("session", t, Consistency.SESSION, keys, mode, report);
        }
    }

    private static void measure(String label, Table table, Consistency level, Key[] keys, Mode mode, Report report) {
        int n = mode.cacheHits();
        int firstMisses = 0; // the first read of each key right after the writes: did the cache answer it?
        for (int i = 0; i < KEYS; i++) if (table.get(keys[i]).consistency(level).execute().servedBy() != ServedBy.CACHE) firstMisses++;
        report.detail("%s: %d of %d first reads after the write were not answered by the cache", label, firstMisses, KEYS);
        for (int i = 0; i < n / 2; i++) read(table, level, keys[i & (KEYS - 1)]); // warm-up (JIT)
        long[] single = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            GetResult r = table.get(keys[i & (KEYS - 1)]).consistency(level).execute();
            single[i] = System.nanoTime() - t0;
            if (r.servedBy() != ServedBy.CACHE) throw new IllegalStateException(level + " read served by " + r.servedBy());
        }
        long[] blocks = new long[n / BLOCK];
        for (int b = 0; b < blocks.length; b++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < BLOCK; i++) read(table, level, keys[(b * BLOCK + i) & (KEYS - 1)]);
            blocks[b] = (System.nanoTime() - t0) / BLOCK;
        }
        Arrays.sort(single);
        Arrays.sort(blocks);
        report.detail("cache hit, %s read through the core client, %,d reads timed one by one: p50 %d ns, p90 %d ns, p99 %d ns,"
                + " p99.9 %d ns; blocks of %d: p50 %d ns per read", label, n, single[n / 2], single[n * 9 / 10],
                single[n * 99 / 100], single[(int) (n * 0.999)], BLOCK, blocks[blocks.length / 2]);
        report.ratio("cache_hit_p50_us_" + label, single[n / 2] / 1e3);
        report.ratio("cache_hit_p50_us_" + label + "_blocks", blocks[blocks.length / 2] / 1e3);
    }

    /** A cache hit reports ServedBy.CACHE; anything else here means the cache did not answer. */
    private static void read(Table table, Consistency level, Key k) {
        GetResult r = table.get(k).consistency(level).execute();
        if (r.servedBy() != ServedBy.CACHE) throw new IllegalStateException(level + " read of " + k + " served by " + r.servedBy());
    }

    private static double timerCost() {
        long sink = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < 1_000_000; i++) sink += System.nanoTime();
        double cost = (System.nanoTime() - t0) / 1e6;
        return sink == 42 ? cost + 1 : cost;
    }
}
