package io.ddbc.embedded.internal.expr;

import static io.ddbc.embedded.internal.expr.Fixtures.assertInvalid;
import static io.ddbc.embedded.internal.expr.Fixtures.cond;
import static io.ddbc.embedded.internal.expr.Fixtures.test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Condition and filter expressions: grammar, precedence, functions and DynamoDB's evaluation rules. */
class ConditionExpressionTest {
    static final Item ITEM = Item.builder()
            .put("id", "k1")
            .put("n", 5)
            .put("s", "hello")
            .put("bin", new byte[] {1, 2, (byte) 0xF0})
            .put("flag", true)
            .put("nothing", null)
            .put("tags", Set.of("a", "b"))
            .put("nums", Set.of(1, 2))
            .put("lst", List.of(1, "x", List.of(2, 3)))
            .put("m", Map.of("x", 1, "deep", Map.of("y", "z")))
            .put("utf", "é€")
            .build();

    @Nested
    class Comparisons {
        @Test
        void numbersCompareByValue() {
            assertTrue(test("n = :v", ITEM, ":v", 5));
            assertTrue(test("n = :v", ITEM, ":v", AttributeValue.n("5.00")));
            assertTrue(test("n < :v", ITEM, ":v", 6));
            assertFalse(test("n < :v", ITEM, ":v", 5));
            assertTrue(test("n <= :v", ITEM, ":v", 5));
            assertTrue(test("n > :v", ITEM, ":v", -10));
            assertTrue(test("n >= :v", ITEM, ":v", 5));
            assertFalse(test("n >= :v", ITEM, ":v", AttributeValue.n("5.0000001")));
            assertTrue(test("n <> :v", ITEM, ":v", 4));
            assertFalse(test("n <> :v", ITEM, ":v", 5));
        }

        @Test
        void stringsCompareByCodePoint() {
            assertTrue(test("s > :v", ITEM, ":v", "Hello"));       // 'h' (0x68) > 'H' (0x48)
            assertTrue(test("s < :v", ITEM, ":v", "hellp"));
            assertTrue(test("s < :v", ITEM, ":v", "hello!"));
            // U+FFFD sorts below a supplementary character, although its UTF-16 unit is larger
            Item i = Item.of("s", "\uFFFD");
            assertTrue(test("s < :v", i, ":v", "\uD83D\uDE00"));
        }

        @Test
        void binaryComparesUnsigned() {
            assertTrue(test("bin > :v", ITEM, ":v", new byte[] {1, 2, 0x10}));
            assertTrue(test("bin < :v", ITEM, ":v", new byte[] {1, 3}));
            assertTrue(test("bin = :v", ITEM, ":v", new byte[] {1, 2, (byte) 0xF0}));
        }

        @Test
        void differentTypesAreNeverEqualOrOrdered() {
            assertFalse(test("n = :v", ITEM, ":v", "5"));
            assertFalse(test("n < :v", ITEM, ":v", "6"));
            assertFalse(test("n > :v", ITEM, ":v", "4"));
            assertTrue(test("n <> :v", ITEM, ":v", "5"));
        }

        @Test
        void missingAttributeMakesComparisonsFalseButNotEqualTrue() {
            for (String op : List.of("=", "<", "<=", ">", ">=")) {
                assertFalse(test("absent " + op + " :v", ITEM, ":v", 1), op);
            }
            assertTrue(test("absent <> :v", ITEM, ":v", 1));
            assertFalse(test("absent = oth", ITEM));
            assertTrue(test("NOT absent < :v", ITEM, ":v", 1));
        }

        @Test
        void complexValuesCompareForEquality() {
            assertTrue(test("tags = :v", ITEM, ":v", Set.of("b", "a")));
            assertTrue(test("m.deep = :v", ITEM, ":v", Map.of("y", "z")));
            assertTrue(test("lst[2] = :v", ITEM, ":v", List.of(2, 3)));
            assertTrue(test("nothing = :v", ITEM, ":v", null));
            assertTrue(test("flag = :v", ITEM, ":v", true));
        }

        @Test
        void twoPathsAndValueOnTheLeft() {
            Item i = Item.of("a", 1, "b", 2);
            assertTrue(test("a < b", i));
            assertTrue(test(":v = a", i, ":v", 1));
            assertTrue(test(":v < b", i, ":v", 1));
        }

        @Test
        void orderingUnorderedTypesIsFalseNotAnError() {
            // A path's type is known only at run time: ordering it against a value of another type is false.
            // (Constants of unorderable types are rejected when compiling: see orderingConstantsMustBeOrderable.)
            assertFalse(test("flag < :v", ITEM, ":v", 1));
            assertFalse(test("flag >= :v", ITEM, ":v", "x"));
            assertFalse(test("lst >= :v", ITEM, ":v", 1));
            assertFalse(test("nothing BETWEEN :a AND :b", ITEM, ":a", 1, ":b", 2));
        }

