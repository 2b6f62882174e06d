package io.ddbc.samples.tour;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The tour's command-line options.
 *
 * @param seed seed of the embedded engine and of the workload
 * @param lagMs median replication lag of the embedded engine, milliseconds
 * @param operations read-after-write rounds per consistency level
 * @param duration wall-clock cap per workload; a workload stops early when it is reached
 * @param url the ddbc URL; null for the embedded engine built from seed and lag
 * @param report an HTML or CSV report file, or null
 */
record TourOptions(long seed, long lagMs, int operations, Duration duration, String url, Path report) {

    static final String USAGE = String.join("\n",
            "ddbc consistency tour: runs the samples on one backend and measures, per consistency level,",
            "reads, stale reads seen, session upgrades, cache hits, RCU/WCU spent and latency.",
            "",
            "options:",
            "  --seed=N          seed of the engine and the workload (default 42)",
            "  --lag=MS          median replication lag of the embedded engine in ms (default 50)",
            "  --ops=N           read-after-write rounds per consistency level (default 2000)",
            "  --duration=D      wall-clock cap per workload, e.g. 30s or PT1M (default 60s)",
            "  --url=URL         run on another backend, e.g. ddbc:aws:?endpoint=http://127.0.0.1:8000&region=us-east-1",
            "                    (default: the ddbc.url system property or DDBC_URL, else ddbc:embedded:mem",
            "                    with virtual time, the seed and the lag)",
            "  --report=FILE     also write the table to FILE (.html or .csv)",
            "",
            "The global tables section always runs on its own two-region embedded engine (us-east-1, eu-west-1)",
            "with the same seed and lag.",
            "  --help            this text");

    /** Parses {@code --name=value} arguments. @throws IllegalArgumentException naming the bad argument */
    static TourOptions parse(String... args) {
        long seed = 42;
        long lag = 50;
        int ops = 2000;
        Duration duration = Duration.ofSeconds(60);
        String url = null;
        Path report = null;
        for (String arg : args) {
            if (arg.isBlank()) continue;
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value = eq < 0 ? "" : arg.substring(eq + 1);
            try {
                switch (name) {
                    case "--seed": seed = Long.parseLong(value); break;
                    case "--lag": lag = Long.parseLong(value); break;
                    case "--ops": ops = Integer.parseInt(value); break;
                    case "--duration": duration = parseDuration(value); break;
                    case "--url": url = value; break;
                    case "--report": report = Path.of(value); break;
                    default: throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
            } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("bad value in '" + arg + "': " + e.getMessage());
            }
        }
        if (lag < 0 || ops < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--lag must be >= 0, --ops >= 1 and --duration > 0");
        }
        if (report != null && !(report.toString().endsWith(".html") || report.toString().endsWith(".csv"))) {
            throw new IllegalArgumentException("--report must name a .html or .csv file, got " + report);
        }
        return new TourOptions(seed, lag, ops, duration, url, report);
    }

    private static Duration parseDuration(String v) {
        String t = v.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("p")) return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
        if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        return Duration.ofSeconds(Long.parseLong(t));
    }

    /** The same options with another number of rounds. */
    TourOptions withOperations(int rounds) {
        return new TourOptions(seed, lagMs, rounds, duration, url, report);
    }

    /**
     * The URL to connect to: {@code --url}, else the standard setting every ddbc application reads
     * (system property {@code ddbc.url}, environment variable {@code DDBC_URL}), else the embedded engine
     * on virtual time with the seed and lag.
     */
    String effectiveUrl() {
        if (url != null) return url;
        String configured = System.getProperty("ddbc.url", System.getenv("DDBC_URL"));
        if (configured != null && !configured.isBlank()) return configured.trim();
        return "ddbc:embedded:mem?time=virtual&seed=" + seed + "&lagMs=" + lagMs;
    }
}
