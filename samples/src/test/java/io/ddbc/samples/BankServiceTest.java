package io.ddbc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.Key;
import io.ddbc.api.SessionToken;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.samples.bank.BankService;
import io.ddbc.test.DdbcTableSetup;
import io.ddbc.test.DdbcTest;
import io.ddbc.test.RepeatedWithSeeds;
import io.ddbc.test.TestControl;
import java.time.Duration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bank on a fresh lagging engine per test (virtual time, seed 7, median lag 50 ms), so eventual reads can be stale. */
@DdbcTest(seed = 7, lagMs = 50)
class BankServiceTest implements DdbcTableSetup {
    private DdbcClient client;
    private BankService bank;

    @Override
    public void createTables(DdbcClient client) {
        new BankService(client).createTable();
    }

    @BeforeEach
    void open(DdbcClient client) {
        this.client = client;
        bank = new BankService(client);
    }

    @RepeatedWithSeeds(10)
    void depositSurvivesFailoverAndThrottlingForSessionReads(TestControl control) {
        bank.open("f");
        DdbcSession session = client.newSession();
        control.lagNextWrites(Duration.ofSeconds(5));
        bank.deposit(session, "f", 70);
        control.failoverLeader(BankService.TABLE, Key.of("id", "f"));
        control.throttle(BankService.TABLE, Duration.ofMillis(30));
        assertEquals(70, bank.balance(session, "f", Consistency.SESSION));
        control.settle();
        assertEquals(70, bank.balance(client, "f", Consistency.EVENTUAL), "after settle every replica has the deposit");
    }

    @Test
    void depositIsSeenByStrongSessionAndResumedTokenReads() {
        for (int i = 0; i < 100; i++) {
            String id = "acct-" + i;
            bank.open(id);
            DdbcSession session = client.newSession();
            bank.deposit(session, id, 500);
            assertEquals(500, bank.balance(client, id, Consistency.STRONG), "strong read, account " + id);
            assertEquals(500, bank.balance(session, id, Consistency.SESSION), "session read, account " + id);
            DdbcSession resumed = client.resumeSession(SessionToken.parse(session.token().serialize()));
            assertEquals(500, bank.balance(resumed, id, Consistency.SESSION), "resumed-token read, account " + id);
        }
    }

    @Test
    void concurrentTransfersKeepTheTotalExact() throws Exception {
        int accounts = 6;
        for (int a = 0; a < accounts; a++) {
            bank.open("t" + a);
            bank.deposit(client, "t" + a, 1_000);
        }
        BigDecimal before = bank.total();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = 1000 + t;
                futures.add(pool.submit(() -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    for (int i = 0; i < 30; i++) {
                        int from = r.nextInt(accounts);
                        int to = (from + 1 + r.nextInt(accounts - 1)) % accounts;
                        try {
                            bank.transfer(client, "x" + seed + "-" + i, "t" + from, "t" + to, 1 + r.nextInt(400));
                        } catch (TransactionCanceledException refused) {
                            // an overdraft (or a conflict that outlasted retries) changes nothing
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(0, before.compareTo(bank.total()), "money created or destroyed: " + before + " -> " + bank.total());
        for (int a = 0; a < accounts; a++) {
            long balance = bank.balance(client, "t" + a, Consistency.STRONG);
            assertEquals(true, balance >= 0, "account t" + a + " overdrawn: " + balance);
        }
    }

    @Test
    void transferReplayedWithTheSameTokenAppliesOnce() {
        bank.open("a");
        bank.open("b");
        bank.deposit(client, "a", 100);
        bank.transfer(client, "pay-1", "a", "b", 30);
        bank.transfer(client, "pay-1", "a", "b", 30);
        assertEquals(70, bank.balance(client, "a", Consistency.STRONG));
        assertEquals(30, bank.balance(client, "b", Consistency.STRONG));
    }

    @Test
    void overdraftIsRefusedAndChangesNothing() {
        bank.open("poor");
        bank.open("rich");
        bank.deposit(client, "poor", 10);
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
                () -> bank.transfer(client, "over-1", "poor", "rich", 11));
        assertEquals(true, e.reasons().get(0).isConditionFailure());
        assertEquals(10, bank.balance(client, "poor", Consistency.STRONG));
        assertEquals(0, bank.balance(client, "rich", Consistency.STRONG));
    }
}
