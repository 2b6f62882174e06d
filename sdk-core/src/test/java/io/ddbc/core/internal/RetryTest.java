package io.ddbc.core.internal;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

import io.ddbc.api.*;
import io.ddbc.core.Ddbc;
import io.ddbc.core.RetryPolicy;
import io.ddbc.spi.Backend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retry and error paths, with a Mockito backend. */
class RetryTest {
    static final TableSpec SPEC = TableSpec.builder("accounts").partitionKey("id", AttributeValue.Type.S).build();
    static final Key K = Key.of("id", "a");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Backend backend;

    @BeforeEach
    void setUp() {
        backend = mock(Backend.class);
        when(backend.sessionScope()).thenReturn("mock");
        when(backend.name()).thenReturn("mock");
        when(backend.describeTable(any())).thenReturn(new TableDescription(SPEC, "ACTIVE", 0, 0, null));
        // Retries wait through the backend's clock; a mock would skip the wait, so keep the real (sleeping) default.
        org.mockito.Mockito.doCallRealMethod().when(backend).pause(any());
    }

    DdbcClient client(RetryPolicy policy) {
        return Ddbc.builder().backend(backend).meterRegistry(registry).retry(policy).build();
    }

    static WriteResult ok() {
        return WriteResult.of(null, ConsumedCapacity.NONE, null);
    }

    @Test
    void throttlingIsRetriedEvenForNonIdempotentWrites() {
        when(backend.update(any())).thenThrow(new ThrottlingException("Rate exceeded")).thenReturn(ok());
        try (DdbcClient c = client(RetryPolicy.exponential(3, Duration.ofMillis(1)))) {
            c.table("accounts").update(K).expression("ADD n :one").value(":one", 1).execute();
        }
        verify(backend, times(2)).update(any());
        assertEquals(1.0, registry.get("ddbc.throttles").counter().count());
        assertEquals(1.0, registry.get("ddbc.retries").counter().count());
    }

    @Test
    void anArithmeticUpdateThatMayHaveBeenAppliedIsNeverSentTwice() {
        when(backend.update(any())).thenThrow(new BackendUnavailableException("timeout", null, true));
        try (DdbcClient c = client(RetryPolicy.exponential(5, Duration.ofMillis(1)))) {
            assertThrows(OutcomeUnknownException.class,
                    () -> c.table("accounts").update(K).expression("ADD n :one").value(":one", 1).execute());
            assertThrows(OutcomeUnknownException.class,
                    () -> c.table("accounts").update(K).expression("SET n = n + :one").value(":one", 1).execute());
            assertThrows(OutcomeUnknownException.class,
                    () -> c.table("accounts").update(K).expression("SET n = :one").condition("attribute_exists(id)").value(":one", 1).execute());
        }
        verify(backend, times(3)).update(any());
    }

    @Test
    void idempotentWritesAreRetriedAfterAnUnknownOutcome() {
        when(backend.update(any())).thenThrow(new BackendUnavailableException("timeout", null, true)).thenReturn(ok());
        when(backend.put(any())).thenThrow(new BackendUnavailableException("timeout", null, true)).thenReturn(ok());
        when(backend.delete(any())).thenThrow(new BackendUnavailableException("timeout", null, true)).thenReturn(ok());
        try (DdbcClient c = client(RetryPolicy.exponential(3, Duration.ofMillis(1)))) {
            c.table("accounts").update(K).expression("SET n = :n REMOVE m").value(":n", 1).execute();
            c.table("accounts").put(Item.of("id", "a")).execute();
            c.table("accounts").delete(K).execute();
        }
        verify(backend, times(2)).update(any());
        verify(backend, times(2)).put(any());
        verify(backend, times(2)).delete(any());
    }

    @Test
    void unavailableBeforeApplyingIsRetriedForEveryWriteAndRead() {
        when(backend.update(any())).thenThrow(new BackendUnavailableException("x")).thenReturn(ok());
        when(backend.put(any())).thenThrow(new BackendUnavailableException("x")).thenReturn(ok());
        when(backend.get(any())).thenThrow(new BackendUnavailableException("x")).thenReturn(GetResult.of(null, null, null, null));
        try (DdbcClient c = client(RetryPolicy.exponential(3, Duration.ofMillis(1)))) {
            c.table("accounts").update(K).expression("SET n = :n").condition("attribute_exists(id)").value(":n", 1).execute();
            c.table("accounts").put(Item.of("id", "a")).execute();
            c.table("accounts").get(K).execute();
        }
        verify(backend, times(2)).update(any());
        verify(backend, times(2)).put(any());
        verify(backend, times(2)).get(any());
    }

    @Test
    void attemptsAreBoundedAndTheLastFailureSurfaces() {
        when(backend.get(any())).thenThrow(new ThrottlingException("Rate exceeded"));
        try (DdbcClient c = client(RetryPolicy.exponential(4, Duration.ofMillis(1)))) {
            ThrottlingException e = assertThrows(ThrottlingException.class, () -> c.table("accounts").get(K).execute());
            assertTrue(e.isRetryable());
        }
        verify(backend, times(4)).get(any());
    }

