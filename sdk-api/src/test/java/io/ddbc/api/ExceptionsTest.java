package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionsTest {

    private static final Key KEY = Key.of("id", "alice");

    private static CancellationReason reason(String code) {
        return new CancellationReason(code, null, null);
    }

    private static void assertMessage(Throwable e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing in: " + e.getMessage());
    }

    @Test
    void onlyTransientFailuresAreRetryable() {
        assertTrue(new ThrottlingException("slow down").isRetryable());
        assertTrue(new BackendUnavailableException("replica down").isRetryable());
        assertTrue(new TransactionConflictException("conflict").isRetryable());
        assertFalse(new ValidationException("bad").isRetryable());
        assertFalse(new DdbcConfigException("bad url").isRetryable());
        assertFalse(new ResourceNotFoundException("no table").isRetryable());
        assertFalse(new SessionTokenException("bad token").isRetryable());
        assertFalse(new ConditionFailedException("t", KEY, "attribute_exists(id)", null).isRetryable());
        assertFalse(new VersionConflictException("t", KEY, 3, null, 4L, null).isRetryable());
        assertFalse(new StaleReadException("t", KEY, 5, 4, null).isRetryable());
        assertFalse(new DdbcException("x").isRetryable());
    }

    @Test
    void everyExceptionIsAnUncheckedDdbcException() {
        List<RuntimeException> all = List.of(new ThrottlingException("x"), new BackendUnavailableException("x"),
                new TransactionConflictException("x"), new ValidationException("x"), new DdbcConfigException("x"),
                new ResourceNotFoundException("x"), new SessionTokenException("x"),
                new ConditionFailedException("t", KEY, null, null), new VersionConflictException("t", KEY, 1, null, null, null),
                new StaleReadException("t", KEY, 1, 0, null), new TransactionCanceledException(List.of()));
        for (RuntimeException e : all) assertInstanceOf(DdbcException.class, e);
        assertInstanceOf(ConditionFailedException.class, new VersionConflictException("t", KEY, 1, null, null, null),
                "a version conflict is a failed condition, so catch (ConditionFailedException) sees it");
        Throwable cause = new RuntimeException("io");
        assertSame(cause, new BackendUnavailableException("down", cause).getCause());
    }

    @Test
    void cancellationReasonKinds() {
        assertTrue(reason(CancellationReason.TRANSACTION_CONFLICT).isTransient());
        assertTrue(reason(CancellationReason.THROTTLING).isTransient());
        assertTrue(reason(CancellationReason.PROVISIONED_THROUGHPUT_EXCEEDED).isTransient());
        assertFalse(reason(CancellationReason.CONDITIONAL_CHECK_FAILED).isTransient());
        assertFalse(reason(CancellationReason.VALIDATION_ERROR).isTransient());
        assertFalse(reason(CancellationReason.NONE).isTransient());
        assertTrue(reason(CancellationReason.CONDITIONAL_CHECK_FAILED).isConditionFailure());
        assertFalse(reason(CancellationReason.TRANSACTION_CONFLICT).isConditionFailure());
        assertThrows(NullPointerException.class, () -> new CancellationReason(null, null, null));
    }

    @Test
    void cancelledTransactionIsRetryableOnlyWhenEveryFailureIsTransient() {
        String none = CancellationReason.NONE;
        assertTrue(cancelled(none, CancellationReason.TRANSACTION_CONFLICT, none).isRetryable());
        assertTrue(cancelled(CancellationReason.THROTTLING, CancellationReason.TRANSACTION_CONFLICT).isRetryable());
        assertFalse(cancelled(CancellationReason.TRANSACTION_CONFLICT, CancellationReason.CONDITIONAL_CHECK_FAILED).isRetryable());
        assertFalse(cancelled(CancellationReason.CONDITIONAL_CHECK_FAILED, CancellationReason.TRANSACTION_CONFLICT).isRetryable());
        assertFalse(cancelled(CancellationReason.VALIDATION_ERROR).isRetryable());
        assertFalse(cancelled(none, none).isRetryable(), "nothing failed transiently");
        assertFalse(cancelled().isRetryable());
    }

    private static TransactionCanceledException cancelled(String... codes) {
        List<CancellationReason> reasons = new ArrayList<>();
        for (String c : codes) reasons.add(reason(c));
        return new TransactionCanceledException(reasons);
    }

    @Test
    void cancelledTransactionKeepsItsReasonsInOrderAndNamesThem() {
        Item current = Item.of("id", "alice", "balance", 0);
        List<CancellationReason> reasons = new ArrayList<>(List.of(reason(CancellationReason.NONE),
                new CancellationReason(CancellationReason.CONDITIONAL_CHECK_FAILED, "The conditional request failed", current)));
        TransactionCanceledException e = new TransactionCanceledException(reasons);
        reasons.clear();
        assertEquals(2, e.reasons().size(), "the reasons are copied");
        assertEquals(current, e.reasons().get(1).item().orElseThrow());
        assertMessage(e, "Transaction cancelled", "ConditionalCheckFailed", "None");
    }

    @Test
    void conditionFailureNamesTableKeyAndCondition() {
        Item current = Item.of("id", "alice", "balance", 5);
        ConditionFailedException e = new ConditionFailedException("accounts", KEY, "balance = :z", current);
        assertMessage(e, "'accounts'", "alice", "balance = :z");
        assertEquals("accounts", e.tableName());
        assertEquals(KEY, e.key().orElseThrow());
        assertEquals("balance = :z", e.condition().orElseThrow());
        assertEquals(current, e.currentItem().orElseThrow());
        ConditionFailedException missing = new ConditionFailedException("accounts", KEY, null, null);
        assertMessage(missing, "'accounts'", "does not exist");
        assertTrue(missing.currentItem().isEmpty());
    }

    @Test
    void versionConflictNamesTableKeyAndBothVersions() {
        Item current = Item.of("id", "alice", "version", 9);
        VersionConflictException e = new VersionConflictException("accounts", KEY, 7, current, 9L, "after 5 attempts");
        assertMessage(e, "'accounts'", "alice", "expected version 7", "found 9", "after 5 attempts");
        assertEquals(7, e.expectedVersion());
        assertEquals(9, e.actualVersion().getAsLong());
        assertEquals(current, e.currentItem().orElseThrow());
        assertMessage(new VersionConflictException("accounts", KEY, 7, null, null, null), "found no item");
        assertTrue(new VersionConflictException("accounts", KEY, 7, null, null, null).actualVersion().isEmpty());
    }

    @Test
    void staleReadNamesTableKeyAndVersions() {
        StaleReadException e = new StaleReadException("accounts", KEY, 8, 7, null);
        assertMessage(e, "'accounts'", "alice", "required version 8", "best available 7");
        assertEquals(8, e.requiredVersion());
        assertEquals(7, e.seenVersion());
        assertEquals(KEY, e.key());
        assertMessage(new StaleReadException("accounts", KEY, 8, -1, "within 2s"), "best available none", "within 2s");
    }
}
