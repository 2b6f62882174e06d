package io.ddbc.bench;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.Key;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.Table;
import io.ddbc.api.TableSpec;
import java.util.Map;
import java.util.Random;

/**
 * The seeds' read-after-write workload (a deposit, then three reads of the balance) on the embedded
 * engine with three replicas and replication lag, no cache, once per read level. Counts the read units
 * the backend charged and the reads that did not see the session's own deposit. Target (issues 6, 9):
 * SESSION at most 55% of STRONG's read units, with no stale SESSION read.
 */
final class ConsistencyCapacity implements Experiment {
    private static final int ACCOUNTS = 20;
    private static final int READS_PER_WRITE = 3;
    private static final long SEED = 20261123L;

    @Override
    public String name() {
        return "rcu";
    }

    @Override
    public void run(Mode mode, Report report) {
        Map<Consistency, double[]> results = new java.util.HashMap<>();
        for (Consistency level : new Consistency[] {Consistency.EVENTUAL, Consistency.SESSION, Consistency.STRONG}) {
            double[] r = run(level, mode.rounds());
            results.put(level, r);
            report.detail("read-after-write, %s: %d deposits on %d accounts, %d reads: %.1f RCU, %.0f reads missed the session's deposit",
                    level, mode.rounds(), ACCOUNTS, mode.rounds() * READS_PER_WRITE, r[0], r[1]);
        }
        double strong = results.get(Consistency.STRONG)[0];
        report.ratio("session_vs_strong_rcu_ratio", results.get(Consistency.SESSION)[0] / strong);
        report.ratio("eventual_vs_strong_rcu_ratio", results.get(Consistency.EVENTUAL)[0] / strong);
        report.ratio("session_stale_reads", results.get(Consistency.SESSION)[1]);
        report.ratio("eventual_stale_reads_pct", 100 * results.get(Consistency.EVENTUAL)[1] / (mode.rounds() * READS_PER_WRITE));
    }

    /** Returns {read units, reads that missed the last deposit}. */
    private static double[] run(Consistency level, int rounds) {
        Random rnd = new Random(SEED);
        double rcu = 0;
        int stale = 0;
        try (DdbcClient client = Backends.embeddedClient(3)) {
            client.createTable(TableSpec.builder("accounts").partitionKey("id", AttributeValue.Type.S).build());
            DdbcSession session = client.newSession();
            Table accounts = session.table("accounts");
            for (int i = 0; i < rounds; i++) {
                Key key = Key.of("id", "acct-" + rnd.nextInt(ACCOUNTS));
                long balance = accounts.update(key).expression("ADD balance :d").value(":d", 10)
                        .returnValues(ReturnValues.ALL_NEW).execute().attributes().orElseThrow().getLong("balance");
                for (int r = 0; r < READS_PER_WRITE; r++) {
                    GetResult g = accounts.get(key).consistency(level).execute();
                    if (g.item().map(it -> it.getLong("balance")).orElse(0L) != balance) stale++;
                    rcu += g.consumedCapacity().readUnits();
                }
            }
        }
        return new double[] {rcu, stale};
    }
}
