package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DeleteTableRequest;
import io.ddbc.api.DescribeTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.ListTablesRequest;
import io.ddbc.api.ListTablesResult;
import io.ddbc.api.ResourceNotFoundException;
import io.ddbc.api.TableDescription;
import io.ddbc.api.TableSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableOperationsTest {
    private final EmbeddedBackend b = EmbeddedBackend.inMemory(4);

    private TableDescription create(String name) {
        return b.createTable(new CreateTableRequest(TableSpec.builder(name).partitionKey("id", AttributeValue.Type.S).build()));
    }

    @Test
    void createDescribeCountsItemsAndSize() {
        TableDescription d = create("accounts");
        assertEquals("ACTIVE", d.status());
        assertEquals(0, d.itemCount());
        Fixture.put(b, "accounts", Item.of("id", "a", "n", 1));
        Fixture.put(b, "accounts", Item.of("id", "b"));
        TableDescription after = b.describeTable(new DescribeTableRequest("accounts"));
        assertEquals(2, after.itemCount());
        assertEquals(Item.of("id", "a", "n", 1).sizeInBytes() + Item.of("id", "b").sizeInBytes(), after.sizeBytes());
        assertEquals(d.spec(), after.spec());
    }

    @Test
    void duplicateTableIsRejected() {
        create("accounts");
        Fixture.fails(io.ddbc.api.ResourceInUseException.class, "Cannot create preexisting table: accounts", () -> create("accounts"));
    }

    @Test
    void missingTableIsResourceNotFoundEverywhere() {
        String msg = "Cannot do operations on a non-existent table: nosuch";
        Fixture.fails(ResourceNotFoundException.class, msg, () -> b.describeTable(new DescribeTableRequest("nosuch")));
        Fixture.fails(ResourceNotFoundException.class, msg, () -> b.deleteTable(new DeleteTableRequest("nosuch")));
        Fixture.fails(ResourceNotFoundException.class, msg, () -> b.get(GetRequest.builder("nosuch", Key.of("id", "a")).build()));
        Fixture.fails(ResourceNotFoundException.class, msg, () -> Fixture.put(b, "nosuch", Item.of("id", "a")));
    }

    @Test
    void deleteRemovesTableAndItems() {
        create("accounts");
        Fixture.put(b, "accounts", Item.of("id", "a"));
        TableDescription d = b.deleteTable(new DeleteTableRequest("accounts"));
        assertEquals("DELETING", d.status());
        assertEquals(1, d.itemCount());
        create("accounts");
        assertEquals(null, Fixture.get(b, "accounts", Key.of("id", "a")));
    }

    @Test
    void tableNamesAreCaseSensitiveLikeAws() {
        create("Accounts");
        create("accounts");
        assertEquals(List.of("Accounts", "accounts"), b.listTables(ListTablesRequest.firstPage()).tableNames());
    }

    @Test
    void listTablesPagesInNameOrder() {
        for (String n : List.of("ccc", "aaa", "bbb", "ddd")) create(n);
        ListTablesResult first = b.listTables(new ListTablesRequest(null, 3));
        assertEquals(List.of("aaa", "bbb", "ccc"), first.tableNames());
        assertEquals("ccc", first.lastEvaluatedTableName().orElseThrow());
        ListTablesResult second = b.listTables(new ListTablesRequest("ccc", 3));
        assertEquals(List.of("ddd"), second.tableNames());
        assertFalse(second.lastEvaluatedTableName().isPresent());
        ListTablesResult exact = b.listTables(new ListTablesRequest(null, 4));
        assertTrue(exact.lastEvaluatedTableName().isEmpty());
    }

    @Test
    void invalidTableNameIsRejectedBySpec() {
        Fixture.invalid("3 to 255 characters", () -> TableSpec.builder("ab"));
    }
}