    @Test
    void theTimeBudgetStopsRetriesEarly() {
        when(backend.get(any())).thenThrow(new ThrottlingException("Rate exceeded"));
        RetryPolicy p = RetryPolicy.exponential(1000, Duration.ofMillis(20)).maxDelay(Duration.ofMillis(20)).timeBudget(Duration.ofMillis(100));
        long start = System.nanoTime();
        try (DdbcClient c = client(p)) {
            assertThrows(ThrottlingException.class, () -> c.table("accounts").get(K).execute());
        }
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos());
        verify(backend, atMost(200)).get(any());
    }

    @Test
    void nonRetryableErrorsPassThroughUnchanged() {
        ValidationException v = new ValidationException("One or more parameter values were invalid");
        when(backend.get(any())).thenThrow(v);
        try (DdbcClient c = client(RetryPolicy.exponential(5, Duration.ofMillis(1)))) {
            assertSame(v, assertThrows(ValidationException.class, () -> c.table("accounts").get(K).execute()));
        }
        verify(backend, times(1)).get(any());
    }

    @Test
    void everyTransactionCarriesOneClientTokenReusedOnEachRetry() {
        TransactionCanceledException conflict = new TransactionCanceledException(
                List.of(new CancellationReason(CancellationReason.TRANSACTION_CONFLICT, "conflict", null)));
        when(backend.transactWrite(any())).thenThrow(conflict).thenThrow(new BackendUnavailableException("lost", null, true))
                .thenReturn(new TransactWriteResult(List.of(), null, null));
        try (DdbcClient c = client(RetryPolicy.exponential(4, Duration.ofMillis(1)))) {
            c.transactWrite().put("accounts", Item.of("id", "a")).execute();
            org.mockito.ArgumentCaptor<TransactWriteRequest> sent = org.mockito.ArgumentCaptor.forClass(TransactWriteRequest.class);
            verify(backend, times(3)).transactWrite(sent.capture());
            String token = sent.getAllValues().get(0).clientToken().orElseThrow();
            for (TransactWriteRequest r : sent.getAllValues()) assertEquals(token, r.clientToken().orElseThrow());
            // The application's own token is used as given.
            when(backend.transactWrite(any())).thenReturn(new TransactWriteResult(List.of(), null, null));
            c.transactWrite().put("accounts", Item.of("id", "a")).clientToken("t1").execute();
            verify(backend, times(4)).transactWrite(sent.capture());
            assertEquals("t1", sent.getValue().clientToken().orElseThrow());
        }
    }

    @Test
    void unprocessedBatchWritesAreResentUntilDone() {
        BatchWriteRequest.Write w = BatchWriteRequest.Write.put(Item.of("id", "b"));
        when(backend.batchWrite(any()))
                .thenReturn(new BatchWriteResult(Map.of("accounts", List.of(w)), ConsumedCapacity.ofTable("accounts", 0, 1), null))
                .thenReturn(new BatchWriteResult(Map.of(), ConsumedCapacity.ofTable("accounts", 0, 1), null));
        try (DdbcClient c = client(RetryPolicy.exponential(5, Duration.ofMillis(1)))) {
            BatchWriteResult r = c.batchWrite().put("accounts", Item.of("id", "a")).put("accounts", Item.of("id", "b")).execute();
            assertFalse(r.hasUnprocessed());
            assertEquals(2.0, r.consumedCapacity().writeUnits());
        }
        verify(backend, times(2)).batchWrite(any());
    }

    @Test
    void unprocessedBatchKeysThatNeverGetThroughAreReturned() {
        BatchGetRequest.TableKeys left = new BatchGetRequest.TableKeys(List.of(K), Consistency.EVENTUAL, null, null);
        when(backend.batchGet(any())).thenReturn(new BatchGetResult(Map.of(), Map.of("accounts", left), null, null));
        try (DdbcClient c = client(RetryPolicy.exponential(3, Duration.ofMillis(1)))) {
            BatchGetResult r = c.batchGet().add("accounts", K).execute();
            assertTrue(r.hasUnprocessed());
            assertEquals(List.of(K), r.unprocessed().get("accounts").keys());
        }
        verify(backend, times(3)).batchGet(any());
    }

    @Test
    void operationsAfterCloseFailClearlyAndAGivenBackendStaysOpen() throws Exception {
        DdbcClient c = client(RetryPolicy.none());
        c.close();
        c.close();
        DdbcException e = assertThrows(DdbcException.class, () -> c.table("accounts").get(K).execute());
        assertTrue(e.getMessage().contains("closed"));
        Throwable async = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> c.table("accounts").get(K).executeAsync().get()).getCause();
        assertTrue(async.getMessage().contains("closed"));
        verify(backend, never()).close();   // the application opened it, the application closes it
    }

    @Test
    void asyncRunsOnTheClientsThreadsAndCloseStopsThem() throws Exception {
        when(backend.get(any())).thenReturn(GetResult.of(Item.of("id", "a"), null, null, null));
        DdbcClient c = client(RetryPolicy.none());
        GetResult r = c.table("accounts").get(K).executeAsync().get();
        assertTrue(r.exists());
        c.close();
        Thread.sleep(50);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("ddbc-async") && t.isAlive()
                && t.getState() != Thread.State.TERMINATED), "no ddbc-async thread survives close()");
    }

    @Test
    void withoutARegistryNothingIsRecorded() {
        when(backend.get(any())).thenThrow(new ThrottlingException("x")).thenReturn(GetResult.of(null, null, null, null));
        try (DdbcClient c = Ddbc.builder().backend(backend).retry(RetryPolicy.exponential(2, Duration.ofMillis(1))).build()) {
            c.table("accounts").get(K).execute();
        }
        assertTrue(registry.getMeters().isEmpty());
    }
}
