package io.ddbc.embedded.internal.expr;

import static io.ddbc.embedded.internal.expr.Fixtures.assertInvalid;
import static io.ddbc.embedded.internal.expr.Fixtures.cond;
import static io.ddbc.embedded.internal.expr.Fixtures.ph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Errors every expression kind shares: syntax, emptiness, size, path depth, reserved words. */
class SyntaxAndLimitsTest {

    @Test
    void syntaxErrorsNameTheTokenAndItsNeighbours() {
        assertInvalid(() -> cond("a AND AND b"), "Invalid ConditionExpression: Syntax error; token: \"AND\", near: \"a AND AND\"");
        assertInvalid(() -> cond("a = = :v", ":v", 1), "Syntax error; token: \"=\", near: \"= = :v\"");
        assertInvalid(() -> cond("a = :v AND", ":v", 1), "Syntax error; token: \"<EOF>\", near: \"AND\"");
        assertInvalid(() -> cond("(a = :v", ":v", 1), "Syntax error; token: \"<EOF>\"");
        assertInvalid(() -> cond("a = :v)", ":v", 1), "Syntax error; token: \")\", near: \":v)\"");
        assertInvalid(() -> cond("a $ b"), "Syntax error; token: \"$\", near: \"a $ b\"");
        assertInvalid(() -> cond("a BETWEEN :v OR :v", ":v", 1), "Syntax error; token: \"OR\"");
        assertInvalid(() -> cond("a IN :v", ":v", 1), "Syntax error; token: \":v\"");
        assertInvalid(() -> cond("a IN ()"), "Syntax error; token: \")\"");
        assertInvalid(() -> cond("a[x] = :v", ":v", 1), "Syntax error; token: \"x\"");
        assertInvalid(() -> cond("a[-1] = :v", ":v", 1), "Syntax error; token: \"-\"");
        assertInvalid(() -> cond("a. = :v", ":v", 1), "Syntax error; token: \"=\"");
        assertInvalid(() -> cond("1a = :v", ":v", 1), "Syntax error; token: \"1\"");
        assertInvalid(() -> cond("# = :v", ":v", 1), "Syntax error; token: \"#\"");
        assertInvalid(() -> cond("a = AND", ":v", 1), "Syntax error; token: \"AND\"");
        assertInvalid(() -> cond("a = :v :v", ":v", 1), "Syntax error; token: \":v\"");
        assertInvalid(() -> cond("a"), "Syntax error; token: \"<EOF>\", near: \"a\"");
    }

