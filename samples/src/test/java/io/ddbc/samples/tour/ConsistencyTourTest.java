package io.ddbc.samples.tour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsistencyTourTest {

    @Test
    void tourKeepsEveryPromiseAndShowsTheTradeOff() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TourOptions options = TourOptions.parse("--seed=42", "--lag=50", "--ops=600");
        ConsistencyTour.Result result = ConsistencyTour.run(options, new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(result.allKept(), printed);
        assertEquals(0, result.level("SESSION").staleReads, "the session row must show 0 stale reads\n" + printed);
        assertEquals(0, result.level("STRONG").staleReads, printed);
        assertEquals(0, result.level("SESSION+cache").staleReads, printed);
        assertTrue(result.level("EVENTUAL").staleReads > 0, "with lag, eventual reads right after a write are sometimes stale\n" + printed);
        assertTrue(result.level("SESSION").readUnits <= 0.55 * result.level("STRONG").readUnits,
                "SESSION must spend at most 55% of STRONG's RCU\n" + printed);
        assertTrue(result.level("SESSION+cache").cacheHits > 0, printed);
        assertTrue(printed.contains("[12/12] global tables"), "progress is shown\n" + printed);
        assertTrue(printed.contains("global tables on ddbc:embedded:mem"), printed);
    }

    @Test
    void globalSectionShowsWhatLastWriterWinsKeepsAndWhatVersionsDetect() {
        for (long seed : new long[] {42, 7}) {
            GlobalTour.Outcome o = new GlobalTour(seed, 50).measure(100);
            String why = "seed " + seed + ": " + o;
            assertEquals(java.util.List.of("Bob", "Bob"), o.names(), why);          // the later writer, in both regions
            assertTrue(o.plainBalance() == 150 || o.plainBalance() == 130, why);    // one of two deposits lost
            assertEquals(1, o.plainConflicts(), why);                               // ...and reported
            assertTrue(o.staleVersionRefused(), why);
            assertEquals(180, o.versionedAfterReplication(), why);
            assertTrue(o.concurrentHomeBalance() == 150 || o.concurrentHomeBalance() == 130, why);
            assertEquals(0, o.homeRefusals(), why);                                 // both checks pass locally
            assertEquals(1, o.concurrentHomeConflicts(), why);
            assertEquals(1, o.ownerRefusals(), why);
            assertEquals(180, o.ownerBalance(), why);
            assertEquals(0, o.sessionStale(), why);
            assertTrue(o.eventualStale() > 0, "eventual reads in the other region right after a write miss it\n" + why);
            assertEquals(o.rounds(), o.caughtUp() + o.waited() + o.routed(), why);
        }
    }

    @Test
    void reportsAreWrittenAsCsvAndHtml(@TempDir Path dir) throws Exception {
        for (String name : new String[] {"tour.csv", "tour.html"}) {
            Path file = dir.resolve(name);
            PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            assertEquals(0, ConsistencyTour.execute(new String[] {"--ops=100", "--report=" + file}, sink, sink));
            String text = Files.readString(file);
            assertTrue(text.contains("SESSION+cache"), text);
            assertTrue(name.endsWith(".csv") ? text.startsWith("level,reads,stale") : text.contains("<table"), text);
        }
    }

    @Test
    void helpListsTheOptionsAndBadArgumentsExitWithTwo() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertEquals(0, ConsistencyTour.execute(new String[] {"--help"}, ps, ps));
        for (String option : new String[] {"--seed", "--lag", "--ops", "--duration", "--url", "--report"}) {
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(option), option);
        }
        assertEquals(2, ConsistencyTour.execute(new String[] {"--nope"}, ps, ps));
    }

    @Test
    void badOptionsAreRefusedWithTheOptionNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TourOptions.parse("--sed=1"));
        assertTrue(e.getMessage().contains("--sed=1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TourOptions.parse("--ops=0"));
        assertThrows(IllegalArgumentException.class, () -> TourOptions.parse("--report=x.pdf"));
        assertThrows(IllegalArgumentException.class, () -> TourOptions.parse("--lag=abc"));
    }
}
