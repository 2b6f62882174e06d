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
 * from its serialized token), writes and reads a versioned and an unversioned table, while regions are
 * isolated and healed and time moves. Every read and write either keeps the session guarantees
 * ({@link SessionHistoryChecker}) or is refused with {@link StaleReadException} — never silently stale.
 * {@code -Dddbc.seed=} picks the first seed, {@code -Dddbc.seeds=} how many (the soak profile runs 200).
 */
class GlobalSessionHistoryTest {
    static final String US = GlobalSessionsTest.US;
    static final String EU = GlobalSessionsTest.EU;
    static final int STEPS = 150;
    static final List<Duration> WAITS = List.of(Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void sessionGuaranteesHoldOrAreRefusedAcrossRegions() {
        long base = EmbeddedFixture.seed();
        int seeds = Integer.getInteger("ddbc.seeds", 4);
        int[] totals = new int[2];
        for (long seed = base; seed < base + seeds; seed++) runOnce(seed, totals);
        // Refusals are legitimate (a region cut off for long), but waiting and routing must answer most reads.
        assertTrue(totals[0] > 2 * totals[1], "seeds " + base + ".." + (base + seeds - 1) + ": " + totals[0] + " reads answered, "
                + totals[1] + " reads or writes refused");
    }

    private void runOnce(long seed, int[] totals) {
        Random rnd = new Random(seed);
        Duration wait = WAITS.get(rnd.nextInt(WAITS.size()));
        try (DdbcClient client = Ddbc.builder().url(GlobalEmbeddedTest.url(seed)).crossRegionWait(wait).build()) {
            GlobalSessionsTest.createTables(client);
            EmbeddedControl control = client.unwrap(EmbeddedControl.class);
            SessionHistoryChecker checker = new SessionHistoryChecker("seed " + seed + " (wait " + wait.toMillis() + " ms)");
            Map<String, Long> noteSeq = new HashMap<>();
            boolean[] isolated = new boolean[2];
            DdbcSession s = client.newSession(US);
            int answered = 0;
            int refused = 0;
            for (int step = 0; step < STEPS; step++) {
                // Distinct stamps for distinct writes: last writer wins breaks same-instant ties by region name.
                control.advance(Duration.ofMillis(1));
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
                        String to = s.homeRegion().equals(US) ? EU : US;
                        s = client.resumeSession(SessionToken.parse(s.token().serialize()), to);
                    } else if (a < 93) {
                        int r = rnd.nextInt(2);
                        String region = r == 0 ? US : EU;
                        if (isolated[r]) control.healRegion(region);
                        else control.isolateRegion(region);
                        isolated[r] = !isolated[r];
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
