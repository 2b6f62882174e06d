package io.ddbc.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the side-by-side figures and prints each ratio as one line {@code name: value}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar                 # full mode (published figures)
 * java -Dquick -jar benchmarks/target/benchmarks.jar         # quick mode, under a minute
 * java -jar benchmarks/target/benchmarks.jar adapter heap    # only the named experiments
 * java -jar benchmarks/target/benchmarks.jar jmh [JMH options]   # the JMH single-operation benchmarks
 * </pre>
 */
public final class Main {
    static final List<Experiment> ALL = List.of(new EmbeddedVsLocal(), new AdapterOverhead(), new CacheLatency(),
            new ConsistencyCapacity(), new CacheSavings(), new ReplicaScaling(), new HeapPerItem(), new YcsbMatrix(), new ServerVsLocal());

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        run(Mode.fromSystemProperties(), new Report(System.out), Arrays.asList(args));
        System.exit(0); // DynamoDB Local leaves non-daemon threads behind
    }

    /** Runs the named experiments (all when none is named) in one JVM run. */
    static Report run(Mode mode, Report report, List<String> names) throws Exception {
        List<Experiment> chosen = new ArrayList<>();
        for (Experiment e : ALL) if (names.isEmpty() || names.contains(e.name())) chosen.add(e);
        if (chosen.isEmpty()) throw new IllegalArgumentException("unknown experiment(s) " + names + "; known: " + ALL.stream().map(Experiment::name).toList());
        long t0 = System.nanoTime();
        report.detail("ddbc benchmarks, %s mode, %s, %s %s, %d CPUs, max heap %d MB, engine %s", mode.name(),
                java.time.Instant.now(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, Backends.embeddedUrl(3));
        if (!Backends.replicasSupported()) report.detail("this build's embedded engine is single-node (no 'replicas' parameter)");
        for (Experiment e : chosen) {
            long s = System.nanoTime();
            e.run(mode, report);
            report.detail("(%s: %.1f s, system load average %.1f)", e.name(), (System.nanoTime() - s) / 1e9,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        report.detail("total %.1f s", (System.nanoTime() - t0) / 1e9);
        return report;
    }
}
