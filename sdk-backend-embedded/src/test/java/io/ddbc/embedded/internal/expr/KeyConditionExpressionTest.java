package io.ddbc.embedded.internal.expr;

import static io.ddbc.embedded.internal.expr.Fixtures.assertInvalid;
import static io.ddbc.embedded.internal.expr.Fixtures.ph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.embedded.internal.expr.SortKeyCondition.Op;
import org.junit.jupiter.api.Test;

/** Key condition expressions and {@link SortKeyCondition#matches}. */
class KeyConditionExpressionTest {

    static CompiledKeyCondition key(String text, Object... placeholders) {
        return ExpressionCompiler.keyCondition(text, ph(placeholders));
    }

    @Test
    void partitionKeyOnly() {
        CompiledKeyCondition k = key("pk = :v", ":v", "a");
        assertEquals("pk", k.partitionKeyName());
        assertEquals(AttributeValue.s("a"), k.partitionValue());
        assertTrue(k.sortCondition().isEmpty());
        assertTrue(k.swapped().isEmpty());
    }

    @Test
    void sortKeyConditionInEitherOrder() {
        for (String text : new String[] {"pk = :p AND sk > :s", "sk > :s AND pk = :p", "(pk = :p) AND (sk > :s)"}) {
            CompiledKeyCondition k = key(text, ":p", "a", ":s", 5);
            assertEquals("pk", k.partitionKeyName(), text);
            SortKeyCondition sc = k.sortCondition().orElseThrow();
            assertEquals(new SortKeyCondition("sk", Op.GT, AttributeValue.n(5), null), sc, text);
        }
    }

    @Test
    void everySortKeyOperator() {
        String[][] cases = {{"=", "EQ"}, {"<", "LT"}, {"<=", "LE"}, {">", "GT"}, {">=", "GE"}};
        for (String[] c : cases) {
            SortKeyCondition sc = key("#p = :p and #s " + c[0] + " :s", "#p", "pk", "#s", "sk", ":p", 1, ":s", 2)
                    .sortCondition().orElseThrow();
            assertEquals(Op.valueOf(c[1]), sc.op());
            assertEquals("sk", sc.attribute());
        }
        SortKeyCondition between = key("pk = :p AND sk BETWEEN :a AND :b", ":p", 1, ":a", "a", ":b", "c").sortCondition().orElseThrow();
        assertEquals(new SortKeyCondition("sk", Op.BETWEEN, AttributeValue.s("a"), AttributeValue.s("c")), between);
        SortKeyCondition prefix = key("begins_with(sk, :x) AND pk = :p", ":p", 1, ":x", "ab").sortCondition().orElseThrow();
        assertEquals(new SortKeyCondition("sk", Op.BEGINS_WITH, AttributeValue.s("ab"), null), prefix);
    }

    @Test
    void valueOnTheLeftIsMirrored() {
        CompiledKeyCondition k = key(":p = pk AND :s < sk", ":p", "a", ":s", 5);
        assertEquals("pk", k.partitionKeyName());
        assertEquals(new SortKeyCondition("sk", Op.GT, AttributeValue.n(5), null), k.sortCondition().orElseThrow());
        assertEquals(Op.LE, key("pk = :p AND :s >= sk", ":p", "a", ":s", 5).sortCondition().orElseThrow().op());
    }

    @Test
    void twoEqualitiesCanBeReadEitherWay() {
        CompiledKeyCondition k = key("a = :x AND b = :y", ":x", 1, ":y", 2);
        assertEquals("a", k.partitionKeyName());
        CompiledKeyCondition other = k.swapped().orElseThrow();
        assertEquals("b", other.partitionKeyName());
        assertEquals(AttributeValue.n(2), other.partitionValue());
        assertEquals(new SortKeyCondition("a", Op.EQ, AttributeValue.n(1), null), other.sortCondition().orElseThrow());
    }