        @Test
        void orderingConstantsMustBeOrderable() {
            // Issue 18: the type of a :value is known when compiling, so DynamoDB rejects the request outright.
            assertInvalid(() -> cond(":a < :b", ":a", 1, ":b", Set.of(1, 2)), "Invalid ConditionExpression: Incorrect operand type for"
                    + " operator or function; operator or function: <, operand type: NS");
            assertInvalid(() -> cond("a < :b", ":b", List.of(1)), "operator or function: <, operand type: L");
            assertInvalid(() -> cond("flag >= :v", ":v", true), "operator or function: >=, operand type: BOOL");
            assertInvalid(() -> cond("a BETWEEN :a AND :b", ":a", null, ":b", null), "operator or function: BETWEEN, operand type: NULL");
            assertTrue(test("lst = :v", ITEM, ":v", List.of(1, "x", List.of(2, 3))), "equality takes any type");
        }

        @Test
        void operandsMayBeParenthesised() {
            assertTrue(test("(n) = :v", ITEM, ":v", 5));
            assertTrue(test("(n) BETWEEN (:a) AND :b", ITEM, ":a", 1, ":b", 9));
            assertTrue(test("(size(s)) IN (:v)", ITEM, ":v", 5));
            assertTrue(test("((n) = :v)", ITEM, ":v", 5));
            assertInvalid(() -> cond("((n)) = :v", ":v", 5), "The expression has redundant parentheses;");
        }

        @Test
        void operandsMustBeDistinct() {
            assertInvalid(() -> cond("n = n"), "Invalid ConditionExpression: The first operand must be distinct from the remaining "
                    + "operands for this operator or function; operator: =, first operand: [n]");
            assertInvalid(() -> cond("contains(m.x, m.x)"), "operator: contains, first operand: [m, x]");
            assertFalse(test("m.x = m.y", ITEM));
        }
    }

    @Nested
    class BetweenAndIn {
        @Test
        void betweenIsInclusive() {
            assertTrue(test("n BETWEEN :a AND :b", ITEM, ":a", 5, ":b", 5));
            assertTrue(test("n BETWEEN :a AND :b", ITEM, ":a", 1, ":b", 9));
            assertFalse(test("n BETWEEN :a AND :b", ITEM, ":a", 6, ":b", 9));
            assertTrue(test("s BETWEEN :a AND :b", ITEM, ":a", "h", ":b", "i"));
            assertFalse(test("absent BETWEEN :a AND :b", ITEM, ":a", 1, ":b", 9));
            assertFalse(test("s BETWEEN :a AND :b", ITEM, ":a", 1, ":b", 9));
        }

        @Test
        void betweenBoundsAreChecked() {
            assertInvalid(() -> cond("n BETWEEN :a AND :b", ":a", 9, ":b", 1),
                    "The BETWEEN operator requires upper bound to be greater than or equal to lower bound",
                    "lower bound operand: AttributeValue: {N:9}, upper bound operand: AttributeValue: {N:1}");
            assertInvalid(() -> cond("n BETWEEN :a AND :b", ":a", 1, ":b", "x"),
                    "The BETWEEN operator requires same data type for lower and upper bounds");
        }

        @Test
        void betweenAndBindsToBetweenNotToConjunction() {
            assertTrue(test("n BETWEEN :a AND :b AND s = :s", ITEM, ":a", 1, ":b", 9, ":s", "hello"));
            assertFalse(test("n BETWEEN :a AND :b AND s = :s", ITEM, ":a", 1, ":b", 9, ":s", "nope"));
        }

        @Test
        void inMatchesAnyOperand() {
            assertTrue(test("n IN (:a, :b)", ITEM, ":a", 1, ":b", 5));
            assertFalse(test("n IN (:a, :b)", ITEM, ":a", 1, ":b", 2));
            assertTrue(test("s in (:a)", ITEM, ":a", "hello"));
            assertFalse(test("absent IN (:a)", ITEM, ":a", 1));
            assertTrue(test("n IN (m.x, s, :a)", Item.of("n", 1, "m", Map.of("x", 1), "s", "q"), ":a", 7));
        }

        @Test
        void inAcceptsAHundredOperandsAndNoMore() {
            StringBuilder text = new StringBuilder("n IN (");
            List<Object> ph = new ArrayList<>();
            for (int i = 0; i < 101; i++) {
                if (i > 0) text.append(", ");
                text.append(":v").append(i);
                ph.add(":v" + i);
                ph.add(i);
            }
            String hundredOne = text + ")";
            assertInvalid(() -> cond(hundredOne, ph.toArray()),
                    "The IN operator is provided with too many operands; number of operands: 101");
            String hundred = text.substring(0, text.lastIndexOf(", ")) + ")";
            List<Object> ph100 = ph.subList(0, 200);
            assertTrue(test(hundred, ITEM, ph100.toArray()));
        }
    }

