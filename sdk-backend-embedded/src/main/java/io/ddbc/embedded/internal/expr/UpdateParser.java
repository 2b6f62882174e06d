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
 * update  := clause+   (each of SET, REMOVE, ADD, DELETE at most once, in any order)
 * SET     := path '=' operand [('+' | '-') operand] (',' ...)*
 * REMOVE  := path (',' path)*
 * ADD     := path :value (',' ...)*
 * DELETE  := path :set (',' ...)*
 * operand := path | :value | if_not_exists(path, operand) | list_append(operand, operand)
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
        super(KIND, text, placeholders, CLAUSES);
    }

    /** The actions in the order they apply: SET, REMOVE (list indexes high to low), ADD, DELETE. */
    List<UpdateAction> parse() {
        Set<String> seen = new LinkedHashSet<>();
        while (peek().type() != Token.Type.EOF) {
            String clause = clauseKeyword();
            if (clause == null) throw syntaxError();
            if (!seen.add(clause)) {
                throw ExprErrors.invalid(kind, "The \"" + clause + "\" section can only be used once in an update expression;");
            }
            next();
            action(clause);
            while (peek().is(",")) {
                next();
                action(clause);
            }
            if (peek().type() != Token.Type.EOF && clauseKeyword() == null) throw syntaxError();
        }
        List<UpdateAction> all = new ArrayList<>(sets);
        // Removing a[2] before a[1] keeps every index pointing at the element the expression named.
        removes.sort(UpdateParser::highIndexFirst);
        all.addAll(removes);
        all.addAll(adds);
        all.addAll(deletes);
        DocumentPath.checkDisjoint(kind, targets);
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
            case "SET": {
                expectSymbol("=");
                sets.add(new UpdateAction.SetAction(target, setValue()));
                break;
            }
            case "REMOVE":
                removes.add(new UpdateAction.RemoveAction(target));
                break;
            case "ADD": {
                AttributeValue v = value();
                if (v.type() != AttributeValue.Type.N && !v.type().isSet()) throw ExprErrors.incorrectOperandType(kind, "ADD", v.type());
                adds.add(new UpdateAction.AddAction(target, v));
                break;
            }
            default: {
                AttributeValue v = value();
                if (!v.type().isSet()) throw ExprErrors.incorrectOperandType(kind, "DELETE", v.type());
                deletes.add(new UpdateAction.DeleteAction(target, v));
            }
        }
    }

    private UpdateOperand setValue() {
        UpdateOperand left = operand();
        if (peek().is("+") || peek().is("-")) {
            boolean subtract = next().is("-");
            return new UpdateOperand.Arithmetic(left, operand(), subtract);
        }
        return left;
    }

    private UpdateOperand operand() {
        if (peek().type() == Token.Type.VALUE_REF) return new UpdateOperand.Constant(value());
        if (atFunctionCall()) return function();
        if (atPath()) return new UpdateOperand.Path(path());
        throw syntaxError();
    }

    private UpdateOperand function() {
        String name = peek().text();
        if (!UPDATE_FUNCTIONS.contains(name)) throw misplacedFunction(name);
        List<UpdateOperand> args = arguments(this::operand);
        if (args.size() != 2) throw ExprErrors.wrongArity(kind, name, args.size());
        if (name.equals("list_append")) return new UpdateOperand.ListAppend(args.get(0), args.get(1));
        if (!(args.get(0) instanceof UpdateOperand.Path p)) throw ExprErrors.requiresPath(kind, name);
        return new UpdateOperand.IfNotExists(p.path(), args.get(1));
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
