package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.*;

import io.ddbc.api.*;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The seeds' read-after-write workload (a deposit, then reads of the balance) under SESSION and under
 * STRONG: SESSION must give read-your-writes every time and spend at most 55% of STRONG's read units.
 */
class SessionCapacityTest {
    static final int ACCOUNTS = 20;
    static final int ROUNDS = 200;
    static final int READS_PER_WRITE = 3;

    @Test
    void sessionSpendsFarFewerReadUnitsThanStrongWithReadYourWrites() {
        double session = run(Consistency.SESSION);
        double strong = run(Consistency.STRONG);
        double ratio = session / strong;
        System.out.printf("read-after-write workload (seed %d, %d writes, %d reads): SESSION %.1f RCU, STRONG %.1f RCU, ratio %.3f%n",
                EmbeddedFixture.seed(), ROUNDS, ROUNDS * READS_PER_WRITE, session, strong, ratio);
        assertTrue(ratio <= 0.55, "SESSION/STRONG RCU ratio " + ratio);
    }

    /** Read units spent by the reads; every read must see the session's last deposit. */
    private static double run(Consistency level) {
        Random rnd = new Random(EmbeddedFixture.seed());
        double rcu = 0;
        try (EmbeddedFixture f = new EmbeddedFixture()) {
            DdbcSession s = f.client().newSession();
            Table accounts = s.table(EmbeddedFixture.COUNTERS);
            for (int i = 0; i < ROUNDS; i++) {
                Key key = Key.of("id", "acct-" + rnd.nextInt(ACCOUNTS));
                long balance = accounts.update(key).expression("ADD balance :d").value(":d", 10)
                        .returnValues(ReturnValues.ALL_NEW).execute().attributes().orElseThrow().getLong("balance");
                for (int r = 0; r < READS_PER_WRITE; r++) {
                    GetResult g = accounts.get(key).consistency(level).execute();
                    assertEquals(balance, g.item().orElseThrow().getLong("balance"), level + " read lost the session's write");
                    rcu += g.consumedCapacity().readUnits();
                }
            }
        }
        return rcu;
    }
}
