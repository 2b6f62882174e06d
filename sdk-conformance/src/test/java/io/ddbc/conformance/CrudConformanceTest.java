package io.ddbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.ResourceNotFoundException;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.Table;
import io.ddbc.api.ValidationException;
import io.ddbc.api.WriteResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;

/** Single-item reads and writes through the core client: return values, conditions, update expressions, errors. */
class CrudConformanceTest {

    @ConformanceTest
    void writesReturnWhatReturnValuesAsks(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = f.client().table(f.itemsTable());
            Key key = Key.of("pk", "rv", "sk", 1);
            Item v1 = Item.of("pk", "rv", "sk", 1, "a", 1, "b", "x");
            assertTrue(t.put(v1).returnValues(ReturnValues.ALL_OLD).execute().attributes().isEmpty(), "nothing was there");
            Item v2 = v1.with("a", 2);
            assertEquals(v1, t.put(v2).returnValues(ReturnValues.ALL_OLD).execute().attributes().orElseThrow());
            // DynamoDB's PutItem knows only NONE and ALL_OLD; ddbc's API also accepts ALL_NEW on a put (the item written).
            assertEquals(v2, t.put(v2).returnValues(ReturnValues.ALL_NEW).execute().attributes().orElseThrow());
            assertEquals(Item.of("a", 2), t.update(key).expression("SET a = a + :d").value(":d", 5)
                    .returnValues(ReturnValues.UPDATED_OLD).execute().attributes().orElseThrow());
            assertEquals(Item.of("a", 7), t.update(key).expression("SET a = a + :z").value(":z", 0)
                    .returnValues(ReturnValues.UPDATED_NEW).execute().attributes().orElseThrow());
            assertEquals(Item.of("pk", "rv", "sk", 1, "a", 7), t.update(key).expression("REMOVE b")
                    .returnValues(ReturnValues.ALL_NEW).execute().attributes().orElseThrow());
            assertTrue(t.update(key).expression("SET c = :c").value(":c", "y").execute().attributes().isEmpty(), "NONE by default");
            assertEquals(Item.of("pk", "rv", "sk", 1, "a", 7, "c", "y"),
                    t.delete(key).returnValues(ReturnValues.ALL_OLD).execute().attributes().orElseThrow());
            assertFalse(t.get(key).consistency(Consistency.STRONG).execute().exists());
        }
    }

    @ConformanceTest
    void failedConditionsCarryTheCurrentItemAndChangeNothing(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String items = f.itemsTable();
            Table t = f.client().table(items);
            Key key = Key.of("pk", "acct", "sk", 1);
            Item current = Item.of("pk", "acct", "sk", 1, "balance", 10);
            t.put(current).execute();

            ConditionFailedException e = assertThrows(ConditionFailedException.class, () -> t.update(key)
                    .expression("SET balance = balance - :a").condition("balance >= :a").value(":a", 50).execute());
            assertEquals(current, e.currentItem().orElseThrow());
            assertEquals(items, e.tableName());
            assertEquals(key, e.key().orElseThrow());
            assertFalse(e.isRetryable());
            assertTrue(e.getMessage().contains(items), e.getMessage());

            ConditionFailedException exists = assertThrows(ConditionFailedException.class,
                    () -> t.put(current.with("balance", 99)).condition("attribute_not_exists(pk)").execute());
            assertEquals(current, exists.currentItem().orElseThrow());
            ConditionFailedException absent = assertThrows(ConditionFailedException.class,
                    () -> t.delete(Key.of("pk", "acct", "sk", 2)).condition("attribute_exists(pk)").execute());
            assertTrue(absent.currentItem().isEmpty(), "no item, so no current item");
            assertEquals(current, t.get(key).consistency(Consistency.STRONG).execute().item().orElseThrow());

            WriteResult ok = t.update(key).expression("SET balance = balance - :a").condition("balance >= :a").value(":a", 4)
                    .returnValues(ReturnValues.ALL_NEW).execute();
            assertEquals(6, ok.attributes().orElseThrow().getInt("balance"));
        }
    }

    @ConformanceTest
    void updateExpressionsFollowDynamoDbSemantics(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = f.client().table(f.itemsTable());
            Key key = Key.of("pk", "ux", "sk", 1);
            t.put(Item.builder().put("pk", "ux").put("sk", 1).put("n", 1).put("tags", Set.of("a", "b"))
                    .put("nums", List.of(1)).put("gone", "x").build()).execute();
            Item after = t.update(key)
                    .expression("SET n = n + :two, nums = list_append(nums, :more), fresh = if_not_exists(fresh, :init), #o = :o "
                            + "REMOVE gone ADD hits :one, tags :c")
                    .name("#o", "owner")
                    .value(":two", 2).value(":more", List.of(2, 3)).value(":init", "first").value(":o", "me")
                    .value(":one", 1).value(":c", Set.of("c"))
                    .returnValues(ReturnValues.ALL_NEW).execute().attributes().orElseThrow();
            assertEquals(3, after.getInt("n"));
            assertEquals(3, after.getList("nums").size());
            assertEquals("first", after.getString("fresh"));
            assertEquals("me", after.getString("owner"));
            assertEquals(1, after.getInt("hits"), "ADD on a missing number starts at 0");
            assertEquals(Set.of("a", "b", "c"), after.getStringSet("tags"));
            Item removed = t.update(key).expression("DELETE tags :a").value(":a", Set.of("a", "x"))
                    .returnValues(ReturnValues.UPDATED_NEW).execute().attributes().orElseThrow();
            assertEquals(Set.of("b", "c"), removed.getStringSet("tags"), "DELETE removes the elements present");
            assertFalse(after.has("gone"));
            Item again = t.update(key).expression("SET fresh = if_not_exists(fresh, :init)").value(":init", "second")
                    .returnValues(ReturnValues.ALL_NEW).execute().attributes().orElseThrow();
            assertEquals("first", again.getString("fresh"), "if_not_exists keeps an existing value");

            Item created = t.update(Key.of("pk", "ux", "sk", 2)).expression("SET v = :v").value(":v", "new")
                    .returnValues(ReturnValues.ALL_NEW).execute().attributes().orElseThrow();
            assertEquals(Item.of("pk", "ux", "sk", 2, "v", "new"), created, "update creates a missing item (upsert)");
        }
    }

    @ConformanceTest
    void invalidUpdatesAreValidationErrors(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            Table t = f.client().table(f.itemsTable());
            Key key = Key.of("pk", "bad", "sk", 1);
            ValidationException keyChange = assertThrows(ValidationException.class,
                    () -> t.update(key).expression("SET pk = :p").value(":p", "other").execute());
            assertTrue(keyChange.getMessage().contains("pk"), keyChange.getMessage());
            ValidationException unused = assertThrows(ValidationException.class,
                    () -> t.update(key).expression("SET a = :a").value(":a", 1).value(":unused", 2).execute());
            assertTrue(unused.getMessage().contains(":unused"), unused.getMessage());
            assertFalse(t.get(key).consistency(Consistency.STRONG).execute().exists(), "a rejected update writes nothing");
        }
    }

    @ConformanceTest
    void missingTablesAreResourceNotFoundNamingTheTable(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            DdbcClient c = f.client();
            String missing = Fixture.uniqueName("missing");
            Table t = c.table(missing);
            Key key = Key.of("id", "a");
            List<Executable> calls = List.of(
                    () -> t.get(key).consistency(Consistency.STRONG).execute(),
                    () -> t.get(key).consistency(Consistency.EVENTUAL).execute(),
                    () -> t.put(Item.of("id", "a")).execute(),
                    () -> t.update(key).expression("SET v = :v").value(":v", 1).execute(),
                    () -> t.delete(key).execute(),
                    () -> t.query().keyCondition("id = :id").value(":id", "a").execute(),
                    () -> t.scan().execute(),
                    () -> c.describeTable(missing),
                    () -> c.deleteTable(missing));
            for (Executable call : calls) {
                ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, call);
                assertTrue(e.getMessage().contains(missing), e.getMessage());
                assertFalse(e.isRetryable());
            }
        }
    }
}
