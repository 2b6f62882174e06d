package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parser for update expressions:
 *
 * <pre>
 * update   := clause+   (each of SET, REMOVE, ADD, DELETE at most once, in any order)
 * SET      := path '=' value (',' path '=' value)*
 * value    := '(' sum ')' | sum
 * sum      := operand [('+' | '-') operand]
 * operand  := '(' operand ')' | path | :value | if_not_exists(path, operand) | list_append(operand, operand)
 * REMOVE   := path (',' path)*
 * ADD      := path :value (',' ...)*
 * DELETE   := path :set (',' ...)*
 * </pre>
 */
final class UpdateParser extends ExpressionParser {
    static final String KIND = "UpdateExpression";
    private static final Set<String> CLAUSES = Set.of("SET", "REMOVE", "ADD", "DELETE");

    private final List<UpdateAction> sets = new ArrayList<>();
    private final List<UpdateAction> removes = new ArrayList<>();
    private final List<UpdateAction> adds = new ArrayList<>();
    private final List<UpdateAction> deletes = new ArrayList<>();
    /** Every action's target in the order written, for DynamoDB's "path one" / "path two" messages. */
    private final List<DocumentPath> targets = new ArrayList<>();

    UpdateParser(String text, Placeholders placeholders) {
        super(KIND, text, placeholders, CLAUSES, Problem.UPDATE);
    }

    /** The actions in the order they apply: SET, REMOVE (list indexes high to low), ADD, DELETE. */
    List<UpdateAction> parse() {
        Set<String> seen = new LinkedHashSet<>();
        do {
            String clause = clauseKeyword();
            if (clause == null) throw syntaxError();
            if (!seen.add(clause)) {
                defer(Problem.SECTION, "The \"" + clause + "\" section can only be used once in an update expression;");
            }
            next();
            action(clause);
            while (peek().is(",")) {
                next();
                action(clause);
            }
        } while (peek().type() != Token.Type.EOF && clauseKeyword() != null);
        checkDisjoint(targets);
        finish();
        List<UpdateAction> all = new ArrayList<>(sets);
        // Removing a[2] before a[1] keeps every index pointing at the element the expression named.
        removes.sort(UpdateParser::highIndexFirst);
        all.addAll(removes);
        all.addAll(adds);
        all.addAll(deletes);
        return all;
    }

    private String clauseKeyword() {
        Token t = peek();
        if (t.type() != Token.Type.NAME) return null;
        String upper = t.text().toUpperCase(Locale.ROOT);
        return CLAUSES.contains(upper) ? upper : null;
    }

    private void action(String clause) {
        DocumentPath target = path();
        targets.add(target);
        switch (clause) {
            case "SET":
                expectSymbol("=");
                sets.add(new UpdateAction.SetAction(target, setValue()));
                break;
            case "REMOVE":
                removes.add(new UpdateAction.RemoveAction(target));
                break;
            case "ADD": {
                AttributeValue v = value();
                if (v.type() != AttributeValue.Type.N && !v.type().isSet()) deferOperandType("ADD", v);
                adds.add(new UpdateAction.AddAction(target, v));
                break;
            }
            default: {
                AttributeValue v = value();
                if (!v.type().isSet()) deferOperandType("DELETE", v);
                deletes.add(new UpdateAction.DeleteAction(target, v));
            }
        }
    }

    /** ADD and DELETE name the operand type in words, unlike the functions. */
    private void deferOperandType(String operator, AttributeValue v) {
        String type;
        switch (v.type()) {
            case S: type = "STRING"; break;
            case N: type = "NUMBER"; break;
            case B: type = "BINARY"; break;
            case BOOL: type = "BOOLEAN"; break;
            case L: type = "LIST"; break;
            case M: type = "MAP"; break;
            default: type = v.type().name();
        }
        defer(Problem.OPERAND, "Incorrect operand type for operator or function; operator: " + operator + ", operand type: " + type
                + ", typeSet: ALLOWED_FOR_" + operator + "_OPERAND");
    }

    /** {@code '(' sum ')' | sum}. */
    private UpdateOperand setValue() {
        if (peek().is("(") && !continuesArithmetic(afterMatchingParen())) {
            next();
            UpdateOperand sum = sum();
            expectSymbol(")");
            return sum;
        }
        return sum();
    }

    private boolean continuesArithmetic(int index) {
        return index >= 0 && (tokenAt(index).is("+") || tokenAt(index).is("-"));
    }

    private UpdateOperand sum() {
        UpdateOperand left = operand();
        if (!peek().is("+") && !peek().is("-")) return left;
        String operator = next().text();
        UpdateOperand right = operand();
        requireConstantType(operator, left, AttributeValue.Type.N);
        requireConstantType(operator, right, AttributeValue.Type.N);
        return new UpdateOperand.Arithmetic(left, right, operator.equals("-"));
    }

    private UpdateOperand operand() {
        if (peek().is("(")) {
            openParen();
            UpdateOperand inner = operand();
            closeParen();
            return inner;
        }
        if (peek().type() == Token.Type.VALUE_REF) return new UpdateOperand.Constant(value());
        if (atFunctionCall()) return function();
        if (atPath()) return new UpdateOperand.Path(path());
        throw syntaxError();
    }

    private UpdateOperand function() {
        String name = peek().text();
        List<UpdateOperand> args = arguments(this::operand);
        UpdateOperand invalid = new UpdateOperand.Constant(AttributeValue.nul());
        if (!UPDATE_FUNCTIONS.contains(name)) {
            misplacedFunction(name, true);
            return invalid;
        }
        if (!arity(name, args, 2)) return invalid;
        if (name.equals("list_append")) {
            for (UpdateOperand a : args) requireConstantType(name, a, AttributeValue.Type.L);
            return new UpdateOperand.ListAppend(args.get(0), args.get(1));
        }
        if (!(args.get(0) instanceof UpdateOperand.Path p)) {
            defer(Problem.FUNCTION, "Operator or function requires a document path; operator or function: " + name);
            return invalid;
        }
        return new UpdateOperand.IfNotExists(p.path(), args.get(1));
    }

    /** A constant operand of the wrong type is an error when compiling; others are checked when applied. */
    private void requireConstantType(String operator, UpdateOperand o, AttributeValue.Type type) {
        if (o instanceof UpdateOperand.Constant c && c.constant().type() != type) {
            defer(Problem.FUNCTION, ConditionParser.operandTypeError(operator, c.constant().type().name()));
        }
    }

    /**
     * A total order on REMOVE targets in which, under one parent list, higher indexes come first.
     * Removals of non-overlapping paths commute otherwise, so the rest of the order does not matter.
     */
    private static int highIndexFirst(UpdateAction a, UpdateAction b) {
        DocumentPath x = a.target();
        DocumentPath y = b.target();
        int common = Math.min(x.length(), y.length());
        for (int i = 0; i < common; i++) {
            int c;
            if (x.isIndex(i) && y.isIndex(i)) {
                c = Integer.compare(y.index(i), x.index(i));
            } else if (x.isIndex(i) || y.isIndex(i)) {
                c = x.isIndex(i) ? 1 : -1;
            } else {
                c = x.name(i).compareTo(y.name(i));
            }
            if (c != 0) return c;
        }
        return Integer.compare(x.length(), y.length());
    }
}
