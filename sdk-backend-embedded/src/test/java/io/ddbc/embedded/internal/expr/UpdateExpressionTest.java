package io.ddbc.embedded.internal.expr;

import static io.ddbc.embedded.internal.expr.Fixtures.assertInvalid;
import static io.ddbc.embedded.internal.expr.Fixtures.ph;
import static io.ddbc.embedded.internal.expr.Fixtures.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Update expressions: SET, REMOVE, ADD, DELETE, their combinations and DynamoDB's errors. */
class UpdateExpressionTest {
    static final Item BASE = Item.builder()
            .put("id", "k")
            .put("n", 10)
            .put("s", "text")
            .put("lst", List.of("a", "b", "c", "d"))
            .put("m", Map.of("child", Map.of("v", 1), "arr", List.of(1, 2)))
            .put("tags", Set.of("x", "y"))
            .put("nums", Set.of(1, 2))
            .build();

    @Nested
    class Set_ {
        @Test
        void setsTopLevelAndReplaces() {
            Item out = update(BASE, "SET a = :v, s = :w", ":v", 1, ":w", "new");
            assertEquals(1, out.getInt("a"));
            assertEquals("new", out.getString("s"));
            assertEquals("k", out.getString("id"));
        }

        @Test
        void arithmetic() {
            assertEquals(15, update(BASE, "SET n = n + :d", ":d", 5).getInt("n"));
            assertEquals(3, update(BASE, "SET n = n - :d", ":d", 7).getInt("n"));
            assertEquals(-7, update(BASE, "SET c = :d - n", ":d", 3).getInt("c"));
            assertEquals(20, update(BASE, "SET c = n + n").getInt("c"));
            assertEquals(new BigDecimal("10.25"), update(BASE, "SET n = n + :d", ":d", new BigDecimal("0.25")).getNumber("n"));
            assertEquals(3, update(Item.empty(), "SET c = :a + :b", ":a", 1, ":b", 2).getInt("c"));
        }

        @Test
        void arithmeticKeepsThirtyEightDigits() {
            String big = "9".repeat(38);
            Item i = Item.of("n", AttributeValue.n(big));
            assertEquals(new BigDecimal(big).subtract(BigDecimal.ONE), update(i, "SET n = n - :one", ":one", 1).getNumber("n"));
            assertEquals(AttributeValue.n("1E+38"), update(i, "SET n = n + :one", ":one", 1).get("n"));
            assertInvalid(() -> update(i, "SET n = n + :tenth", ":tenth", new BigDecimal("0.1")), "38 significant digits");
            Item small = Item.of("n", AttributeValue.n("1E+100"));
            assertInvalid(() -> update(small, "SET n = n + :tiny", ":tiny", AttributeValue.n("1E-100")), "38 significant digits");
        }

        @Test
        void arithmeticOnNonNumbersIsRejected() {
            assertInvalid(() -> update(BASE, "SET n = s + :d", ":d", 1), "An operand in the update expression has an incorrect data type");
            assertInvalid(() -> update(BASE, "SET n = s - n"), "An operand in the update expression has an incorrect data type");
            // a constant of the wrong type is caught when compiling
            assertInvalid(() -> update(BASE, "SET n = n - :d", ":d", "1"),
                    "Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, operand type: S");
        }

        @Test
        void missingOperandIsRejected() {
            assertInvalid(() -> update(BASE, "SET n = absent + :d", ":d", 1),
                    "The provided expression refers to an attribute that does not exist in the item");
            assertInvalid(() -> update(BASE, "SET n = m.nope"), "refers to an attribute that does not exist");
            assertInvalid(() -> update(BASE, "SET n = lst[9]"), "refers to an attribute that does not exist");
        }

        @Test
        void operandsReadTheItemBeforeTheUpdate() {
            Item out = update(Item.of("a", 1, "b", 2), "SET a = b, b = a");
            assertEquals(2, out.getInt("a"));
            assertEquals(1, out.getInt("b"));
        }

        @Test
        void parenthesisedValues() {
            assertEquals(7, update(BASE, "SET n = (n - :v)", ":v", 3).getInt("n"));
            assertEquals(13, update(BASE, "SET n = (n) + (:v)", ":v", 3).getInt("n"));
            assertEquals(3, update(BASE, "SET c = (:v)", ":v", 3).getInt("c"));
            assertInvalid(() -> update(BASE, "SET n = (n - :v) + :v", ":v", 3), "Syntax error; token: \"-\"");
            assertInvalid(() -> update(BASE, "SET n = n + :v + :v", ":v", 3), "Syntax error; token: \"+\"");
        }

