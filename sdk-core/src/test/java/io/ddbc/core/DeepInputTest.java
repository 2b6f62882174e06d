package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Table;
import io.ddbc.api.TableSpec;
import io.ddbc.api.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 17: input nested 10,000 levels deep — in an item's lists and maps, in an expression's parentheses,
 * in a document path — is refused with ValidationException (DynamoDB allows 32 levels of nesting), never
 * a StackOverflowError from the client or the embedded engine.
 */
class DeepInputTest {
    static final int DEEP = 10_000;
    DdbcClient client;
    Table t;

    @BeforeEach
    void open() {
        client = Ddbc.connect("ddbc:embedded:mem?time=virtual&seed=3");
        client.createTable(TableSpec.builder("deep").partitionKey("id", AttributeValue.Type.S).build());
        t = client.table("deep");
        t.put(Item.of("id", "x", "a", 1)).execute();
    }

    @AfterEach
    void close() {
        client.close();
    }

    static AttributeValue deepList(int depth) {
        AttributeValue v = AttributeValue.s("leaf");
        for (int i = 0; i < depth; i++) v = AttributeValue.l(v);
        return v;
    }

    static AttributeValue deepMap(int depth) {
        AttributeValue v = AttributeValue.s("leaf");
        for (int i = 0; i < depth; i++) v = AttributeValue.m(Map.of("m", v));
        return v;
    }

    static void refused(Executable e, String... mentions) {
        ValidationException v = assertThrows(ValidationException.class, e);
        for (String m : mentions) assertTrue(v.getMessage().contains(m), v.getMessage());
    }

    @Test
    void deeplyNestedItemsAreRefused() {
        refused(() -> t.put(Item.of("id", "y", "deep", deepList(DEEP))).execute(), "deep", "32");
        refused(() -> t.put(Item.of("id", "y", "deep", deepMap(DEEP))).execute(), "deep", "32");
        refused(() -> t.update(Key.of("id", "x")).expression("SET d = :v").value(":v", deepList(DEEP)).execute(), "32");
        refused(() -> t.put(Item.of("id", "y")).condition("a = :v").value(":v", deepMap(DEEP)).execute(), "32");
    }

    @Test
    void deeplyNestedExpressionsAreRefused() {
        String parens = "(".repeat(DEEP) + "attribute_exists(id)" + ")".repeat(DEEP);
        refused(() -> t.put(Item.of("id", "y")).condition(parens).execute());
        String nots = "NOT ".repeat(DEEP) + "attribute_exists(id)";
        refused(() -> t.put(Item.of("id", "y")).condition(nots).execute());
        String path = "a" + ".b".repeat(DEEP);
        refused(() -> t.update(Key.of("id", "x")).expression("SET " + path + " = :v").value(":v", 1).execute());
        refused(() -> t.get(Key.of("id", "x")).projection("a" + "[0]".repeat(DEEP)).execute());
        String sizes = "size(".repeat(DEEP) + "a" + ")".repeat(DEEP) + " > :z";
        refused(() -> t.put(Item.of("id", "y")).condition(sizes).value(":z", 0).execute());
        // The same within DynamoDB's 4 KB expression limit, so the parser itself meets the depth.
        for (int n : new int[] {1_000, 1_900}) {
            String p = "(".repeat(n) + "attribute_exists(id)" + ")".repeat(n);
            refused(() -> t.put(Item.of("id", "y")).condition(p).execute());
            // A long NOT chain is grammatical: it may be evaluated (here: the condition fails), but never overflows.
            String notChain = "NOT ".repeat(n) + "attribute_exists(id)";
            assertThrows(io.ddbc.api.DdbcException.class, () -> t.put(Item.of("id", "y")).condition(notChain).execute());
            refused(() -> t.update(Key.of("id", "x")).expression("SET a" + ".b".repeat(n) + " = :v").value(":v", 1).execute());
            refused(() -> t.get(Key.of("id", "x")).projection("a" + "[0]".repeat(n)).execute());
            String sizeChain = "size(".repeat(n / 3) + "a" + ")".repeat(n / 3) + " > :z";
            assertThrows(io.ddbc.api.DdbcException.class, () -> t.put(Item.of("id", "y")).condition(sizeChain).value(":z", 0).execute());
        }
    }

    @Test
    void deepJavaCollectionsAreRefusedWhenConverted() {
        Object deep = "leaf";
        for (int i = 0; i < DEEP; i++) deep = java.util.List.of(deep);
        Object input = deep;
        refused(() -> AttributeValue.from(input), "32");
        refused(() -> Item.of("id", "y", "deep", input), "32");
        // 32 levels are a value; the 33rd is refused as it is built.
        AttributeValue v = deepList(AttributeValue.MAX_NESTING_DEPTH);
        org.junit.jupiter.api.Assertions.assertEquals(32, v.nestingDepth());
        refused(() -> AttributeValue.l(v), "Nesting Levels have exceeded supported limits");
    }
}
