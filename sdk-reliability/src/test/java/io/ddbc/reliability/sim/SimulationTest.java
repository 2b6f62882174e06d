package io.ddbc.reliability.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The deterministic simulation: seeded workloads over the embedded engine's virtual time with faults
 * interleaved, each history checked (see {@link History}). {@code -Dddbc.sim.seeds=N} seeds from
 * {@code -Dddbc.sim.firstSeed} (default 1); {@code -Dddbc.sim.seed=S} replays one seed, optionally only
 * the steps {@code -Dddbc.sim.ops=3,17,42} (what a failure prints after shrinking).
 */
class SimulationTest {
    static final int STEPS = Integer.getInteger("ddbc.sim.steps", 250);

    @Test
    void seededWorkloadsUnderFaultsKeepEveryGuarantee() {
        String one = System.getProperty("ddbc.sim.seed");
        long first = one != null ? Long.parseLong(one) : Long.getLong("ddbc.sim.firstSeed", 1L);
        int seeds = one != null ? 1 : Integer.getInteger("ddbc.sim.seeds", 300);
        long started = System.nanoTime();
        int threads = one != null ? 1 : Integer.getInteger("ddbc.sim.threads", 1);
        // Seeds are independent runs, each deterministic on its own: several may run at once.
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        List<Simulation.Result> results;
        try {
            results = pool.submit(() -> java.util.stream.LongStream.range(first, first + seeds).parallel()
                    .mapToObj(seed -> Simulation.run(seed, workload(seed))).toList()).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a simulation run crashed", e);
        } finally {
            pool.shutdown();
        }
        Map<String, Long> totals = new TreeMap<>();
        List<Long> failing = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        for (Simulation.Result r : results) {
            r.counts().forEach((k, v) -> totals.merge(k, (long) v, Long::sum));
            if (r.failed()) {
                failing.add(r.seed());
                if (reports.size() < 3) reports.add(report(r.seed(), workload(r.seed()), r));
            }
        }
        int violations = failing.size();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("simulation: %d seeds from %d, %d steps each, %d threads, %d ms, %d failing; outcomes %s%n", seeds, first, STEPS,
                threads, millis, violations, totals);
        if (violations > 0) {
            fail(violations + " of " + seeds + " seeds broke a guarantee: " + failing + "; first reports:\n" + String.join("\n\n", reports));
        }
        assertTrue(totals.getOrDefault("acked", 0L) > 0 && totals.getOrDefault("unknown outcome (BackendUnavailableException)", 0L) > 0
                        && totals.getOrDefault("condition failed", 0L) > 0 && totals.getOrDefault("engine: stale reads served", 0L) > 0
                        && totals.getOrDefault("engine: failovers", 0L) > 0
                        && totals.getOrDefault("engine: write answers lost", 0L) > 0
                        && totals.getOrDefault("unknown outcome (OutcomeUnknownException)", 0L) > 0,
                "the workload must acknowledge writes, fail conditions, meet unavailability and lose answers of applied writes,"
                        + " or it tests little: " + totals);
    }

    /** The steps of a seed: all of them, or those named by -Dddbc.sim.ops when replaying a shrunk failure. */
    private static List<Op> workload(long seed) {
        List<Op> all = Op.workload(seed, STEPS);
        String only = System.getProperty("ddbc.sim.ops");
        if (only == null || only.isBlank()) return all;
        List<Integer> keep = Arrays.stream(only.split(",")).map(String::trim).map(Integer::parseInt).toList();
        return all.stream().filter(o -> keep.contains(o.index())).toList();
    }

    private static String report(long seed, List<Op> ops, Simulation.Result r) {
        List<Op> minimal = Shrinker.shrink(ops, subset -> Simulation.run(seed, subset).failed(), 3000);
        Simulation.Result again = Simulation.run(seed, minimal);
        String indices = minimal.stream().map(o -> String.valueOf(o.index())).collect(Collectors.joining(","));
        return "seed " + seed + " (" + Simulation.url(seed) + "): " + r.violations().size() + " violation(s), first: "
                + r.violations().get(0) + "\nminimal reproduction, " + minimal.size() + " of " + ops.size() + " steps:\n  "
                + minimal.stream().map(Op::toString).collect(Collectors.joining("\n  ")) + "\nwhich reports: " + again.violations()
                + "\nreplay: mvn -B -pl sdk-reliability -am verify -Dtest=SimulationTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dddbc.sim.seed=" + seed + " -Dddbc.sim.ops=" + indices;
    }
}
