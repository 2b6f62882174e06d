package io.ddbc.samples.tour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Renders the tour's results as a console table, CSV or HTML. */
final class Report {
    private static final String[] HEADER = {"level", "reads", "stale", "stale %", "upgrades", "cache hits",
        "RCU", "WCU", "RCU/read", "p50 us", "p99 us"};

    private Report() {
    }

    static String[] row(LevelStats s) {
        return new String[] {s.level, Long.toString(s.reads), Long.toString(s.staleReads),
            fmt("%.1f", s.reads == 0 ? 0 : 100.0 * s.staleReads / s.reads), Long.toString(s.sessionUpgrades),
            Long.toString(s.cacheHits), fmt("%.1f", s.readUnits), fmt("%.1f", s.writeUnits), fmt("%.3f", s.rcuPerRead()),
            fmt("%.1f", s.latencyMicros(0.50)), fmt("%.1f", s.latencyMicros(0.99))};
    }

    static String console(List<LevelStats> levels) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-16s%8s%8s%9s%10s%12s%10s%10s%10s%10s%10s%n", (Object[]) HEADER));
        for (LevelStats s : levels) sb.append(String.format(Locale.ROOT, "%-16s%8s%8s%9s%10s%12s%10s%10s%10s%10s%10s%n", (Object[]) row(s)));
        return sb.toString();
    }

    static void write(Path file, List<LevelStats> levels, List<String> verdicts) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (file.toString().endsWith(".csv")) {
            sb.append(String.join(",", HEADER)).append('\n');
            for (LevelStats s : levels) sb.append(String.join(",", row(s))).append('\n');
        } else {
            sb.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>ddbc consistency tour</title></head><body>\n")
              .append("<h1>ddbc consistency tour</h1>\n<table border=\"1\"><tr>");
            for (String h : HEADER) sb.append("<th>").append(h).append("</th>");
            sb.append("</tr>\n");
            for (LevelStats s : levels) {
                sb.append("<tr>");
                for (String c : row(s)) sb.append("<td>").append(escape(c)).append("</td>");
                sb.append("</tr>\n");
            }
            sb.append("</table>\n<h2>Samples</h2>\n<ul>\n");
            for (String v : verdicts) sb.append("<li>").append(escape(v)).append("</li>\n");
            sb.append("</ul></body></html>\n");
        }
        Files.writeString(file, sb.toString());
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String fmt(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }
}
