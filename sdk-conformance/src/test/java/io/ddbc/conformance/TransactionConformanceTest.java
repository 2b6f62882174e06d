package io.ddbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.CancellationReason;
import io.ddbc.api.ConditionCheck;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Expressions;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.Table;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import java.util.List;
import java.util.Optional;

/** TransactWriteItems / TransactGetItems through the core client: atomicity, reasons, idempotency. */
class TransactionConformanceTest {

    @ConformanceTest
    void allActionsApplyTogether(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String items = f.itemsTable();
            String plain = f.plainTable();
            DdbcClient c = f.client();
            Table t = c.table(items);
            t.put(Item.of("pk", "tw", "sk", 1, "n", 1)).execute();
            t.put(Item.of("pk", "tw", "sk", 2)).execute();
            c.transactWrite()
                    .put(items, Item.of("pk", "tw", "sk", 3))
                    .update(UpdateRequest.builder(items, Key.of("pk", "tw", "sk", 1)).expression("SET n = n + :one").value(":one", 1).build())
                    .delete(items, Key.of("pk", "tw", "sk", 2))
                    .conditionCheck(ConditionCheck.of(plain, Key.of("id", "nobody"), "attribute_not_exists(id)", Expressions.NONE))
                    .execute();
            assertEquals(List.of(Item.of("pk", "tw", "sk", 1, "n", 2), Item.of("pk", "tw", "sk", 3)),
                    t.query().keyCondition("pk = :p").value(":p", "tw").consistency(Consistency.STRONG).stream().toList());

            TransactGetResult read = c.transactGet().get(items, Key.of("pk", "tw", "sk", 2)).get(items, Key.of("pk", "tw", "sk", 3)).execute();
            assertEquals(List.of(Optional.empty(), Optional.of(Item.of("pk", "tw", "sk", 3))), read.items(), "in request order");
        }
    }

    @ConformanceTest
    void oneFailedConditionCancelsEverythingWithAReasonPerAction(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String items = f.itemsTable();
            DdbcClient c = f.client();
            Table t = c.table(items);
            Item existing = Item.of("pk", "tc", "sk", 1, "v", "old");
            t.put(existing).execute();
            TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> c.transactWrite()
                    .put(PutRequest.builder(items, Item.of("pk", "tc", "sk", 2, "v", "new")).build())
                    .put(PutRequest.builder(items, existing.with("v", "overwritten")).condition("attribute_not_exists(pk)").build())
                    .update(UpdateRequest.builder(items, Key.of("pk", "tc", "sk", 3)).expression("SET v = :v").value(":v", "x")
                            .condition("attribute_exists(pk)").build())
                    .execute());
            List<CancellationReason> reasons = e.reasons();
            assertEquals(3, reasons.size(), reasons.toString());
            assertEquals(CancellationReason.NONE, reasons.get(0).code());
            assertEquals(CancellationReason.CONDITIONAL_CHECK_FAILED, reasons.get(1).code());
            assertEquals(existing, reasons.get(1).item().orElseThrow(), "the current item of the failed action");
            assertEquals(CancellationReason.CONDITIONAL_CHECK_FAILED, reasons.get(2).code());
            assertTrue(reasons.get(2).item().isEmpty());
            assertFalse(e.isRetryable());

            assertEquals(existing, t.get(Key.of("pk", "tc", "sk", 1)).consistency(Consistency.STRONG).execute().item().orElseThrow());
            assertFalse(t.get(Key.of("pk", "tc", "sk", 2)).consistency(Consistency.STRONG).execute().exists(), "all or nothing");
            assertFalse(t.get(Key.of("pk", "tc", "sk", 3)).consistency(Consistency.STRONG).execute().exists());
        }
    }

    @ConformanceTest
    void aClientTokenMakesTheTransactionIdempotent(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String items = f.itemsTable();
            DdbcClient c = f.client();
            Key key = Key.of("pk", "idem", "sk", 1);
            String token = "conformance-" + System.nanoTime();
            TransactWriteRequest add = c.transactWrite().clientToken(token)
                    .update(UpdateRequest.builder(items, key).expression("ADD n :one").value(":one", 1).build()).build();
            c.execute(add);
            c.execute(add); // a retry of the same request: succeeds without writing again
            assertEquals(1, c.table(items).get(key).consistency(Consistency.STRONG).execute().item().orElseThrow().getInt("n"));

            TransactWriteRequest different = c.transactWrite().clientToken(token)
                    .update(UpdateRequest.builder(items, key).expression("ADD n :two").value(":two", 2).build()).build();
            ValidationException mismatch = assertThrows(ValidationException.class, () -> c.execute(different));
            assertTrue(mismatch.getMessage().toLowerCase().contains("idempotent"), mismatch.getMessage());
            assertEquals(1, c.table(items).get(key).consistency(Consistency.STRONG).execute().item().orElseThrow().getInt("n"));
        }
    }

    @ConformanceTest
    void twoActionsOnOneItemAreRejected(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String items = f.itemsTable();
            DdbcClient c = f.client();
            ValidationException e = assertThrows(ValidationException.class, () -> c.transactWrite()
                    .put(items, Item.of("pk", "dup", "sk", 1))
                    .delete(items, Key.of("pk", "dup", "sk", 1)).execute());
            assertTrue(e.getMessage().contains("multiple operations on one item"), e.getMessage());
            assertFalse(c.table(items).get(Key.of("pk", "dup", "sk", 1)).consistency(Consistency.STRONG).execute().exists());
        }
    }
}
