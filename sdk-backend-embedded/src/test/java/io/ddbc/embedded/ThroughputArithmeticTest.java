package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.Billing;
import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.TableSpec;
import io.ddbc.api.ThrottlingException;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 18: provisioned throughput is exact integer arithmetic on the engine clock (virtual time, no service
 * latency), and admission comes after validation, as DynamoDB orders them.
 */
class ThroughputArithmeticTest {
    private final EmbeddedBackend b = Replicated.open("ddbc:embedded:mem?time=virtual&seed=18&serviceLatencyMs=0");

    private void table(String name, Billing billing) {
        b.createTable(new CreateTableRequest(TableSpec.builder(name).partitionKey("id", AttributeValue.Type.S).billing(billing).build()));
    }

    private boolean strongRead(String table) {
        try {
            b.get(GetRequest.builder(table, Key.of("id", "k")).consistency(Consistency.STRONG).build());
            return true;
        } catch (ThrottlingException e) {
            return false;
        }
    }

    @Test
    void fiveReadUnitsAdmitAStrongReadEvery200MillisecondsExactly() {
        table("ledger", Billing.provisioned(5, 5));
        b.put(PutRequest.builder("ledger", Item.of("id", "k")).build());
        int burst = 0;
        while (strongRead("ledger")) burst++;
        assertEquals(1500, burst, "5 RCU × 300 s of burst credit, 1 unit per strong read");
        // Step the clock 1 ms at a time for 3 s, trying a read at every step: 0.005 units a step is not exact in
        // binary floating point, and a rounding residue used to admit an extra read (6 in a second).
        List<Long> admittedAtMs = new ArrayList<>();
        long start = b.now().toMillis();
        for (int ms = 1; ms <= 3000; ms++) {
            b.advance(Duration.ofMillis(1));
            while (strongRead("ledger")) admittedAtMs.add(b.now().toMillis() - start);
        }
        // The balance is exactly 0 after the burst: the first positive balance is at 1 ms; each read leaves a debt
        // of 995/1000 of a unit, repaid exactly 199 ms later, so the next read is admitted 200 ms after it.
        List<Long> expected = new ArrayList<>();
        for (long t = 1; t <= 3000; t += 200) expected.add(t);
        assertEquals(expected, admittedAtMs);
    }

    @Test
    void oddRatesRefillExactlyOverTime() {
        table("odd", Billing.provisioned(3, 7));
        b.put(PutRequest.builder("odd", Item.of("id", "k")).build());
        while (strongRead("odd")) { }
        // 3 units per second, refilled in 7 ms steps for 7 s: 21 units exactly, whatever the rounding of each step.
        int admitted = 0;
        for (int i = 0; i < 1000; i++) {
            b.advance(Duration.ofMillis(7));
            while (strongRead("odd")) admitted++;
        }
        assertEquals(21, admitted);
    }

    @Test
    void anInvalidRequestToAThrottledTableIsAValidationError() {
        table("ledger", Billing.provisioned(1, 1));
        b.throttle("ledger", Duration.ofSeconds(60));
        List<Executable> invalid = List.of(
                () -> b.put(PutRequest.builder("ledger", Item.of("nokey", "x")).build()),
                () -> b.put(PutRequest.builder("ledger", Item.of("id", "a")).returnValues(ReturnValues.ALL_NEW).build()),
                () -> b.put(PutRequest.builder("ledger", Item.of("id", "a")).condition("a <").build()),
                () -> b.get(GetRequest.builder("ledger", Key.of("id", 1)).build()),
                () -> b.update(UpdateRequest.builder("ledger", Key.of("id", "a")).expression("SET id = :x").value(":x", "y").build()),
                () -> b.delete(DeleteRequest.builder("ledger", Key.of("id", "a")).returnValues(ReturnValues.ALL_NEW).build()),
                () -> b.query(QueryRequest.builder("ledger").keyCondition("nope = :p").value(":p", "x").build()),
                () -> b.scan(ScanRequest.builder("ledger").filter("a < :b").value(":b", AttributeValue.nul()).build()),
                () -> b.batchGet(BatchGetRequest.builder().add("ledger", Key.of("id", "a"), Key.of("id", "a")).build()),
                () -> b.batchWrite(BatchWriteRequest.builder().delete("ledger", Key.of("id", "a")).delete("ledger", Key.of("id", "a")).build()),
                () -> b.transactWrite(TransactWriteRequest.builder().put("ledger", Item.of("id", "a"))
                        .delete(DeleteRequest.builder("ledger", Key.of("id", "a")).build()).build()));
        for (Executable call : invalid) assertThrows(ValidationException.class, call);
        assertThrows(ThrottlingException.class, () -> b.put(PutRequest.builder("ledger", Item.of("id", "a")).build()));
        assertEquals(1, b.stats().throttles(), "only the valid request was throttled");
    }
}