        @Test
        void ifNotExists() {
            assertEquals(10, update(BASE, "SET n = if_not_exists(n, :z)", ":z", 0).getInt("n"));
            assertEquals(0, update(BASE, "SET c = if_not_exists(c, :z)", ":z", 0).getInt("c"));
            assertEquals(1, update(BASE, "SET c = if_not_exists(c, :z) + :one", ":z", 0, ":one", 1).getInt("c"));
            assertEquals(11, update(BASE, "SET n = if_not_exists(n, :z) + :one", ":z", 0, ":one", 1).getInt("n"));
            assertInvalid(() -> update(BASE, "SET c = if_not_exists(:z, c)", ":z", 0),
                    "Operator or function requires a document path; operator or function: if_not_exists");
            assertInvalid(() -> update(BASE, "SET c = if_not_exists(c)"),
                    "Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1");
        }

        @Test
        void listAppend() {
            assertEquals(List.of(AttributeValue.s("a"), AttributeValue.s("b"), AttributeValue.s("c"), AttributeValue.s("d"),
                    AttributeValue.s("e")), update(BASE, "SET lst = list_append(lst, :e)", ":e", List.of("e")).getList("lst"));
            assertEquals(AttributeValue.s("z"), update(BASE, "SET lst = list_append(:e, lst)", ":e", List.of("z")).getList("lst").get(0));
            Item created = update(Item.empty(), "SET l = list_append(if_not_exists(l, :empty), :e)", ":empty", List.of(), ":e", List.of(1));
            assertEquals(List.of(AttributeValue.n(1)), created.getList("l"));
            assertInvalid(() -> update(BASE, "SET lst = list_append(lst, s)"), "An operand in the update expression has an incorrect data type");
            assertInvalid(() -> update(BASE, "SET lst = list_append(lst, :e)", ":e", "e"),
                    "Incorrect operand type for operator or function; operator or function: list_append, operand type: S");
            assertInvalid(() -> update(BASE, "SET lst = list_append(absent, :e)", ":e", List.of()), "does not exist in the item");
        }

        @Test
        void nestedPaths() {
            Item out = update(BASE, "SET m.child.v = :v, m.child.w = :w, m.arr[0] = :z", ":v", 9, ":w", "new", ":z", 0);
            Map<String, AttributeValue> child = out.getItem("m").getItem("child").attributes();
            assertEquals(AttributeValue.n(9), child.get("v"));
            assertEquals(AttributeValue.s("new"), child.get("w"));
            assertEquals(List.of(AttributeValue.n(0), AttributeValue.n(2)), out.getItem("m").getList("arr"));
            assertEquals(BASE.getItem("m").getItem("child").attributes().get("v"), AttributeValue.n(1)); // original untouched
        }

        @Test
        void listIndexPastTheEndAppends() {
            List<AttributeValue> l = update(BASE, "SET lst[10] = :v", ":v", "e").getList("lst");
            assertEquals(5, l.size());
            assertEquals(AttributeValue.s("e"), l.get(4));
            assertEquals(AttributeValue.s("Z"), update(BASE, "SET lst[1] = :v", ":v", "Z").getList("lst").get(1));
        }

        @Test
        void invalidDocumentPaths() {
            String msg = "The document path provided in the update expression is invalid for update";
            assertInvalid(() -> update(BASE, "SET absent.x = :v", ":v", 1), msg);
            assertInvalid(() -> update(BASE, "SET m.nope.x = :v", ":v", 1), msg);
            assertInvalid(() -> update(BASE, "SET s.x = :v", ":v", 1), msg);
            assertInvalid(() -> update(BASE, "SET s[0] = :v", ":v", 1), msg);
            assertInvalid(() -> update(BASE, "SET m[0] = :v", ":v", 1), msg);
            assertInvalid(() -> update(BASE, "SET lst.x = :v", ":v", 1), msg);
            assertInvalid(() -> update(BASE, "SET lst[7].x = :v", ":v", 1), msg);
        }
    }

