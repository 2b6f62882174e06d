package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemTest {

    @Test
    void ofKeepsInsertionOrderAndConvertsValues() {
        Item item = Item.of("id", "a", "n", 3, "ok", true);
        assertEquals(List.of("id", "n", "ok"), List.copyOf(item.names()));
        assertEquals(AttributeValue.s("a"), item.get("id"));
        assertEquals(AttributeValue.n(3), item.get("n"));
        assertTrue(item.has("ok"));
        assertFalse(item.has("missing"));
        assertNull(item.get("missing"));
    }

    @Test
    void ofRejectsOddArgumentsNonStringNamesAndDuplicates() {
        assertThrows(ValidationException.class, () -> Item.of("a"));
        ValidationException e = assertThrows(ValidationException.class, () -> Item.of(1, "x"));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> Item.of("a", 1, "a", 2));
        assertTrue(e.getMessage().contains("'a'"), e.getMessage());
    }

    @Test
    void ofMapAndBuilder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", 1);
        m.put("y", "z");
        assertEquals(Item.of("x", 1, "y", "z"), Item.of(m));
        Item built = Item.builder().put("x", 1).put("y", "z").put("gone", 0).remove("gone").build();
        assertEquals(Item.of(m), built);
        assertThrows(ValidationException.class, () -> Item.builder().put(null, 1));
        assertSame(Item.empty(), Item.builder().build());
        assertTrue(Item.empty().isEmpty());
    }

    @Test
    void withAndWithoutReturnNewItemsAndLeaveTheOriginal() {
        Item a = Item.of("id", "a", "n", 1);
        Item b = a.with("n", 2).with("extra", "e");
        Item c = a.without("n", "absent");
        assertEquals(AttributeValue.n(1), a.get("n"));
        assertEquals(2, a.names().size());
        assertEquals(AttributeValue.n(2), b.get("n"));
        assertEquals("e", b.getString("extra"));
        assertEquals(Set.of("id"), c.names());
        assertThrows(UnsupportedOperationException.class, () -> a.attributes().put("x", AttributeValue.s("x")));
    }

    @Test
    void builderChangesAfterBuildDoNotLeak() {
        Item.Builder b = Item.builder().put("a", 1);
        Item first = b.build();
        b.put("b", 2);
        assertEquals(1, first.names().size());
        Item fromToBuilder = first.toBuilder().put("c", 3).build();
        assertEquals(1, first.names().size());
        assertEquals(2, fromToBuilder.names().size());
        assertEquals(Item.of("a", 1, "b", 2, "c", 3), Item.builder().putAll(first).putAll(Item.of("b", 2, "c", 3)).build());
    }

    @Test
    void typedGetters() {
        Item item = Item.of("s", "text", "n", new BigDecimal("12.50"), "l", 7, "b", true, "bin", new byte[] {1},
                "list", List.of(1, 2), "map", Map.of("k", "v"), "ss", Set.of("x", "y"));
        assertEquals("text", item.getString("s"));
        assertEquals(0, new BigDecimal("12.5").compareTo(item.getNumber("n")));
        assertEquals(7L, item.getLong("l"));
        assertEquals(7, item.getInt("l"));
        assertTrue(item.getBoolean("b"));
        assertArrayEquals(new byte[] {1}, item.getBytes("bin"));
        assertEquals(2, item.getList("list").size());
        assertEquals("v", item.getItem("map").getString("k"));
        assertEquals(Set.of("x", "y"), item.getStringSet("ss"));
        assertNull(item.getString("absent"));
        assertNull(item.getNumber("absent"));
        assertNull(item.getItem("absent"));
    }

    @Test
    void typedGetterOfTheWrongTypeNamesTheAttributeAndTypes() {
        Item item = Item.of("age", "forty");
        ValidationException e = assertThrows(ValidationException.class, () -> item.getNumber("age"));
        assertTrue(e.getMessage().contains("'age'") && e.getMessage().contains("S") && e.getMessage().contains("N"), e.getMessage());
        assertThrows(ValidationException.class, () -> item.getLong("age"));
        assertThrows(ValidationException.class, () -> item.getBoolean("age"));
        assertThrows(ValidationException.class, () -> item.getItem("age"));
    }

    @Test
    void primitiveGettersRequireThePresenceAndRangeOfTheValue() {
        Item item = Item.of("frac", new BigDecimal("1.5"), "big", Long.MAX_VALUE, "huge", new BigDecimal("1E+30"), "whole", new BigDecimal("3.000"));
        ValidationException e = assertThrows(ValidationException.class, () -> item.getLong("absent"));
        assertTrue(e.getMessage().contains("'absent'"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> item.getBoolean("absent"));
        assertTrue(e.getMessage().contains("'absent'"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> item.getLong("frac"));
        assertTrue(e.getMessage().contains("'frac'"), e.getMessage());
        assertThrows(ValidationException.class, () -> item.getLong("huge"));
        e = assertThrows(ValidationException.class, () -> item.getInt("big"));
        assertTrue(e.getMessage().contains("'big'"), e.getMessage());
        assertEquals(3L, item.getLong("whole"));
    }

    @Test
    void sizeIsNameBytesPlusValueSizes() {
        // "id"(2) + "abc"(3) + "n"(1) + 123.45(4) + "é"(2) + true(1)
        assertEquals(13, Item.of("id", "abc", "n", new BigDecimal("123.45"), "é", true).sizeInBytes());
        assertEquals(0, Item.empty().sizeInBytes());
        // "m"(1) + map{ "k": null } = 3 + 1 + 1 + 1
        assertEquals(7, Item.of("m", Map.of("k", AttributeValue.nul())).sizeInBytes());
        // A 400 KB string attribute: the limit check in the engine relies on this being exact.
        String big = "x".repeat(400 * 1024 - 4);
        assertEquals(400 * 1024, Item.of("data", big).sizeInBytes());
    }

    @Test
    void equalityIgnoresAttributeOrderAndNumberForm() {
        Item a = Item.of("x", 1, "y", "s");
        Item b = Item.of("y", "s", "x", new BigDecimal("1.0"));
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Item.of("x", 1));
        assertNotEquals(a, Item.of("x", 2, "y", "s"));
    }

    @Test
    void toStringIsTheJsonWireFormat() {
        assertEquals("{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"}}", Item.of("id", "a", "n", 1).toString());
    }
}
