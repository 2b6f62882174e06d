package io.ddbc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every experiment at the tiny smoke scale (a few seconds) so the build proves the harness works;
 * asserts that each headline figure is printed as {@code name: value} and that sessions kept their
 * guarantee, never a timing (the machine is shared).
 */
class QuickModeSmokeTest {
    @Test
    void everyExperimentPrintsItsRatiosAtSmokeScale() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        Map<String, Double> ratios = Main.run(Mode.SMOKE, new Report(out), List.of()).ratios();
        String printed = buffer.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        for (String name : List.of("embedded_vs_dynamodb_local_min", "adapter_overhead_bare_pct", "adapter_overhead_core_pct",
                "cache_hit_p50_us_eventual", "cache_hit_p50_us_session", "session_vs_strong_rcu_ratio", "cache_rcu_saved_pct",
                "heap_vs_raw_ratio_1_replica")) {
            assertTrue(ratios.containsKey(name), name + " missing from:\n" + printed);
            assertFalse(ratios.get(name).isNaN(), name + " is NaN");
            assertTrue(printed.lines().anyMatch(l -> l.matches(name + ": -?[0-9.]+")), name + " not printed as 'name: value'");
        }
        assertEquals(0.0, ratios.get("session_stale_reads"), "a SESSION read missed the session's own write:\n" + printed);
        assertTrue(ratios.get("cache_rcu_saved_pct") > 0, "the cache saved no read units:\n" + printed);
    }

    @Test
    void oracleCacheAnswersAllButTheFirstReadOfTheKeysItHolds() {
        long[] reads = {10, 0, 3, 1};
        assertEquals((9 + 2) / 14.0, CacheSavings.oracleSaving(reads, 2), 1e-9);
        assertEquals(0.0, CacheSavings.oracleSaving(new long[] {1, 1, 1}, 3), 1e-9);
    }

    @Test
    void zipfianKeysStayInRangeAndFavourFewKeys() {
        KeyChooser z = KeyChooser.zipfian(1000);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        long[] counts = new long[1000];
        for (int i = 0; i < 100_000; i++) counts[z.next(rnd)]++;
        long[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        long top10 = 0;
        for (int i = 990; i < 1000; i++) top10 += sorted[i];
        // zipf(0.99) over 1000 keys: the 10 hottest take about 39% of accesses (uniform would give 1%)
        assertTrue(top10 > 30_000 && top10 < 48_000, "top-10 share " + top10 / 1000.0 + "% (seed 3)");
    }
}