    @Nested
    class Precedence {
        // a = true, b = false, c = false as conditions
        final Item item = Item.of("t", 1, "f", 0);
        final String a = "t = :one";
        final String f = "f = :one";

        @Test
        void andBindsTighterThanOr() {
            // true OR (false AND false) = true; (true OR false) AND false = false
            assertTrue(test(a + " OR " + f + " AND " + f, item, ":one", 1));
            assertFalse(test("(" + a + " OR " + f + ") AND " + f, item, ":one", 1));
        }

        @Test
        void notBindsTighterThanAnd() {
            // (NOT false) AND true = true;  NOT (false AND true) = true; NOT true AND false = false
            assertTrue(test("NOT " + f + " AND " + a, item, ":one", 1));
            assertFalse(test("NOT " + a + " AND " + f, item, ":one", 1));
            assertTrue(test("NOT (" + a + " AND " + f + ")", item, ":one", 1));
            assertTrue(test("not not " + a, item, ":one", 1));
        }

        @Test
        void notAppliesToWholeComparisonAndFunctions() {
            assertTrue(test("NOT t = :two", item, ":two", 2));
            assertTrue(test("NOT attribute_exists(zz) AND t = :one", item, ":one", 1));
        }

        @Test
        void keywordsAreCaseInsensitive() {
            assertTrue(test(a + " and not " + f + " Or " + f, item, ":one", 1));
        }

        @Test
        void redundantParenthesesAreRejected() {
            assertTrue(test("(" + a + ")", item, ":one", 1));
            assertTrue(test("((" + a + ") AND " + a + ")", item, ":one", 1));
            assertInvalid(() -> cond("((" + a + "))", ":one", 1), "The expression has redundant parentheses;");
        }
    }

    @Nested
    class Functions {
        @Test
        void existence() {
            assertTrue(test("attribute_exists(s)", ITEM));
            assertTrue(test("attribute_exists(nothing)", ITEM));        // NULL exists
            assertFalse(test("attribute_exists(absent)", ITEM));
            assertTrue(test("attribute_not_exists(absent)", ITEM));
            assertTrue(test("attribute_exists(m.deep.y)", ITEM));
            assertFalse(test("attribute_exists(m.deep.q)", ITEM));
            assertTrue(test("attribute_exists(lst[2][1])", ITEM));
            assertFalse(test("attribute_exists(lst[3])", ITEM));
            assertFalse(test("attribute_exists(s.x)", ITEM));
            assertTrue(test("attribute_not_exists(id)", Item.empty()));
        }

