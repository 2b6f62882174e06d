package io.ddbc.reliability.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Delta debugging (Zeller's ddmin) over a failing run's steps: the smallest subset found that still fails.
 * Bounded by a number of runs so a pathological failure still reports in reasonable time.
 */
final class Shrinker {
    private Shrinker() {
    }

    static List<Op> shrink(List<Op> failing, Predicate<List<Op>> fails, int maxRuns) {
        List<Op> ops = new ArrayList<>(failing);
        int n = 2;
        int runs = 0;
        while (ops.size() >= 2 && runs < maxRuns) {
            int chunk = (int) Math.ceil(ops.size() / (double) n);
            boolean reduced = false;
            for (int start = 0; start < ops.size() && runs < maxRuns; start += chunk) {
                List<Op> complement = new ArrayList<>(ops.subList(0, start));
                complement.addAll(ops.subList(Math.min(ops.size(), start + chunk), ops.size()));
                runs++;
                if (!complement.isEmpty() && fails.test(complement)) {
                    ops = complement;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (n >= ops.size()) break;
                n = Math.min(ops.size(), n * 2);
            }
        }
        return ops;
    }
}
