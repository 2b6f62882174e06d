package io.ddbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.ValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BatchGetItem and BatchWriteItem through the core client, including DynamoDB's request limits. */
class BatchConformanceTest {

    @ConformanceTest
    void batchWriteThenBatchGetAcrossTables(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String items = f.itemsTable();
            String plain = f.plainTable();
            DdbcClient c = f.client();
            BatchWriteRequest.Builder writes = c.batchWrite();
            for (int i = 1; i <= 20; i++) writes.put(items, Item.of("pk", "b", "sk", i, "v", "v" + i));
            writes.put(plain, Item.of("id", "alice", "name", "Alice", "secret", "s"));
            BatchWriteResult w = writes.execute();
            assertFalse(w.hasUnprocessed());
            assertEquals(20.0, w.consumedCapacity().table(items).write(), 1e-9, "each small put is 1 WCU");
            assertEquals(1.0, w.consumedCapacity().table(plain).write(), 1e-9);

            List<Key> keys = new ArrayList<>();
            for (int i = 1; i <= 22; i++) keys.add(Key.of("pk", "b", "sk", i)); // 21 and 22 do not exist
            BatchGetResult g = c.batchGet().add(items, keys).add(plain, Key.of("id", "alice")).consistency(Consistency.STRONG)
                    .projection(plain, "#n", Map.of("#n", "name")).execute();
            assertFalse(g.hasUnprocessed());
            assertEquals(20, g.items(items).size(), "missing keys are left out");
            Set<Item> expected = new HashSet<>();
            for (int i = 1; i <= 20; i++) expected.add(Item.of("pk", "b", "sk", i, "v", "v" + i));
            assertEquals(expected, new HashSet<>(g.items(items)));
            assertEquals(List.of(Item.of("name", "Alice")), g.items(plain));

            BatchWriteResult d = c.batchWrite().delete(items, Key.of("pk", "b", "sk", 1)).delete(plain, Key.of("id", "alice")).execute();
            assertFalse(d.hasUnprocessed());
            BatchGetResult after = c.batchGet().add(items, Key.of("pk", "b", "sk", 1), Key.of("pk", "b", "sk", 2))
                    .add(plain, Key.of("id", "alice")).consistency(Consistency.STRONG).execute();
            assertEquals(List.of(Item.of("pk", "b", "sk", 2, "v", "v2")), after.items(items));
            assertTrue(after.items(plain).isEmpty());
        }
    }

    @ConformanceTest
    void batchLimitsAreValidationErrorsNotSilentSplits(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String plain = f.plainTable();
            DdbcClient c = f.client();
            List<Key> keys = new ArrayList<>();
            for (int i = 0; i < 101; i++) keys.add(Key.of("id", "k" + i));
            ValidationException get = assertThrows(ValidationException.class, () -> c.batchGet().add(plain, keys).execute());
            assertTrue(get.getMessage().contains("Too many items requested for the BatchGetItem call"), get.getMessage());

            BatchWriteRequest.Builder tooMany = c.batchWrite();
            for (int i = 0; i < 26; i++) tooMany.put(plain, Item.of("id", "k" + i));
            ValidationException write = assertThrows(ValidationException.class, tooMany::execute);
            assertTrue(write.getMessage().contains("Too many items requested for the BatchWriteItem call"), write.getMessage());
            assertEquals(0, c.table(plain).scan().consistency(Consistency.STRONG).stream().count(), "nothing was written");

            ValidationException duplicate = assertThrows(ValidationException.class, () -> c.batchWrite()
                    .put(plain, Item.of("id", "same", "v", 1)).delete(plain, Key.of("id", "same")).execute());
            assertTrue(duplicate.getMessage().toLowerCase().contains("duplicate"), duplicate.getMessage());
        }
    }
}
