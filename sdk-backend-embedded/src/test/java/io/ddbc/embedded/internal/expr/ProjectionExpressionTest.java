package io.ddbc.embedded.internal.expr;

import static io.ddbc.embedded.internal.expr.Fixtures.assertInvalid;
import static io.ddbc.embedded.internal.expr.Fixtures.ph;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbc.api.Item;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Projection expressions: which parts of an item come back, and the paths DynamoDB refuses. */
class ProjectionExpressionTest {
    static final Item ITEM = Item.builder()
            .put("id", "k")
            .put("a", 1)
            .put("b", "two")
            .put("m", Map.of("x", 1, "y", Map.of("z", 2, "w", 3)))
            .put("lst", List.of("p", Map.of("q", 1, "r", 2), "s", "t"))
            .build();

    static Item project(String text, Object... placeholders) {
        return ExpressionCompiler.projection(text, ph(placeholders)).apply(ITEM);
    }

    @Test
    void topLevelAttributes() {
        assertEquals(Item.of("a", 1, "b", "two"), project("a, b"));
        assertEquals(Item.of("a", 1), project("a, absent"));
        assertEquals(Item.empty(), project("absent"));
    }

    @Test
    void nestedPathsKeepTheirEnclosingMaps() {
        assertEquals(Item.of("m", Map.of("y", Map.of("z", 2))), project("m.y.z"));
        assertEquals(Item.of("m", Map.of("x", 1, "y", Map.of("w", 3))), project("m.x, m.y.w"));
        assertEquals(Item.empty(), project("m.nope"));
        assertEquals(Item.empty(), project("b.x"));
    }

    @Test
    void listElementsCloseUpInIndexOrder() {
        assertEquals(Item.of("lst", List.of("p", "s")), project("lst[2], lst[0]"));
        assertEquals(Item.of("lst", List.of(Map.of("q", 1))), project("lst[1].q"));
        assertEquals(Item.of("lst", List.of("t")), project("lst[3], lst[9]"));
        assertEquals(Item.empty(), project("lst[9]"));
        assertEquals(Item.empty(), project("m[0]"));
    }

    @Test
    void placeholdersAndReservedWords() {
        assertEquals(Item.of("b", "two"), project("#n", "#n", "b"));
        assertInvalid(() -> project("name"), "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name");
    }

    @Test
    void overlappingPathsAreRejected() {
        assertInvalid(() -> project("a, a"), "Invalid ProjectionExpression: Two document paths overlap with each other",
                "path one: [a], path two: [a]");
        assertInvalid(() -> project("m, m.x"), "path one: [m], path two: [m, x]");
        assertInvalid(() -> project("lst[0], lst.x"), "Two document paths conflict with each other", "path one: [lst, [0]], path two: [lst, x]");
    }

    @Test
    void syntaxErrors() {
        assertInvalid(() -> project("a,"), "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"");
        assertInvalid(() -> project("a b"), "Syntax error; token: \"b\", near: \"a b\"");
        assertInvalid(() -> project(":v", ":v", 1), "Syntax error; token: \":v\"");
        assertInvalid(() -> project("size(a)"), "Syntax error; token: \"size\", near: \"size(\"");
        assertInvalid(() -> project(""), "Invalid ProjectionExpression: The expression can not be empty;");
    }

    @Test
    void reportsTopLevelAttributes() {
        assertEquals(Set.of("a", "m", "lst"), ExpressionCompiler.projection("a, m.x, lst[1], m.y", ph()).topLevelAttributes());
    }
}