    @Test
    void unsupportedShapes() {
        assertInvalid(() -> key("pk = :p OR sk = :s", ":p", 1, ":s", 1), "Invalid operator used in KeyConditionExpression: OR");
        assertInvalid(() -> key("NOT pk = :p", ":p", 1), "Invalid operator used in KeyConditionExpression: NOT");
        assertInvalid(() -> key("pk IN (:p)", ":p", 1), "Invalid operator used in KeyConditionExpression: IN");
        assertInvalid(() -> key("pk = :p AND attribute_exists(sk)", ":p", 1), "Invalid operator used in KeyConditionExpression: attribute_exists");
        assertInvalid(() -> key("pk = :p AND contains(sk, :p)", ":p", 1), "Invalid operator used in KeyConditionExpression: contains");
        assertInvalid(() -> key("pk <> :p", ":p", 1), "Invalid operator used in KeyConditionExpression: <>");
        assertInvalid(() -> key("pk = :p AND sk = :p AND x = :p", ":p", 1), "Conditions can be of length 1 or 2 only");
        assertInvalid(() -> key("pk = :p AND pk > :p", ":p", 1),
                "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
        assertInvalid(() -> key("pk = :p AND sk > :p AND pk < :p", ":p", 1), "must only contain one condition per key");
        assertInvalid(() -> key("pk > :p", ":p", 1), "Query key condition not supported");
        assertInvalid(() -> key("pk > :p AND sk < :p", ":p", 1), "Query key condition not supported");
        assertInvalid(() -> key("pk = sk"), "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        assertInvalid(() -> key(":p = :q", ":p", 1, ":q", 2), "Invalid condition in KeyConditionExpression: No key attribute specified");
        assertInvalid(() -> key("size(pk) = :p", ":p", 1), "KeyConditionExpressions cannot contain nested operations");
        assertInvalid(() -> key("pk = :p AND :a BETWEEN sk AND :b", ":p", 1, ":a", 1, ":b", 2),
                "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
        assertInvalid(() -> key("pk = :p AND begins_with(:a, sk)", ":p", 1, ":a", "x"),
                "Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as its first operand");
        assertInvalid(() -> key("pk = :p AND sk BETWEEN :a AND x", ":p", 1, ":a", 1), "Multiple attribute names used in one condition");
        assertInvalid(() -> key("pk.x = :p", ":p", 1), "KeyConditionExpressions cannot have conditions on nested attributes");
    }

    @Test
    void operandErrorsNameTheKeyConditionExpression() {
        assertInvalid(() -> key("pk = :p AND begins_with(sk, :n)", ":p", 1, ":n", 5),
                "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
        assertInvalid(() -> key("pk = :p AND sk BETWEEN :a AND :b", ":p", 1, ":a", 5, ":b", 1),
                "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound",
                "lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}");
        assertInvalid(() -> key("pk = :p AND", ":p", 1), "Invalid KeyConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"");
        assertInvalid(() -> key("pk = :q", ":p", 1),
                "Invalid KeyConditionExpression: An expression attribute value used in expression is not defined; attribute value: :q");
    }

    @Test
    void sortKeyMatching() {
        AttributeValue five = AttributeValue.n(5);
        assertTrue(new SortKeyCondition("sk", Op.EQ, five, null).matches(AttributeValue.n("5.0")));
        assertFalse(new SortKeyCondition("sk", Op.EQ, five, null).matches(AttributeValue.s("5")));
        assertTrue(new SortKeyCondition("sk", Op.LT, five, null).matches(AttributeValue.n(4)));
        assertFalse(new SortKeyCondition("sk", Op.LT, five, null).matches(five));
        assertTrue(new SortKeyCondition("sk", Op.LE, five, null).matches(five));
        assertTrue(new SortKeyCondition("sk", Op.GT, five, null).matches(AttributeValue.n(10)));
        assertFalse(new SortKeyCondition("sk", Op.GT, five, null).matches(AttributeValue.s("9")));
        assertTrue(new SortKeyCondition("sk", Op.GE, five, null).matches(five));
        SortKeyCondition between = new SortKeyCondition("sk", Op.BETWEEN, AttributeValue.s("b"), AttributeValue.s("d"));
        assertTrue(between.matches(AttributeValue.s("b")));
        assertTrue(between.matches(AttributeValue.s("czz")));
        assertTrue(between.matches(AttributeValue.s("d")));
        assertFalse(between.matches(AttributeValue.s("d0")));
        assertFalse(between.matches(AttributeValue.s("a")));
        SortKeyCondition prefix = new SortKeyCondition("sk", Op.BEGINS_WITH, AttributeValue.s("2024-"), null);
        assertTrue(prefix.matches(AttributeValue.s("2024-05")));
        assertFalse(prefix.matches(AttributeValue.s("2023-05")));
        SortKeyCondition bytes = new SortKeyCondition("sk", Op.BEGINS_WITH, AttributeValue.b(new byte[] {(byte) 0xFF}), null);
        assertTrue(bytes.matches(AttributeValue.b(new byte[] {(byte) 0xFF, 0})));
        assertFalse(bytes.matches(AttributeValue.b(new byte[] {0x7F})));
        // unsigned byte order: 0xFF sorts after 0x7F
        assertTrue(new SortKeyCondition("sk", Op.GT, AttributeValue.b(new byte[] {0x7F}), null).matches(AttributeValue.b(new byte[] {(byte) 0xFF})));
        assertFalse(new SortKeyCondition("sk", Op.EQ, five, null).matches(null));
        assertNull(new SortKeyCondition("sk", Op.EQ, five, null).upper());
    }
}