    @Nested
    class Remove {
        @Test
        void removesTopLevelAndNested() {
            Item out = update(BASE, "REMOVE s, m.child.v, absent");
            assertFalse(out.has("s"));
            assertEquals(Map.of(), out.getItem("m").getItem("child").attributes());
            assertEquals(BASE.get("lst"), out.get("lst"));
        }

        @Test
        void removingListElementsShiftsTheRest() {
            assertEquals(List.of(AttributeValue.s("a"), AttributeValue.s("c"), AttributeValue.s("d")),
                    update(BASE, "REMOVE lst[1]").getList("lst"));
            // both indexes name elements of the original list, whatever order they are written in
            assertEquals(List.of(AttributeValue.s("b"), AttributeValue.s("d")),
                    update(BASE, "REMOVE lst[0], lst[2]").getList("lst"));
            assertEquals(List.of(AttributeValue.s("b"), AttributeValue.s("d")),
                    update(BASE, "REMOVE lst[2], lst[0]").getList("lst"));
            assertEquals(List.of(AttributeValue.n(2)), update(BASE, "REMOVE m.arr[0]").getItem("m").getList("arr"));
        }

        @Test
        void missingLeavesAreNoOps() {
            assertSame(BASE, update(BASE, "REMOVE absent"));
            assertSame(BASE, update(BASE, "REMOVE lst[9]"));
            assertSame(BASE, update(BASE, "REMOVE m.nope"));
        }

        @Test
        void missingParentIsInvalid() {
            assertInvalid(() -> update(BASE, "REMOVE absent.x"), "The document path provided in the update expression is invalid for update");
            assertInvalid(() -> update(BASE, "REMOVE s[0]"), "invalid for update");
        }
    }

    @Nested
    class Add {
        @Test
        void addsNumbersAndCreatesThem() {
            assertEquals(13, update(BASE, "ADD n :d", ":d", 3).getInt("n"));
            assertEquals(-3, update(BASE, "ADD c :d", ":d", -3).getInt("c"));
            assertEquals(2, update(BASE, "ADD m.child.v :d", ":d", 1).getItem("m").getItem("child").getInt("v"));
        }

        @Test
        void unitesSets() {
            assertEquals(Set.of("x", "y", "z"), update(BASE, "ADD tags :t", ":t", Set.of("y", "z")).getStringSet("tags"));
            assertEquals(Set.of("q"), update(BASE, "ADD newtags :t", ":t", Set.of("q")).getStringSet("newtags"));
            assertEquals(AttributeValue.ns(List.of(1, 2, 3)), update(BASE, "ADD nums :t", ":t", Set.of(3, 2)).get("nums"));
        }

        @Test
        void wrongTypes() {
            assertInvalid(() -> update(BASE, "ADD s :d", ":d", 1), "An operand in the update expression has an incorrect data type");
            assertInvalid(() -> update(BASE, "ADD tags :d", ":d", Set.of(1)), "incorrect data type");
            assertInvalid(() -> update(BASE, "ADD n :d", ":d", Set.of("a")), "incorrect data type");
            assertInvalid(() -> update(BASE, "ADD n :d", ":d", "1"), "Invalid UpdateExpression",
                    "Incorrect operand type for operator or function; operator: ADD, operand type: STRING");
            assertInvalid(() -> update(BASE, "ADD lst :d", ":d", List.of(1)), "operator: ADD, operand type: LIST");
            assertInvalid(() -> update(BASE, "ADD lst :d", ":d", Map.of()), "operator: ADD, operand type: MAP");
            assertInvalid(() -> update(BASE, "ADD lst :d", ":d", true), "operator: ADD, operand type: BOOLEAN");
            assertInvalid(() -> update(BASE, "ADD n b"), "Syntax error; token: \"b\"");
        }
    }

    @Nested
    class Delete {
        @Test
        void removesElements() {
            assertEquals(Set.of("y"), update(BASE, "DELETE tags :t", ":t", Set.of("x", "nope")).getStringSet("tags"));
            assertEquals(AttributeValue.ns(List.of(2)), update(BASE, "DELETE nums :t", ":t", Set.of(AttributeValue.n("1.0").n())).get("nums"));
        }

        @Test
        void deletingTheLastElementRemovesTheAttribute() {
            assertFalse(update(BASE, "DELETE tags :t", ":t", Set.of("x", "y")).has("tags"));
        }