        @Test
        void attributeType() {
            String[][] cases = {{"s", "S"}, {"n", "N"}, {"bin", "B"}, {"flag", "BOOL"}, {"nothing", "NULL"},
                {"tags", "SS"}, {"nums", "NS"}, {"lst", "L"}, {"m", "M"}};
            for (String[] c : cases) {
                assertTrue(test("attribute_type(" + c[0] + ", :t)", ITEM, ":t", c[1]), c[0]);
                assertFalse(test("attribute_type(" + c[0] + ", :t)", ITEM, ":t", c[1].equals("S") ? "N" : "S"), c[0]);
            }
            assertFalse(test("attribute_type(absent, :t)", ITEM, ":t", "S"));
            assertInvalid(() -> cond("attribute_type(s, :t)", ":t", "STRING"),
                    "Invalid attribute type name found; type: STRING, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
            assertInvalid(() -> cond("attribute_type(s, t)"), "operator or function: attribute_type, operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
            assertInvalid(() -> cond("attribute_type(s, :t)", ":t", 1), "operator or function: attribute_type, operand type: N");
        }

        @Test
        void beginsWith() {
            assertTrue(test("begins_with(s, :p)", ITEM, ":p", "he"));
            assertTrue(test("begins_with(s, :p)", ITEM, ":p", ""));
            assertFalse(test("begins_with(s, :p)", ITEM, ":p", "lo"));
            assertTrue(test("begins_with(bin, :p)", ITEM, ":p", new byte[] {1, 2}));
            assertFalse(test("begins_with(bin, :p)", ITEM, ":p", new byte[] {2}));
            assertFalse(test("begins_with(bin, :p)", ITEM, ":p", new byte[] {1, 2, (byte) 0xF0, 0}));
            assertFalse(test("begins_with(n, :p)", ITEM, ":p", "5"));
            assertFalse(test("begins_with(absent, :p)", ITEM, ":p", "x"));
            assertInvalid(() -> cond("begins_with(s, :p)", ":p", 5),
                    "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        }

        @Test
        void contains() {
            assertTrue(test("contains(s, :v)", ITEM, ":v", "ell"));
            assertFalse(test("contains(s, :v)", ITEM, ":v", "xyz"));
            assertTrue(test("contains(tags, :v)", ITEM, ":v", "a"));
            assertFalse(test("contains(tags, :v)", ITEM, ":v", "c"));
            assertTrue(test("contains(nums, :v)", ITEM, ":v", AttributeValue.n("2.0")));
            assertFalse(test("contains(nums, :v)", ITEM, ":v", "2"));
            assertTrue(test("contains(lst, :v)", ITEM, ":v", "x"));
            assertTrue(test("contains(lst, :v)", ITEM, ":v", List.of(2, 3)));
            assertFalse(test("contains(lst, :v)", ITEM, ":v", 2));
            assertFalse(test("contains(n, :v)", ITEM, ":v", 5));
            assertFalse(test("contains(absent, :v)", ITEM, ":v", "a"));
            assertTrue(test("contains(s, oth)", Item.of("s", "abc", "oth", "b")));
        }

        @Test
        void size() {
            assertTrue(test("size(s) = :v", ITEM, ":v", 5));
            assertTrue(test("size(utf) = :v", ITEM, ":v", 5));       // é is 2 bytes, € is 3
            assertTrue(test("size(bin) = :v", ITEM, ":v", 3));
            assertTrue(test("size(tags) = :v", ITEM, ":v", 2));
            assertTrue(test("size(lst) = :v", ITEM, ":v", 3));
            assertTrue(test("size(m) = :v", ITEM, ":v", 2));
            assertTrue(test("size(lst[2]) > :v", ITEM, ":v", 1));
            assertFalse(test("size(n) = :v", ITEM, ":v", 1));
            assertFalse(test("size(absent) = :v", ITEM, ":v", 0));
            assertTrue(test("size(s) BETWEEN :a AND :b", ITEM, ":a", 1, ":b", 10));
            assertTrue(test("size(s) IN (:a)", ITEM, ":a", 5));
            assertTrue(test(":v < size(s)", ITEM, ":v", 2));
        }

        @Test
        void functionMisuse() {
            assertInvalid(() -> cond("attribute_exists(:v)", ":v", 1),
                    "Operator or function requires a document path; operator or function: attribute_exists");
            assertInvalid(() -> cond("size(:v) = :w", ":v", 1, ":w", 1),
                    "Incorrect operand type for operator or function; operator or function: size, operand type: N");
            assertTrue(test("size(:v) = :w", ITEM, ":v", "abc", ":w", 3));
            assertInvalid(() -> cond("attribute_exists(a, b)"),
                    "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2");
            assertInvalid(() -> cond("contains(a)"), "operator or function: contains, number of operands: 1");
            assertInvalid(() -> cond("a = attribute_exists(b)"),
                    "The function is not allowed to be used this way in an expression; function: attribute_exists");
            assertInvalid(() -> cond("a = if_not_exists(a, :v)", ":v", 1),
                    "The function is not allowed in a condition expression; function: if_not_exists");
            assertInvalid(() -> cond("foo(a)"), "Invalid function name; function: foo");
            assertInvalid(() -> cond("Attribute_Exists(a)"), "Invalid function name; function: Attribute_Exists");
            assertInvalid(() -> cond("size(a)"), "The function is not allowed to be used this way in an expression; function: size");
            assertInvalid(() -> cond("size(a) AND b = :v", ":v", 1), "function: size");
        }
    }

    @Nested
    class TopLevelAttributes {
        @Test
        void reportsEveryTopLevelNameOnce() {
            CompiledCondition c = cond("a.b = :v AND #x[1] > c OR size(d) > :v AND attribute_exists(a)", ":v", 1, "#x", "e");
            assertEquals(Set.of("a", "e", "c", "d"), c.topLevelAttributes());
        }
    }

    @Nested
    class FilterKind {
        @Test
        void messagesNameTheFilterExpression() {
            assertInvalid(() -> ExpressionCompiler.condition("FilterExpression", "a = = :v", Fixtures.ph(":v", 1)),
                    "Invalid FilterExpression: Syntax error; token: \"=\"");
        }

        @Test
        void compiledConditionIsReusableAcrossItems() {
            CompiledCondition c = cond("n > :v", ":v", 3);
            assertTrue(c.test(ITEM));
            assertFalse(c.test(Item.of("n", 2)));
            assertFalse(c.test(Item.empty()));
        }
    }
}
