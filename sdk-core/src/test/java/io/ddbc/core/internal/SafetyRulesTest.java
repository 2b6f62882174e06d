package io.ddbc.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.CancellationReason;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Positions;
import io.ddbc.api.SessionToken;
import io.ddbc.api.ThrottlingException;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.TransactionConflictException;
import io.ddbc.core.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The small decision rules the session, cache and retry paths rest on, each at its edges. Written for the
 * mutants that the path tests (over a whole client) left alive: a rule that is wrong only at equality, or
 * only for one exception type, rarely shows in a workload (RELIABILITY.md, mutation testing).
 */
class SafetyRulesTest {

    private static ItemCache.Entry entry(long version, Positions positions) {
        return new ItemCache.Entry(Optional.of(Item.of("id", "a")), version, positions);
    }

    @Test
    void aCacheEntryNeverReplacesANewerOne() {
        // by version, when both know theirs: equal replaces (same state), older never does
        assertTrue(entry(5, Positions.NONE).supersedes(entry(4, Positions.NONE)));
        assertTrue(entry(5, Positions.NONE).supersedes(entry(5, Positions.NONE)));
        assertFalse(entry(4, Positions.NONE).supersedes(entry(5, Positions.NONE)));
        assertFalse(entry(0, Positions.NONE).supersedes(entry(1, Positions.NONE)), "version 0 is a known version");
        // by positions, when a version is unknown on either side
        Positions p10 = Positions.of("p", 10);
        Positions p20 = Positions.of("p", 20);
        assertTrue(entry(-1, p20).supersedes(entry(3, p10)));
        assertFalse(entry(-1, p10).supersedes(entry(3, p20)));
        assertFalse(entry(3, p10).supersedes(entry(-1, p20)));
        assertTrue(entry(-1, p10).supersedes(entry(-1, p10)), "equal positions replace");
        // nothing to compare: the newer offer wins
        assertTrue(entry(-1, Positions.NONE).supersedes(entry(-1, p20)));
        assertTrue(entry(-1, p10).supersedes(entry(-1, Positions.NONE)));
    }

    @Test
    void theCacheKeepsTheNewerEntryWhateverTheOrderOfOffers() {
        ItemCache cache = new ItemCache(io.ddbc.core.CacheSpec.writeThrough(), Metrics.NONE);
        Key k = Key.of("id", "a");
        cache.offer("t", k, entry(7, Positions.NONE));
        cache.offer("t", k, entry(6, Positions.NONE));
        assertEquals(7, cache.get("t", k).version());
        boolean[] loaded = {false};
        assertEquals(7, cache.load("t", k, () -> entry(1, Positions.NONE), loaded).version(), "present: not loaded again");
        assertFalse(loaded[0]);
        ItemCache.Entry got = cache.load("t", Key.of("id", "b"), () -> entry(2, Positions.NONE), loaded);
        assertTrue(loaded[0]);
        assertEquals(2, got.version());
        cache.invalidate("t", k);
        assertEquals(null, cache.get("t", k));
    }

    @Test
    void onlyWritesThatCannotHaveBeenAppliedOrAreIdempotentAreRetried() {
        assertTrue(Retrier.retryable(new ThrottlingException("slow down"), false), "throttled: refused, not applied");
        assertTrue(Retrier.retryable(new BackendUnavailableException("down", null, false), false), "before it was applied");
        assertFalse(Retrier.retryable(new BackendUnavailableException("lost answer", null, true), false), "may have been applied");
        assertTrue(Retrier.retryable(new BackendUnavailableException("lost answer", null, true), true), "idempotent");
        assertFalse(Retrier.retryable(new TransactionConflictException("conflict"), false));
        assertTrue(Retrier.retryable(new TransactionConflictException("conflict"), true));
        TransactionCanceledException conflict = new TransactionCanceledException(List.of(
                new CancellationReason(CancellationReason.TRANSACTION_CONFLICT, "c", null)));
        TransactionCanceledException condition = new TransactionCanceledException(List.of(
                new CancellationReason(CancellationReason.CONDITIONAL_CHECK_FAILED, "c", null)));
        assertTrue(Retrier.retryable(conflict, true));
        assertFalse(Retrier.retryable(conflict, false));
        assertFalse(Retrier.retryable(condition, true), "a failed condition is an answer, not a fault");
        assertFalse(Retrier.retryable(new ConditionFailedException("t", Key.of("id", "a"), "c", null), true));
    }

    @Test
    void backOffStopsAtTheLastAttemptAndPausesInBetween() {
        List<Duration> pauses = new ArrayList<>();
        Retrier r = new Retrier(RetryPolicy.exponential(3, Duration.ofMillis(1)), Metrics.NONE, pauses::add);
        long start = System.nanoTime();
        assertTrue(r.backOff(1, start));
        assertTrue(r.backOff(2, start));
        assertFalse(r.backOff(3, start), "3 attempts made: no fourth");
        assertEquals(2, pauses.size(), "a pause before each further attempt");
        List<Duration> none = new ArrayList<>();
        Retrier budget = new Retrier(RetryPolicy.exponential(5, Duration.ofMillis(1)).timeBudget(Duration.ofSeconds(1)), Metrics.NONE,
                none::add);
        // a request that started two seconds ago has used up its one-second budget (no clock is waited on)
        assertFalse(budget.backOff(1, System.nanoTime() - Duration.ofSeconds(2).toNanos()), "the time budget is spent");
        assertTrue(none.isEmpty());
    }

    @Test
    void sessionStateRaisesVersionsOnlyAndRemembersRegionsAndMerges() {
        SessionState s = new SessionState(SessionToken.empty("embedded", null));
        assertFalse(s.mayHaveWritten("t"));
        Key k = Key.of("id", "a");
        s.observeVersion("t", k, 5);
        SessionToken at5 = s.token();
        s.observeVersion("t", k, 5);
        assertSame(at5, s.token(), "the same version again changes nothing");
        s.observeVersion("t", k, 4);
        assertEquals(5, s.knownVersion("t", k));
        s.observeVersion("t", Key.of("id", "b"), 0);
        assertEquals(0, s.knownVersion("t", Key.of("id", "b")), "version 0 (unversioned) is not recorded");
        s.visited("eu-west-1");
        assertEquals(List.of("eu-west-1"), List.copyOf(s.token().regions()));
        SessionToken before = s.token();
        s.visited("eu-west-1");
        assertSame(before, s.token());
        s.merge(SessionToken.empty("embedded", null).withVersion("t", Key.of("id", "c"), 9));
        assertEquals(9, s.knownVersion("t", Key.of("id", "c")));
        assertTrue(s.mayHaveWritten("anything"), "a merged token may know writes to any table");
        SessionState fresh = new SessionState(SessionToken.empty("embedded", null));
        fresh.wrote("t");
        assertTrue(fresh.mayHaveWritten("t"));
        assertFalse(fresh.mayHaveWritten("u"));
    }
}
