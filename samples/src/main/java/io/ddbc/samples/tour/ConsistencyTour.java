package io.ddbc.samples.tour;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.core.Ddbc;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The main job: runs the samples on one backend (the embedded engine with virtual time by default)
 * and prints, per consistency level, reads, stale reads seen, session upgrades, cache hits, RCU/WCU
 * spent and latency — the trade-off the seeds describe, measured — then a global tables section (two
 * regions: what last writer wins keeps, what versioned updates detect, session reads across regions)
 * and each sample's verdict.
 *
 * <pre>{@code
 * mvn -B -q -pl samples -am package -DskipTests exec:java -Dexec.args="--seed=7 --lag=80 --report=tour.html"
 * }</pre>
 */
public final class ConsistencyTour {
    private ConsistencyTour() {
    }

    /** Runs the tour; exits 1 if a sample broke its promise, 2 on bad arguments. */
    public static void main(String[] args) throws Exception {
        int status = execute(args, System.out, System.err);
        if (status != 0) System.exit(status);
    }

    /** The whole command: options, run, report. Returns the exit status (0 ok, 1 a promise broken, 2 bad arguments). */
    static int execute(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (List.of(args).contains("--help")) {
            out.println(TourOptions.USAGE);
            return 0;
        }
        TourOptions options;
        try {
            options = TourOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("tour: " + e.getMessage() + "\n\n" + TourOptions.USAGE);
            return 2;
        }
        Result result = run(options, out);
        if (options.report() != null) {
            Report.write(options.report(), result.levels(), result.verdictLines());
            out.println("report written to " + options.report());
        }
        return result.allKept() ? 0 : 1;
    }

    /** What a tour run measured. */
    record Result(List<LevelStats> levels, List<Verdict> verdicts) {
        boolean allKept() {
            return verdicts.stream().allMatch(Verdict::kept);
        }

        List<String> verdictLines() {
            List<String> lines = new ArrayList<>();
            for (Verdict v : verdicts) lines.add(v.toString());
            return lines;
        }

        LevelStats level(String name) {
            return levels.stream().filter(l -> l.level.equals(name)).findFirst().orElseThrow();
        }
    }

    /** Runs everything, printing progress and results to {@code out}. */
    static Result run(TourOptions options, PrintStream out) throws Exception {
        out.println("ddbc consistency tour on " + options.effectiveUrl());
        out.println("read-after-write: " + options.operations() + " rounds per level (deposit, then read it back)");
        ReadAfterWrite raw = new ReadAfterWrite(options);
        List<LevelStats> levels = new ArrayList<>();
        Object[][] plan = {{"EVENTUAL", Consistency.EVENTUAL, false}, {"SESSION", Consistency.SESSION, false},
            {"STRONG", Consistency.STRONG, false}, {"SESSION+cache", Consistency.SESSION, true}};
        int step = 0;
        int steps = plan.length + 8;
        out.printf("[%d/%d] warm-up (not counted) ...%n", ++step, steps);
        new ReadAfterWrite(options.withOperations(Math.min(500, options.operations()))).run("warmup", Consistency.SESSION, false);
        for (Object[] p : plan) {
            out.printf("[%d/%d] %s ...%n", ++step, steps, p[0]);
            levels.add(raw.run((String) p[0], (Consistency) p[1], (Boolean) p[2]));
        }
        List<Verdict> verdicts = new ArrayList<>();
        try (DdbcClient client = Ddbc.connect(options.effectiveUrl())) {
            SampleRuns samples = new SampleRuns(client, options.seed());
            out.printf("[%d/%d] bank story ...%n", ++step, steps);
            verdicts.add(samples.bankStory());
            out.printf("[%d/%d] bank transfers ...%n", ++step, steps);
            verdicts.add(samples.bankTransfers());
            out.printf("[%d/%d] orders ...%n", ++step, steps);
            verdicts.add(samples.orders());
            out.printf("[%d/%d] inventory ...%n", ++step, steps);
            verdicts.add(samples.inventory());
            out.printf("[%d/%d] profile ...%n", ++step, steps);
            verdicts.add(samples.profile());
            out.printf("[%d/%d] gsi ...%n", ++step, steps);
            verdicts.add(samples.gsi());
        }
        out.printf("[%d/%d] global tables ...%n", ++step, steps);
        GlobalTour global = new GlobalTour(options.seed(), options.lagMs());
        GlobalTour.Outcome globalOutcome = global.measure(Math.min(200, options.operations()));
        out.println();
        out.print(Report.console(levels));
        LevelStats strong = levels.get(2);
        LevelStats session = levels.get(1);
        out.printf("%nSESSION spent %.0f%% of STRONG's read capacity with %d stale reads; EVENTUAL served %d stale reads.%n%n",
                strong.readUnits == 0 ? 0 : 100 * session.readUnits / strong.readUnits, session.staleReads, levels.get(0).staleReads);
        verdicts.add(global.report(globalOutcome, out));
        for (Verdict v : verdicts) out.println(v);
        return new Result(levels, verdicts);
    }
}
