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
        Map<String, Long> totals = runSeeds(Op.Mode.BASE, 300);
        assertTrue(totals.getOrDefault("acked", 0L) > 0 && totals.getOrDefault("unknown outcome (BackendUnavailableException)", 0L) > 0
                        && totals.getOrDefault("condition failed", 0L) > 0 && totals.getOrDefault("engine: stale reads served", 0L) > 0
                        && totals.getOrDefault("engine: failovers", 0L) > 0
                        && totals.getOrDefault("engine: write answers lost", 0L) > 0
                        && totals.getOrDefault("unknown outcome (OutcomeUnknownException)", 0L) > 0,
                "the workload must acknowledge writes, fail conditions, meet unavailability and lose answers of applied writes,"
                        + " or it tests little: " + totals);
    }

    /**
     * The token-heavy workload ({@link Op.Mode#TOKENS}): sessions over 40 keys and 8 partitions, so their tokens
     * fold and cap; merges; signing and non-signing clients; session queries on global indexes; expectVersion
     * updates and deletes. Same checks, plus: a session read refused while every AZ is up is a failure.
     */
    @Test
    void tokenHeavyWorkloadsKeepEveryGuarantee() {
        Map<String, Long> totals = runSeeds(Op.Mode.TOKENS, 100);
        assertTrue(totals.getOrDefault("merges", 0L) > 0 && totals.getOrDefault("index queries answered", 0L) > 0
                        && totals.getOrDefault("merge refused (unsigned token to a signing client)", 0L) > 0
                        && totals.getOrDefault("handoff refused (unsigned token to a signing client)", 0L) > 0
                        && totals.getOrDefault("condition failed", 0L) > 0,
                "the token workload must merge, query indexes, refuse unsigned tokens and fail version checks: " + totals);
    }

    /** Runs the seeds of a mode (or the one of -Dddbc.sim.seed), fails on any violation, returns the outcome counts. */
    private static Map<String, Long> runSeeds(Op.Mode mode, int defaultSeeds) {
        String one = System.getProperty("ddbc.sim.seed");
        String onlyMode = System.getProperty("ddbc.sim.mode");
        org.junit.jupiter.api.Assumptions.assumeTrue(onlyMode == null || onlyMode.equalsIgnoreCase(mode.name()),
                "-Dddbc.sim.mode=" + onlyMode + " runs the other workload only");
        long first = one != null ? Long.parseLong(one) : Long.getLong("ddbc.sim.firstSeed", 1L);
        int seeds = one != null ? 1 : seedsArg(mode, defaultSeeds);
        long started = System.nanoTime();
        int threads = one != null ? 1 : Integer.getInteger("ddbc.sim.threads", 1);
        // Seeds are independent runs, each deterministic on its own: several may run at once.
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        List<Simulation.Result> results;
        try {
            results = pool.submit(() -> java.util.stream.LongStream.range(first, first + seeds).parallel()
                    .mapToObj(seed -> Simulation.run(seed, workload(seed, mode), mode)).toList()).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("a simulation run crashed", e);
        } finally {
            pool.shutdown();
        }
        Map<String, Long> totals = new TreeMap<>();
        List<Long> failing = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        Map<Long, Map<String, List<Integer>>> refusals = new TreeMap<>();
        for (Simulation.Result r : results) {
            r.counts().forEach((k, v) -> totals.merge(k, (long) v, Long::sum));
            if (!r.refusedWithoutFault().isEmpty()) refusals.put(r.seed(), r.refusedWithoutFault());
            if (r.failed()) {
                failing.add(r.seed());
                if (reports.size() < 3) reports.add(report(r.seed(), workload(r.seed(), mode), r, mode));
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("simulation %s: %d seeds from %d, %d steps each, %d threads, %d ms, %d failing; refused without a fault: %s;"
                + " outcomes %s%n", mode, seeds, first, STEPS, threads, millis, failing.size(), refusals, totals);
        if (!failing.isEmpty()) {
            fail(failing.size() + " of " + seeds + " " + mode + " seeds broke a guarantee: " + failing + "; first reports:\n"
                    + String.join("\n\n", reports));
        }
        // A session read refused while every AZ is up is a false refusal. Those of session queries on global indexes
        // are a known finding (folded token buckets in QueryPath, issue 17 part 3, fixed separately): counted, reported,
        // bounded by -Dddbc.sim.maxKnownIndexRefusals; any other is a failure.
        long known = 0;
        List<String> other = new ArrayList<>();
        for (var e : refusals.entrySet()) {
            for (var k : e.getValue().entrySet()) {
                if (k.getKey().equals("GSI_QUERY")) known += k.getValue().size();
                else other.add("seed " + e.getKey() + " " + k.getKey() + " steps " + k.getValue());
            }
        }
        totals.put("session reads refused without a fault (index queries, known)", known);
        if (!other.isEmpty()) fail("session reads refused while every AZ was up: " + other);
        long bound = Long.getLong("ddbc.sim.maxKnownIndexRefusals", Long.MAX_VALUE);
        if (known > bound) fail(known + " session index queries refused without a fault, more than the known " + bound + ": " + refusals);
        return totals;
    }

    /** -Dddbc.sim.seeds for either mode; -Dddbc.sim.tokenSeeds overrides it for the token-heavy one. */
    private static int seedsArg(Op.Mode mode, int defaultSeeds) {
        if (mode == Op.Mode.TOKENS) return Integer.getInteger("ddbc.sim.tokenSeeds", Integer.getInteger("ddbc.sim.seeds", defaultSeeds));
        return Integer.getInteger("ddbc.sim.seeds", defaultSeeds);
    }

    /** The steps of a seed: all of them, or those named by -Dddbc.sim.ops when replaying a shrunk failure. */
    private static List<Op> workload(long seed, Op.Mode mode) {
        List<Op> all = Op.workload(seed, STEPS, mode);
        String only = System.getProperty("ddbc.sim.ops");
        if (only == null || only.isBlank()) return all;
        List<Integer> keep = Arrays.stream(only.split(",")).map(String::trim).map(Integer::parseInt).toList();
        return all.stream().filter(o -> keep.contains(o.index())).toList();
    }

    private static String report(long seed, List<Op> ops, Simulation.Result r, Op.Mode mode) {
        List<Op> minimal = Shrinker.shrink(ops, subset -> Simulation.run(seed, subset, mode).failed(), 3000);
        Simulation.Result again = Simulation.run(seed, minimal, mode);
        String indices = minimal.stream().map(o -> String.valueOf(o.index())).collect(Collectors.joining(","));
        return "seed " + seed + " (" + Simulation.url(seed, mode) + "): " + r.violations().size() + " violation(s), first: "
                + r.violations().get(0) + "\nminimal reproduction, " + minimal.size() + " of " + ops.size() + " steps:\n  "
                + minimal.stream().map(Op::toString).collect(Collectors.joining("\n  ")) + "\nwhich reports: " + again.violations()
                + "\nreplay: mvn -B -pl sdk-reliability -am verify -Dtest=SimulationTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dddbc.sim.mode=" + mode + " -Dddbc.sim.seed=" + seed + " -Dddbc.sim.ops=" + indices;
    }
}