        @Test
        void missingAttributeIsNoOp() {
            assertSame(BASE, update(BASE, "DELETE absent :t", ":t", Set.of("x")));
        }

        @Test
        void wrongTypes() {
            assertInvalid(() -> update(BASE, "DELETE tags :t", ":t", Set.of(1)), "An operand in the update expression has an incorrect data type");
            assertInvalid(() -> update(BASE, "DELETE s :t", ":t", Set.of("t")), "incorrect data type");
            assertInvalid(() -> update(BASE, "DELETE tags :t", ":t", 1),
                    "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER");
        }
    }

    @Nested
    class ListIndexEdges {
        final Item item = Item.builder().put("e", List.of()).put("one", List.of("x"))
                .put("grid", List.of(List.of(1, 2), List.of(3, 4))).build();

        @Test
        void emptyAndSingleElementLists() {
            assertEquals(List.of(AttributeValue.s("v")), update(item, "SET e[0] = :v", ":v", "v").getList("e"));
            assertEquals(List.of(AttributeValue.s("v")), update(item, "SET e[5] = :v", ":v", "v").getList("e"));
            assertEquals(List.of(), update(item, "REMOVE one[0]").getList("one"));
            assertSame(item, update(item, "REMOVE e[0]"));
        }

        @Test
        void nestedLists() {
            Item out = update(item, "SET grid[1][0] = :v REMOVE grid[0][1]", ":v", 9);
            assertEquals(AttributeValue.l(AttributeValue.l(AttributeValue.n(1)), AttributeValue.l(AttributeValue.n(9), AttributeValue.n(4))),
                    out.get("grid"));
            assertEquals(List.of(AttributeValue.n(3)), update(item, "REMOVE grid[1][1], grid[0]").getList("grid").get(0).l());
            assertInvalid(() -> update(item, "SET grid[5][0] = :v", ":v", 1), "The document path provided in the update expression is invalid for update");
        }

        @Test
        void removingSeveralElementsOfOneListUsesOriginalIndexes() {
            Item five = Item.of("l", List.of(0, 1, 2, 3, 4));
            assertEquals(AttributeValue.l(AttributeValue.n(0), AttributeValue.n(2), AttributeValue.n(4)),
                    update(five, "REMOVE l[3], l[1], l[9]").get("l"));
        }

        @Test
        void hugeIndexes() {
            assertInvalid(() -> update(item, "SET e[99999999999] = :v", ":v", 1), "List index is too large");
            assertEquals(1, update(item, "SET e[2147483647] = :v", ":v", 1).getList("e").size());
        }
    }

    @Nested
    class SetArithmetic {
        @Test
        void numberSetsCompareByValue() {
            Item i = Item.of("ns", AttributeValue.ns(List.of("1", "2.50")));
            assertEquals(AttributeValue.ns(List.of(1, 2.5)), update(i, "ADD ns :v", ":v", AttributeValue.ns(List.of("1.0"))).get("ns"));
            assertEquals(AttributeValue.ns(List.of(1)), update(i, "DELETE ns :v", ":v", AttributeValue.ns(List.of("2.5"))).get("ns"));
        }

        @Test
        void binarySets() {
            Item i = Item.of("bs", AttributeValue.bs(List.of(new byte[] {1}, new byte[] {2})));
            AttributeValue three = AttributeValue.bs(List.of(new byte[] {3}, new byte[] {1}));
            assertEquals(AttributeValue.bs(List.of(new byte[] {1}, new byte[] {2}, new byte[] {3})), update(i, "ADD bs :v", ":v", three).get("bs"));
            assertEquals(AttributeValue.bs(List.of(new byte[] {2})), update(i, "DELETE bs :v", ":v", three).get("bs"));
            assertInvalid(() -> update(i, "ADD bs :v", ":v", Set.of("x")), "incorrect data type");
        }

        @Test
        void addingPresentElementsChangesNothing() {
            assertSame(BASE, update(BASE, "ADD tags :v", ":v", Set.of("x")));
        }
    }

    @Nested
    class Clauses {
        @Test
        void severalClausesInAnyOrder() {
            Item out = update(BASE, "REMOVE s ADD n :one SET a = :a DELETE tags :x", ":one", 1, ":a", "A", ":x", Set.of("x"));
            assertFalse(out.has("s"));
            assertEquals(11, out.getInt("n"));
            assertEquals("A", out.getString("a"));
            assertEquals(Set.of("y"), out.getStringSet("tags"));
        }