    @Test
    void syntaxErrorsReportedByDynamoDbInPublicBugReports() {
        // messages real DynamoDB returned, as quoted in public issue threads
        assertInvalid(() -> ExpressionCompiler.update("INVALID SYNTAX HERE", ph(":v", "v")),
                "Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
        assertInvalid(() -> ExpressionCompiler.update("ADD hits : incr", ph(":incr", 1)),
                "Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"");
        assertInvalid(() -> ExpressionCompiler.update("SET a = :v, #, b = :v", ph(":v", 1)),
                "Invalid UpdateExpression: Syntax error; token: \"#\", near: \", #,\"");
    }

    @Test
    void errorsAreReportedInDynamoDbsOrderOfPrecedence() {
        // a syntax error beats every other error
        assertInvalid(() -> cond("status = = :nope"), "Syntax error; token: \"=\"");
        // conditions: redundant parentheses, unknown function, misused function, reserved word, placeholders, operand checks
        assertInvalid(() -> cond("((status = :nope)) AND foo(a)"), "The expression has redundant parentheses;");
        assertInvalid(() -> cond("status = :nope AND foo(a)"), "Invalid function name; function: foo");
        assertInvalid(() -> cond("#nope = :v AND a = attribute_exists(b)", ":v", 1), "The function is not allowed to be used this way");
        assertInvalid(() -> cond("#nope = :v AND status = :v", ":v", 1), "reserved keyword: status");
        // ... undefined names and values rank alike in conditions: the first one written is reported
        assertInvalid(() -> cond("a = :v AND #nope = :w AND :x = b", ":v", 1), "attribute name: #nope");
        assertInvalid(() -> cond(":w = a AND #nope = :v", ":v", 1), "attribute value: :w");
        assertInvalid(() -> cond("a BETWEEN :hi AND :lo AND b = b AND contains(c)", ":hi", 9, ":lo", 1), "number of operands: 1");
        assertInvalid(() -> cond("a BETWEEN :hi AND :lo AND b = b", ":hi", 9, ":lo", 1), "The first operand must be distinct");
        // updates: reserved word, unknown function, repeated section, names, values, overlaps, operand types
        assertInvalid(() -> ExpressionCompiler.update("SET a = :nope REMOVE status", ph()), "reserved keyword: status");
        assertInvalid(() -> ExpressionCompiler.update("SET a = foo(b) SET c = :nope", ph()), "Invalid function name; function: foo");
        assertInvalid(() -> ExpressionCompiler.update("SET #nope = :v SET c = :v", ph(":v", 1)), "The \"SET\" section can only be used once");
        assertInvalid(() -> ExpressionCompiler.update("SET a = :nope, #nope = :v", ph(":v", 1)), "attribute name: #nope");
        assertInvalid(() -> ExpressionCompiler.update("SET a = :nope, a = :v", ph(":v", 1)), "attribute value: :nope");
        assertInvalid(() -> ExpressionCompiler.update("ADD a :s SET a = :v", ph(":v", 1, ":s", "x")), "Two document paths overlap");
    }

    @Test
    void emptyExpressions() {
        assertInvalid(() -> cond(""), "Invalid ConditionExpression: The expression can not be empty;");
        assertInvalid(() -> cond("   \n"), "The expression can not be empty;");
        assertInvalid(() -> ExpressionCompiler.update(null, ph()), "Invalid UpdateExpression: The expression can not be empty;");
        assertInvalid(() -> ExpressionCompiler.keyCondition(" ", ph()), "Invalid KeyConditionExpression: The expression can not be empty;");
    }

    @Test
    void expressionSizeLimitIs4096Bytes() {
        String ok = "a = :v" + " ".repeat(4096 - 6);
        assertTrue(cond(ok, ":v", 1).test(Item.of("a", 1)));
        assertInvalid(() -> cond(ok + " ", ":v", 1), "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size");
        // bytes, not characters: 2,000 two-byte characters in a name placeholder's value do not count, but in the text they do
        String wide = "a = :v AND b <> :v" + " ".repeat(2100).replace(" ", "\u00e9").replace("\u00e9", " ");
        assertTrue(cond(wide, ":v", 1).test(Item.of("a", 1)));
        assertInvalid(() -> ExpressionCompiler.update("SET a = :v" + "\u00e9".repeat(2044), ph(":v", 1)),
                "Invalid UpdateExpression: Expression size has exceeded the maximum allowed size");
    }

    @Test
    void deepNestingIsRejectedWithoutExhaustingTheStack() {
        assertInvalid(() -> cond("(".repeat(2040) + "a = :v" + ")".repeat(2040), ":v", 1), "The expression has redundant parentheses;");
        assertInvalid(() -> cond("(".repeat(2040) + "a" + ")".repeat(2040) + " = :v", ":v", 1), "redundant parentheses");
        assertInvalid(() -> ExpressionCompiler.update("SET a = " + "(".repeat(2040) + "b" + ")".repeat(2040), ph()), "redundant parentheses");
        assertTrue(cond("NOT ".repeat(1000) + "a = :v", ":v", 1).test(Item.of("a", 1)));          // an even number of NOTs
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 300; i++) deep.append("(a = :v OR ");
        String legit = deep + "a = :v" + ")".repeat(300);
        assertTrue(cond(legit, ":v", 1).test(Item.of("a", 1)));
    }

    @Test
    void pathDepthLimit() {
        String ok = "a" + ".b".repeat(31);
        assertFalse(cond("attribute_exists(" + ok + ")").test(Item.empty()));
        assertInvalid(() -> cond("attribute_exists(" + ok + ".b)"), "The document path has too many nesting levels; nesting levels: 33");
        assertInvalid(() -> cond("attribute_exists(a" + "[0]".repeat(32) + ")"), "nesting levels: 33");
    }

    @Test
    void deepPathsResolve() {
        AttributeValue v = AttributeValue.s("leaf");
        for (int i = 0; i < 10; i++) v = i % 2 == 0 ? AttributeValue.m(Map.of("k", v)) : AttributeValue.l(List.of(v));
        Item item = Item.builder().put("top", v).build();
        assertTrue(cond("top[0].k[0].k[0].k[0].k[0].k = :v", ":v", "leaf").test(item));
        assertFalse(cond("top[0].k[1].k[0].k[0].k[0].k = :v", ":v", "leaf").test(item));
    }

    @Test
    void reservedWordsUsedBareAreRejected() {
        assertEquals(573, ReservedWords.count());
        assertInvalid(() -> ExpressionCompiler.update("SET status = :v", ph(":v", 1)),
                "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status");
        assertInvalid(() -> cond("Name = :v", ":v", 1), "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name");
        assertInvalid(() -> ExpressionCompiler.condition("FilterExpression", "a.size > :v", ph(":v", 1)),
                "Invalid FilterExpression: Attribute name is a reserved keyword; reserved keyword: size");
        assertInvalid(() -> ExpressionCompiler.keyCondition("pk = :v AND #a.timestamp > :v", ph(":v", 1, "#a", "x")),
                "Invalid KeyConditionExpression: Attribute name is a reserved keyword; reserved keyword: timestamp");
        for (String w : List.of("abort", "ZONE", "flattern", "innter", "loged", "ttl", "data", "comment", "user", "year")) {
            assertInvalid(() -> cond(w + " = :v", ":v", 1), "reserved keyword: " + w);
        }
        for (String w : List.of("status2", "names_", "abc", "pk", "sk", "id", "remove")) {
            assertFalse(cond(w + " = :v", ":v", 1).test(Item.empty()), w);
        }
        // clause keywords are grammar in update expressions, so there they are syntax errors
        assertInvalid(() -> ExpressionCompiler.update("SET remove = :v", ph(":v", 1)), "Syntax error; token: \"remove\"");
    }
}
