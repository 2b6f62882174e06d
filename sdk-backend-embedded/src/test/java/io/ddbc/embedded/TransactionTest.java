package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.CancellationReason;
import io.ddbc.api.ConditionCheck;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.Expressions;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.TransactWriteResult;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.UpdateRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionTest {
    private final EmbeddedBackend b = Fixture.backendWithTables();

    @Test
    void writesAllActionsAtTwiceTheCost() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "old"));
        TransactWriteResult r = b.transactWrite(TransactWriteRequest.builder().put(Fixture.SIMPLE, Item.of("id", "a"))
                .put(Fixture.SORTED, Item.of("pk", "p", "sk", 1)).delete(Fixture.SIMPLE, Key.of("id", "old")).build());
        assertEquals(6.0, r.consumedCapacity().writeUnits());
        assertEquals(3, r.versions().size());
        assertEquals(Item.of("id", "a"), Fixture.get(b, Fixture.SIMPLE, Key.of("id", "a")));
        assertNull(Fixture.get(b, Fixture.SIMPLE, Key.of("id", "old")));
    }

    @Test
    void sameItemTwiceIsRejected() {
        Fixture.invalid("Transaction request cannot include multiple operations on one item", () -> b.transactWrite(
                TransactWriteRequest.builder().put(Fixture.SIMPLE, Item.of("id", "a")).delete(Fixture.SIMPLE, Key.of("id", "a")).build()));
        Fixture.invalid("Transaction request cannot include multiple operations on one item", () -> b.transactGet(
                TransactGetRequest.builder().get(Fixture.SIMPLE, Key.of("id", "a")).get(Fixture.SIMPLE, Key.of("id", "a")).build()));
    }

    @Test
    void atMostOneHundredActions() {
        TransactWriteRequest.Builder w = TransactWriteRequest.builder();
        for (int i = 0; i < 101; i++) w.put(Fixture.SIMPLE, Item.of("id", "k" + i));
        Fixture.invalid("Member must have length less than or equal to 100", () -> b.transactWrite(w.build()));
        TransactGetRequest.Builder g = TransactGetRequest.builder();
        for (int i = 0; i < 101; i++) g.get(Fixture.SIMPLE, Key.of("id", "k" + i));
        Fixture.invalid("Member must have length less than or equal to 100", () -> b.transactGet(g.build()));
    }

    @Test
    void atMostFourMegabytes() {
        TransactWriteRequest.Builder w = TransactWriteRequest.builder();
        for (int i = 0; i < 11; i++) w.put(Fixture.SIMPLE, Item.of("id", "k" + i, "pad", Fixture.bytes(390 * 1024)));
        Fixture.invalid("exceeds the maximum of 4194304", () -> b.transactWrite(w.build()));
        assertNull(Fixture.get(b, Fixture.SIMPLE, Key.of("id", "k0")));
    }

    @Test
    void clientTokenMakesARetryIdempotent() {
        TransactWriteRequest once = TransactWriteRequest.builder().put(Fixture.SIMPLE, Item.of("id", "a", "v", 1)).clientToken("tok-1").build();
        TransactWriteResult first = b.transactWrite(once);
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "a", "v", 2));
        TransactWriteResult replay = b.transactWrite(once);
        assertEquals(Item.of("id", "a", "v", 2), Fixture.get(b, Fixture.SIMPLE, Key.of("id", "a")), "the replay did not write again");
        assertEquals(first.positions(), replay.positions());
        assertEquals(0.0, replay.consumedCapacity().writeUnits());
        assertEquals(2.0, replay.consumedCapacity().readUnits());
        assertEquals(1, b.stats().idempotentReplays());
        Fixture.invalid("IdempotentParameterMismatch", () -> b.transactWrite(TransactWriteRequest.builder()
                .put(Fixture.SIMPLE, Item.of("id", "a", "v", 3)).clientToken("tok-1").build()));
    }

    @Test
    void transactGetReadsASnapshotAtTwiceTheCost() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "a", "pad", Fixture.bytes(5000)));
        TransactGetResult r = b.transactGet(TransactGetRequest.builder().get(Fixture.SIMPLE, Key.of("id", "a"))
                .get(Fixture.SIMPLE, Key.of("id", "none")).build());
        assertEquals(Optional.empty(), r.items().get(1));
        assertEquals(5000 + 6, r.items().get(0).orElseThrow().sizeInBytes());
        assertEquals(4.0 + 2.0, r.consumedCapacity().readUnits());
    }

    @Test
    void aFalseConditionCancelsEverythingWithOneReasonPerAction() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "alice", "balance", 50));
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "bob", "balance", 0));
        TransactWriteRequest transfer = TransactWriteRequest.builder()
                .update(UpdateRequest.builder(Fixture.SIMPLE, Key.of("id", "bob")).expression("SET balance = balance + :a").value(":a", 100).build())
                .update(UpdateRequest.builder(Fixture.SIMPLE, Key.of("id", "alice")).expression("SET balance = balance - :a")
                        .condition("balance >= :a").value(":a", 100).build())
                .put(PutRequest.builder(Fixture.SIMPLE, Item.of("id", "log")).build())
                .build();
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> b.transactWrite(transfer));
        List<CancellationReason> reasons = e.reasons();
        assertEquals(3, reasons.size());
        assertEquals(CancellationReason.NONE, reasons.get(0).code());
        assertEquals(CancellationReason.CONDITIONAL_CHECK_FAILED, reasons.get(1).code());
        assertEquals(Item.of("id", "alice", "balance", 50), reasons.get(1).item().orElseThrow());
        assertEquals(CancellationReason.NONE, reasons.get(2).code());
        assertEquals(Item.of("id", "bob", "balance", 0), Fixture.get(b, Fixture.SIMPLE, Key.of("id", "bob")));
        assertNull(Fixture.get(b, Fixture.SIMPLE, Key.of("id", "log")));
        assertEquals(1, b.stats().transactionsCanceled());
    }

    @Test
    void conditionCheckGuardsOtherWrites() {
        ConditionCheck mustExist = ConditionCheck.of(Fixture.SIMPLE, Key.of("id", "parent"), "attribute_exists(id)", Expressions.NONE);
        TransactWriteRequest child = TransactWriteRequest.builder().conditionCheck(mustExist).put(Fixture.SIMPLE, Item.of("id", "child")).build();
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> b.transactWrite(child));
        assertTrue(e.reasons().get(0).isConditionFailure());
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "parent"));
        TransactWriteResult ok = b.transactWrite(child);
        assertEquals(4.0, ok.consumedCapacity().writeUnits(), "condition check 2 + put 2");
        assertEquals(Item.of("id", "child"), Fixture.get(b, Fixture.SIMPLE, Key.of("id", "child")));
    }

    @Test
    void updateTypeErrorIsAValidationReason() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "a", "txt", "text"));
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> b.transactWrite(TransactWriteRequest.builder()
                .update(UpdateRequest.builder(Fixture.SIMPLE, Key.of("id", "a")).expression("SET txt = txt + :one").value(":one", 1).build())
                .delete(DeleteRequest.builder(Fixture.SIMPLE, Key.of("id", "b")).build()).build()));
        assertEquals(CancellationReason.VALIDATION_ERROR, e.reasons().get(0).code());
        assertEquals(CancellationReason.NONE, e.reasons().get(1).code());
    }
}
