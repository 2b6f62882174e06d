package io.ddbc.samples.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.api.DdbcClient;
import io.ddbc.api.Key;
import io.ddbc.test.DdbcAssertions;
import io.ddbc.test.DdbcTableSetup;
import io.ddbc.test.DdbcTest;
import io.ddbc.test.RepeatedWithSeeds;
import io.ddbc.test.SeedFailure;
import io.ddbc.test.SeededScenario;
import io.ddbc.test.TestControl;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's acceptance test: the toolkit fails the naive receipt (eventual read after deposit) under some seed and
 * passes the fixed one (session read) under every seed tried.
 */
@DdbcTest(lagMs = 200, lagSpikeProbability = 0.05, lagSpikeMs = 2000)
class DepositReceiptTest implements DdbcTableSetup {

    @Override
    public void createTables(DdbcClient client) {
        new BankService(client).createTable();
    }

    /** The user's invariant: each receipt shows the balance including the deposit just made. */
    private static SeededScenario receiptsShowTheDeposit(DepositReceipt receipt) {
        return (client, control) -> {
            BankService bank = new BankService(client);
            bank.createTable();
            bank.open("alice");
            long expected = 0;
            for (int i = 1; i <= 10; i++) {
                expected += 100;
                assertEquals(expected, receipt.deposit(client, bank, "alice", 100), "receipt of deposit " + i);
            }
        };
    }

    @Test
    void naiveReceiptIsCaughtUnderSomeSeedAndThatSeedReplays() {
        SeededScenario naive = receiptsShowTheDeposit(DepositReceipt.NAIVE);
        SeedFailure failure = assertThrows(SeedFailure.class, () -> DdbcAssertions.assertEventuallyConsistentSafe(50, naive));
        System.out.println("[expected] naive receipt failed under seed " + failure.seed() + ": " + failure.getCause().getMessage());
        assertInstanceOf(AssertionError.class, failure.getCause());
        AssertionError replay = assertThrows(AssertionError.class, () -> DdbcAssertions.runWithSeed(failure.seed(), naive));
        assertEquals(failure.getCause().getMessage(), replay.getMessage(), "the reported seed replays the same failure");
    }

    @Test
    void fixedReceiptIsSafeUnderEverySeed() {
        DdbcAssertions.assertEventuallyConsistentSafe(50, receiptsShowTheDeposit(DepositReceipt.FIXED));
    }

    @RepeatedWithSeeds(5)
    void fixedReceiptSurvivesAFailoverBetweenDeposits(DdbcClient client, TestControl control) {
        BankService bank = new BankService(client);
        bank.open("bob");
        assertEquals(100, DepositReceipt.FIXED.deposit(client, bank, "bob", 100));
        control.failoverLeader(BankService.TABLE, Key.of("id", "bob"));
        assertEquals(200, DepositReceipt.FIXED.deposit(client, bank, "bob", 100));
    }
}
