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
 * them only because its version is at least the session's). Each read is timed on its own with
 * {@code System.nanoTime()} (its own cost, about 20-30 ns, is included, not subtracted); every timed read
 * must report {@code ServedBy.CACHE}. Target: p50 at most 1 us.
 */
final class CacheLatency implements Experiment {
    private static final int KEYS = 1024;

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
            measure("eventual", client.table(Records.TABLE), Consistency.EVENTUAL, keys, mode, report);
            DdbcSession session = client.newSession();
            Table t = session.table(Records.TABLE);
            for (int i = 0; i < KEYS; i++) t.update(keys[i]).expression("SET field1 = :v").value(":v", "session-" + i).execute();
            measure("session", t, Consistency.SESSION, keys, mode, report);
        }
    }

    private static void measure(String label, Table table, Consistency level, Key[] keys, Mode mode, Report report) {
        int n = mode.cacheHits();
        for (int i = 0; i < n / 2; i++) read(table, level, keys[i & (KEYS - 1)]); // warm-up (JIT)
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            Key k = keys[i & (KEYS - 1)];
            long t0 = System.nanoTime();
            GetResult r = table.get(k).consistency(level).execute();
            nanos[i] = System.nanoTime() - t0;
            if (r.servedBy() != ServedBy.CACHE) throw new IllegalStateException(level + " read of " + k + " served by " + r.servedBy());
        }
        Arrays.sort(nanos);
        report.detail("cache hit, %s read through the core client, %,d timed reads: p50 %d ns, p90 %d ns, p99 %d ns, p99.9 %d ns",
                label, n, nanos[n / 2], nanos[n * 9 / 10], nanos[n * 99 / 100], nanos[(int) (n * 0.999)]);
        report.ratio("cache_hit_p50_us_" + label, nanos[n / 2] / 1e3);
    }

    private static void read(Table table, Consistency level, Key k) {
        if (!table.get(k).consistency(level).execute().exists()) throw new IllegalStateException("record " + k + " missing");
    }
}
