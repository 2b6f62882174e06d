package io.ddbc.embedded.global;

import static io.ddbc.embedded.global.Global.ACCOUNTS;
import static io.ddbc.embedded.global.Global.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Page;
import io.ddbc.api.Positions;
import io.ddbc.api.PutRequest;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.StaleReadException;
import io.ddbc.embedded.EmbeddedBackend;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A session that writes and reads in random regions, carrying the positions of everything it has seen, while
 * other clients write elsewhere and regions are cut off and healed: every read either answers with the
 * session's own latest write of the item (read-your-writes) and never with an older image of another client's
 * item than one it has already seen (monotonic reads, also when it saw that image in a region that had received
 * it from a third one), or refuses with StaleReadException. Other clients write each of their keys in one region,
 * so their writes of a key are ordered by {@code op}.
 * Seeds: {@code -Dddbc.global.seed=N} runs one, {@code -Dddbc.global.seeds=K} runs K (default 20).
 */
class SessionAcrossRegionsTest {
    private static final List<String> REGIONS = List.of(Global.US, Global.EU, Global.AP);
    private static long served;
    private static long refused;

    @Test
    void sessionReadsAcrossRegionsAreFreshOrRefused() {
        long only = Long.getLong("ddbc.global.seed", -1);
        int seeds = Integer.getInteger("ddbc.global.seeds", 20);
        long from = only >= 0 ? only : 1;
        long to = only >= 0 ? only : seeds;
        for (long seed = from; seed <= to; seed++) {
            try {
                run(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + " failed (re-run with -Dddbc.global.seed=" + seed + "): " + e.getMessage(), e);
            }
        }
        System.out.println("[global session] seeds " + from + ".." + to + ": " + served + " session reads served fresh in some region, "
                + refused + " refused with StaleReadException, none stale");
        assertTrue(served > 0 && refused > 0, "both outcomes occur");
    }

    private void run(long seed) {
        Random rnd = new Random(seed);
        List<String> regions = REGIONS.subList(0, 2 + rnd.nextInt(2));
        // serviceLatencyMs=1: every operation moves the clock, so the session's later write has the later stamp
        EmbeddedBackend b = Global.withAccounts((EmbeddedBackend) Global.open("ddbc:embedded:mem?time=virtual&serviceLatencyMs=1&seed=" + seed
                + "&regions=" + String.join(",", regions) + "&regionLagMs=100"));
        try {
            Positions session = Positions.NONE;
            Map<String, Item> mine = new HashMap<>();
            java.util.Set<String> isolated = new java.util.HashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int op = 0; op < 250; op++) {
                EmbeddedBackend region = b.region(regions.get(rnd.nextInt(regions.size())));
                int dice = rnd.nextInt(100);
                try {
                    if (dice < 25) {
                        String k = "s" + rnd.nextInt(4);
                        Item item = Item.of("id", k, "op", op, "ownerId", "session");
                        session = session.merge(region.put(PutRequest.builder(ACCOUNTS, item).build()).positions());
                        mine.put(k, item);
                    } else if (dice < 45) {
                        int j = rnd.nextInt(8);
                        Global.put(b.region(regions.get(j % regions.size())), Item.of("id", "b" + j, "op", op));
                    } else if (dice < 62) {
                        String k = "b" + rnd.nextInt(8);
                        GetResult r = region.get(GetRequest.builder(ACCOUNTS, key(k)).minPositions(session).build());
                        int op2 = r.item().map(i -> i.getNumber("op").intValue()).orElse(-1);
                        assertTrue(op2 >= seen.getOrDefault(k, -1), "monotonic read of " + k + " in " + region.stats().region() + ": op " + op2
                                + " after op " + seen.get(k));
                        seen.put(k, op2);
                        session = session.merge(r.positions());
                        served++;
                    } else if (dice < 80) {
                        String k = "s" + rnd.nextInt(4);
                        GetResult r = region.get(GetRequest.builder(ACCOUNTS, key(k)).minPositions(session).build());
                        assertEquals(mine.get(k), r.item().orElse(null), "session read of " + k + " in " + region.stats().region());
                        session = session.merge(r.positions());
                        served++;
                    } else if (dice < 88) {
                        String k = "s" + rnd.nextInt(4);
                        Page p = region.query(QueryRequest.builder(ACCOUNTS).keyCondition("id = :k").value(":k", k).minPositions(session).build());
                        assertEquals(mine.get(k), p.items().isEmpty() ? null : p.items().get(0), "session query of " + k);
                        session = session.merge(p.positions());
                        served++;
                    } else if (dice < 95) {
                        b.advance(Duration.ofMillis(rnd.nextInt(300)));
                    } else {
                        String r = regions.get(rnd.nextInt(regions.size()));
                        if (isolated.remove(r)) {
                            b.healRegion(r);
                        } else {
                            isolated.add(r);
                            b.isolateRegion(r);
                        }
                    }
                } catch (StaleReadException e) {
                    refused++;
                } catch (BackendUnavailableException e) {
                    // not expected without AZ faults, but never a wrong answer
                }
            }
        } finally {
            b.close();
        }
    }
}
