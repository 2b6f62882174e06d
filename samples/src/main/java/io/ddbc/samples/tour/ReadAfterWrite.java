package io.ddbc.samples.tour;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.ServedBy;
import io.ddbc.api.WriteResult;
import io.ddbc.core.CacheSpec;
import io.ddbc.core.Ddbc;
import io.ddbc.samples.bank.BankService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The seeds' workload, measured: a user deposits, then immediately reads the balance back at one
 * consistency level. A read is stale when it does not show the user's own deposit. Each level gets
 * a fresh client (and, on the embedded engine, a fresh engine with the same seed) so that its
 * capacity and staleness are its own.
 */
final class ReadAfterWrite {
    private static final int ACCOUNTS = 20;

    private final TourOptions options;

    ReadAfterWrite(TourOptions options) {
        this.options = options;
    }

    /** Runs the workload at one level; {@code cached} adds the write-through cache. */
    LevelStats run(String label, Consistency level, boolean cached) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        var builder = Ddbc.builder().url(options.effectiveUrl()).meterRegistry(registry);
        if (cached) builder.cache(CacheSpec.writeThrough().maximumSize(10_000).ttl(Duration.ofMinutes(5)));
        LevelStats stats = new LevelStats(label);
        try (DdbcClient client = builder.build()) {
            BankService bank = new BankService(client);
            bank.createTable();
            String prefix = label.replaceAll("[^A-Za-z]", "").toLowerCase() + "-" + options.seed() + "-";
            long[] expected = new long[ACCOUNTS];
            DdbcSession[] sessions = new DdbcSession[ACCOUNTS];
            for (int a = 0; a < ACCOUNTS; a++) {
                bank.open(prefix + a);
                sessions[a] = client.newSession();
            }
            SplittableRandom random = new SplittableRandom(options.seed());
            long deadline = System.nanoTime() + options.duration().toNanos();
            for (int round = 0; round < options.operations() && System.nanoTime() < deadline; round++) {
                int a = random.nextInt(ACCOUNTS);
                String id = prefix + a;
                long amount = 1 + random.nextInt(100);
                WriteResult w = sessions[a].table(BankService.TABLE).update(io.ddbc.api.Key.of("id", id))
                        .expression("SET balance = balance + :d").value(":d", amount).execute();
                stats.writeUnits += w.consumedCapacity().writeUnits();
                expected[a] += amount;
                long start = System.nanoTime();
                GetResult r = bank.read(sessions[a], id, level);
                long took = System.nanoTime() - start;
                long seen = r.item().map(i -> i.getLong("balance")).orElse(-1L);
                stats.recordRead(took, seen != expected[a], r.servedBy() == ServedBy.CACHE, r.consumedCapacity().readUnits());
            }
            Counter upgrades = registry.find("ddbc.session.upgrades").counter();
            stats.sessionUpgrades = upgrades == null ? 0 : (long) upgrades.count();
        }
        return stats;
    }
}
