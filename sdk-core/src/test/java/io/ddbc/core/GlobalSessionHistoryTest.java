package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.SessionToken;
import io.ddbc.api.StaleReadException;
import io.ddbc.api.WriteResult;
import io.ddbc.embedded.EmbeddedControl;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random histories on the embedded two-region engine: one session moves between regions (resuming
 * from its serialized token; home or owner write affinity), writes and reads a versioned and an unversioned table, while regions are
 * isolated and healed and time moves. Every read and write either keeps the session guarantees
 * ({@link SessionHistoryChecker}) or is refused with {@link StaleReadException} — never silently stale.
 * {@code -Dddbc.seed=} picks the first seed, {@code -Dddbc.seeds=} how many (the soak profile runs 200).
 */
class GlobalSessionHistoryTest {
    static final String US = GlobalSessionsTest.US;
    static final String EU = GlobalSessionsTest.EU;
    static final String AP = "ap-southeast-2";
    static final int STEPS = 150;
    static final List<Duration> WAITS = List.of(Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void sessionGuaranteesHoldOrAreRefusedAcrossRegions() {
        long base = EmbeddedFixture.seed();
        int seeds = Integer.getInteger("ddbc.seeds", 4);
        int[] totals = new int[2];
        for (long seed = base; seed < base + seeds; seed++) runOnce(seed, totals);
        // Refusals are legitimate (a region cut off for long), but waiting and routing must answer most reads.
        assertTrue(totals[0] > totals[1], "seeds " + base + ".." + (base + seeds - 1) + ": " + totals[0] + " reads answered, "
                + totals[1] + " reads or writes refused");
    }

    private void runOnce(long seed, int[] totals) {
        Random rnd = new Random(seed);
        Duration wait = WAITS.get(rnd.nextInt(WAITS.size()));
        WriteAffinity affinity = rnd.nextBoolean() ? WriteAffinity.home() : WriteAffinity.byPartitionKey();
        // Two or three regions: with three, a region may hold some of the session's writes and miss others.
        List<String> regions = rnd.nextBoolean() ? List.of(US, EU) : List.of(US, EU, AP);
        String url = GlobalEmbeddedTest.url(seed).replace("regions=" + US + "," + EU, "regions=" + String.join(",", regions));
        try (DdbcClient client = Ddbc.builder().url(url).crossRegionWait(wait).writeAffinity(affinity).build()) {
            GlobalSessionsTest.createTables(client);
            EmbeddedControl control = client.unwrap(EmbeddedControl.class);
            SessionHistoryChecker checker = new SessionHistoryChecker("seed " + seed + " (" + regions + ", wait " + wait.toMillis() + " ms, "
                    + affinity + ")");
            Map<String, Long> noteSeq = new HashMap<>();
            String isolated = null;
            int healAt = -1;
            DdbcSession s = client.newSession(US);
            int answered = 0;
            int refused = 0;
            for (int step = 0; step < STEPS; step++) {
                // Distinct stamps for distinct writes: last writer wins breaks same-instant ties by region name.
                control.advance(Duration.ofMillis(1));
                if (step == healAt) {
                    control.healRegion(isolated);
                    isolated = null;
                }
                String id = "k" + rnd.nextInt(3);
                int a = rnd.nextInt(100);
                try {
                    if (a < 20) {
                        WriteResult w = s.table(GlobalSessionsTest.COUNTERS).update(Key.of("id", id))
                                .expression("SET n = if_not_exists(n, :z) + :one").value(":z", 0).value(":one", 1).execute();
                        checker.wrote("counters/" + id, w.version().orElseThrow());
                    } else if (a < 35) {
                        long n = noteSeq.merge(id, 1L, Long::sum);
                        s.table(GlobalSessionsTest.NOTES).put(Item.of("id", id, "n", n)).execute();
                        checker.wrote("notes/" + id, n);
                    } else if (a < 55) {
                        GetResult r = s.table(GlobalSessionsTest.COUNTERS).get(Key.of("id", id)).execute();
                        checker.read("counters/" + id, r.version().orElse(0), "get in " + s.homeRegion());
                        answered++;
                    } else if (a < 75) {
                        GetResult r = s.table(GlobalSessionsTest.NOTES).get(Key.of("id", id)).execute();
                        checker.read("notes/" + id, r.item().map(i -> i.getLong("n")).orElse(0L), "get in " + s.homeRegion());
                        answered++;
                    } else if (a < 87) {
                        String from = s.homeRegion();
                        List<String> others = regions.stream().filter(r -> !r.equals(from)).toList();
                        String to = others.get(rnd.nextInt(others.size()));
                        s = client.resumeSession(SessionToken.parse(s.token().serialize()), to);
                    } else if (a < 90) {
                        if (isolated == null) {
                            // A region cut off for a while (5 to 30 steps), then healed.
                            isolated = regions.get(rnd.nextInt(regions.size()));
                            control.isolateRegion(isolated);
                            healAt = step + 5 + rnd.nextInt(26);
                        }
                    } else {
                        control.advance(Duration.ofMillis(rnd.nextInt(600)));
                    }
                } catch (StaleReadException e) {
                    refused++;
                }
            }
            assertTrue(checker.violations().isEmpty(), "seed " + seed + ": " + checker.violations());
            totals[0] += answered;
            totals[1] += refused;
        }
    }
}
