package io.ddbc.embedded.global;

import static io.ddbc.embedded.global.Global.EU;
import static io.ddbc.embedded.global.Global.put;
import static io.ddbc.embedded.global.Global.strong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Item;
import io.ddbc.embedded.EmbeddedBackend;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The cross-region lag model as a reader in the other region sees it: time until a write is visible there. */
class CrossRegionLagTest {

    /** Virtual time, one write at a time: how long until eu-west-1's leader has a us-east-1 write, in 5 ms steps. */
    @Test
    void visibilityLagFollowsTheConfiguredMedianWithATail() {
        int samples = 300;
        long[] ms = new long[samples];
        try (EmbeddedBackend us = Global.twoRegions(77, "&regionLagMs=250&regionLagSpikeProbability=0")) {
            EmbeddedBackend eu = us.region(EU);
            for (int i = 0; i < samples; i++) {
                put(us, Item.of("id", "k" + i));
                long waited = 0;
                while (strong(eu, "k" + i) == null) {
                    us.advance(Duration.ofMillis(5));
                    waited += 5;
                }
                ms[i] = waited;
                us.settle();
            }
        }
        Arrays.sort(ms);
        long p50 = ms[samples / 2];
        long p95 = ms[samples * 95 / 100];
        long p99 = ms[samples * 99 / 100];
        System.out.println("[global lag] regionLagMs=250, " + samples + " writes: p50=" + p50 + "ms p95=" + p95 + "ms p99=" + p99
                + "ms max=" + ms[samples - 1] + "ms min=" + ms[0] + "ms");
        assertTrue(p50 >= 180 && p50 <= 330, "median near 250 ms: " + p50);
        assertTrue(p95 > 2 * p50 && p95 < 2000, "log-normal tail: p95 " + p95);
        assertTrue(ms[0] > 0, "never instantaneous");
    }

    @Test
    void spikesAddTheConfiguredExtraLag() {
        try (EmbeddedBackend us = Global.twoRegions(78, "&regionLagMs=1&regionLagSpikeProbability=1&regionLagSpikeMs=3000")) {
            EmbeddedBackend eu = us.region(EU);
            put(us, Item.of("id", "k"));
            us.advance(Duration.ofMillis(2900));
            assertEquals(null, strong(eu, "k"), "every write spikes by 3 s");
            us.advance(Duration.ofMillis(200));
            assertTrue(strong(eu, "k") != null);
        }
    }

    @Test
    void aRegionLagSpikeDelaysWritesMadeDuringItsWindow() {
        try (EmbeddedBackend us = Global.twoRegions(79, "&regionLagMs=1&regionLagSpikeProbability=0")) {
            EmbeddedBackend eu = us.region(EU);
            eu.regionLagSpike(Duration.ofSeconds(10), Duration.ofSeconds(1));
            put(us, Item.of("id", "slow"));
            us.advance(Duration.ofSeconds(2));
            put(us, Item.of("id", "fast"));
            us.advance(Duration.ofSeconds(1));
            assertEquals(null, strong(eu, "slow"), "made in the window: 10 s extra");
            assertTrue(strong(eu, "fast") != null, "made after the window: normal lag");
            us.advance(Duration.ofSeconds(10));
            assertTrue(strong(eu, "slow") != null);
            assertTrue(us.stats().faults().contains("regionLagSpike +10000ms for 1000ms"), us.stats().faults().toString());
        }
    }

    /** Real time: the shared scheduler's one thread delivers across regions on its own. */
    @Test
    void realTimeDeliversOnItsOwn() throws InterruptedException {
        try (EmbeddedBackend us = Global.withAccounts((EmbeddedBackend) Global.open(
                "ddbc:embedded:mem?regions=us-east-1,eu-west-1&regionLagMs=5&regionLagSpikeProbability=0&lagMs=1"))) {
            EmbeddedBackend eu = us.region(EU);
            put(us, Item.of("id", "k"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (strong(eu, "k") == null && System.nanoTime() < deadline) Thread.sleep(5);
            assertTrue(strong(eu, "k") != null, "delivered within 10 s on real time");
            long threads = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("ddbc-embedded-replication")).count();
            assertTrue(threads >= 1, "one replication thread for all regions");
        }
        Thread.sleep(50);
    }
}