        @Test
        void clauseKeywordsAreCaseInsensitive() {
            assertEquals(1, update(Item.empty(), "set a = :v", ":v", 1).getInt("a"));
        }

        @Test
        void eachClauseAtMostOnce() {
            assertInvalid(() -> update(BASE, "SET a = :v SET b = :v", ":v", 1),
                    "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
            assertInvalid(() -> update(BASE, "REMOVE a REMOVE b"), "The \"REMOVE\" section can only be used once");
            assertInvalid(() -> update(BASE, "add a :v add b :v", ":v", 1), "The \"ADD\" section can only be used once");
        }

        @Test
        void overlappingPathsAreRejected() {
            assertInvalid(() -> update(BASE, "SET a = :v REMOVE a", ":v", 1),
                    "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]");
            assertInvalid(() -> update(BASE, "SET m.child = :v, m.child.v = :v", ":v", 1),
                    "path one: [m, child], path two: [m, child, v]");
            assertInvalid(() -> update(BASE, "SET lst[1] = :v REMOVE lst", ":v", 1), "path one: [lst, [1]], path two: [lst]");
            assertInvalid(() -> update(BASE, "SET m.a = :v, m[0] = :v", ":v", 1),
                    "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [m, a], path two: [m, [0]]");
            Item fine = update(BASE, "SET m.child.x = :v, m.arr[1] = :v", ":v", 7);
            assertEquals(7, fine.getItem("m").getItem("child").getInt("x"));
        }

        @Test
        void functionsThatBelongToConditions() {
            assertInvalid(() -> update(BASE, "SET a = size(s)"),
                    "Invalid UpdateExpression: The function is not allowed in an update expression; function: size");
            assertInvalid(() -> update(BASE, "SET a = attribute_exists(s)"), "not allowed in an update expression; function: attribute_exists");
            assertInvalid(() -> update(BASE, "SET a = nope(s)"), "Invalid function name; function: nope");
        }

        @Test
        void syntaxErrors() {
            assertInvalid(() -> update(BASE, "SET a :v", ":v", 1), "Syntax error; token: \":v\", near: \"a :v\"");
            assertInvalid(() -> update(BASE, "SET a = :v +", ":v", 1), "Syntax error; token: \"<EOF>\", near: \"+\"");
            assertInvalid(() -> update(BASE, "SET a = :v + :v + :v", ":v", 1), "Syntax error; token: \"+\"");
            assertInvalid(() -> update(BASE, "SET a = :v, REMOVE b", ":v", 1), "Syntax error; token: \"REMOVE\"");
            assertInvalid(() -> update(BASE, "UPSERT a = :v", ":v", 1), "Syntax error; token: \"UPSERT\"");
            assertInvalid(() -> update(BASE, "SET"), "Syntax error; token: \"<EOF>\"");
            assertInvalid(() -> update(BASE, "REMOVE a b"), "Syntax error; token: \"b\"");
        }

        @Test
        void topLevelAttributesAreTheTargets() {
            CompiledUpdate u = ExpressionCompiler.update("SET a = b + :v, m.x = c REMOVE lst[0] ADD n :v DELETE tags :s",
                    ph(":v", 1, ":s", Set.of("x")));
            assertEquals(Set.of("a", "m", "lst", "n", "tags"), u.topLevelAttributes());
        }

        @Test
        void updatedPartsFollowTheTargetPaths() {
            CompiledUpdate u = ExpressionCompiler.update("SET m.child.v = :v, n = :v REMOVE lst[1] ADD newattr :v", ph(":v", 7));
            Item after = u.apply(BASE);
            assertEquals(Item.of("m", Map.of("child", Map.of("v", 1)), "n", 10, "lst", List.of("b")), u.updatedParts(BASE));
            assertEquals(Item.of("m", Map.of("child", Map.of("v", 7)), "n", 7, "lst", List.of("c"), "newattr", 7), u.updatedParts(after));
        }

        @Test
        void compiledUpdateIsReusable() {
            CompiledUpdate u = ExpressionCompiler.update("ADD n :one", ph(":one", 1));
            Item once = u.apply(BASE);
            assertEquals(12, u.apply(once).getInt("n"));
            assertEquals(10, BASE.getInt("n"));
        }
    }
}
