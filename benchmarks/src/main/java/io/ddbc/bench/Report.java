package io.ddbc.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where figures go: each ratio as one line {@code name: value} (easy to diff between runs), details as
 * lines starting with {@code #}. Thread-confined (the harness reports from its main thread).
 */
final class Report {
    private final PrintStream out;
    private final Map<String, Double> ratios = new LinkedHashMap<>();

    Report(PrintStream out) {
        this.out = out;
    }

    /** A headline figure: printed as {@code name: value} and kept for {@link #ratios()}. */
    void ratio(String name, double value) {
        ratios.put(name, value);
        out.println(name + ": " + format(value));
        out.flush();
    }

    /** A detail line, printed with a leading {@code #}. */
    void detail(String format, Object... args) {
        out.println("# " + String.format(Locale.ROOT, format, args));
        out.flush();
    }

    Map<String, Double> ratios() {
        return ratios;
    }

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f", v);
    }
}
