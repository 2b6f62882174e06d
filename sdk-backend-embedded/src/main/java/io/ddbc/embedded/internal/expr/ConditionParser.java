package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for condition, filter and key condition expressions. Precedence, loosest
 * first: OR, AND, NOT, then comparisons, BETWEEN, IN and functions; parentheses group.
 *
 * <pre>
 * or      := and (OR and)*
 * and     := not (AND not)*
 * not     := NOT not | primary
 * primary := '(' or ')' | function | operand (comparator operand | BETWEEN operand AND operand
 *            | IN '(' operand (',' operand)* ')')
 * operand := path | :value | size(path)
 * </pre>
 */
final class ConditionParser extends ExpressionParser {
    static final int MAX_IN_OPERANDS = 100;
    private static final String VALID_TYPES = "{ B,NULL,SS,BOOL,L,BS,N,NS,S,M }";

    /** Token positions of the '(' and ')' of the parenthesised group that ended last, to spot "((x))". */
    private int lastGroupOpen = -1;
    private int lastGroupClose = -1;

    ConditionParser(String kind, String text, Placeholders placeholders) {
        super(kind, text, placeholders, CONDITION_KEYWORDS);
    }

    /** The whole expression. */
    Cond parse() {
        Cond c = or();
        expectEnd();
        return c;
    }

    private Cond or() {
        Cond first = and();
        if (!peek().isKeyword("OR")) return first;
        List<Cond> parts = new ArrayList<>();
        parts.add(first);
        while (peek().isKeyword("OR")) {
            next();
            parts.add(and());
        }
        return new Cond.Or(parts.toArray(new Cond[0]));
    }

    private Cond and() {
        Cond first = not();
        if (!peek().isKeyword("AND")) return first;
        List<Cond> parts = new ArrayList<>();
        parts.add(first);
        while (peek().isKeyword("AND")) {
            next();
            parts.add(not());
        }
        return new Cond.And(parts.toArray(new Cond[0]));
    }

    private Cond not() {
        if (peek().isKeyword("NOT")) {
            next();
            return new Cond.Not(not());
        }
        return primary();
    }

    private Cond primary() {
        if (peek().is("(")) return group();
        if (atFunctionCall() && CONDITION_FUNCTIONS.contains(peek().text())) return function();
        Operand left = operand();
        Comparator op = Comparator.ofSymbol(peek());
        if (op != null) {
            next();
            Operand right = operand();
            if (op.isOrdering()) {
                requireOrderable(op.symbol, left);
                requireOrderable(op.symbol, right);
            }
            return new Cond.Compare(op, left, right);
        }
        if (peek().isKeyword("BETWEEN")) {
            next();
            Operand lower = operand();
            expectKeyword("AND");
            Operand upper = operand();
            return between(left, lower, upper);
        }
        if (peek().isKeyword("IN")) {
            next();
            return in(left);
        }
        throw syntaxError();
    }

    private Cond group() {
        int open = position();
        next();
        Cond inner = or();
        if (lastGroupOpen == open + 1 && lastGroupClose == position() - 1 && peek().is(")")) {
            throw ExprErrors.invalid(kind, "The expression has redundant parentheses;");
        }
        expectSymbol(")");
        lastGroupOpen = open;
        lastGroupClose = position() - 1;
        return inner;
    }

    private Cond between(Operand value, Operand lower, Operand upper) {
        requireOrderable("BETWEEN", value);
        requireOrderable("BETWEEN", lower);
        requireOrderable("BETWEEN", upper);
        if (lower instanceof Operand.Constant lo && upper instanceof Operand.Constant hi) {
            checkBounds(lo.value(), hi.value());
        }
        return new Cond.Between(value, lower, upper);
    }

    /** DynamoDB rejects constant BETWEEN bounds of different types or in the wrong order. */
    private void checkBounds(AttributeValue lo, AttributeValue hi) {
        String operands = "lower bound operand: AttributeValue: " + ExprErrors.render(lo)
                + ", upper bound operand: AttributeValue: " + ExprErrors.render(hi);
        if (lo.type() != hi.type()) {
            throw ExprErrors.invalid(kind, "The BETWEEN operator requires same data type for lower and upper bounds; " + operands);
        }
        if (Values.compare(lo, hi) > 0) {
            throw ExprErrors.invalid(kind,
                    "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + operands);
        }
    }

    private Cond in(Operand value) {
        expectSymbol("(");
        List<Operand> candidates = new ArrayList<>();
        candidates.add(operand());
        while (peek().is(",")) {
            next();
            candidates.add(operand());
        }
        expectSymbol(")");
        if (candidates.size() > MAX_IN_OPERANDS) {
            throw ExprErrors.invalid(kind, "The IN operator is provided with too many operands; number of operands: "
                    + candidates.size());
        }
        return new Cond.In(value, candidates.toArray(new Operand[0]));
    }

    /** One of the boolean functions; the cursor is on its name. */
    private Cond function() {
        String name = peek().text();
        List<Operand> args = arguments(this::operand);
        switch (name) {
            case "attribute_exists":
                arity(name, args, 1);
                return new Cond.Exists(pathArgument(name, args.get(0)));
            case "attribute_not_exists":
                arity(name, args, 1);
                return new Cond.NotExists(pathArgument(name, args.get(0)));
            case "attribute_type":
                arity(name, args, 2);
                return new Cond.TypeIs(pathArgument(name, args.get(0)), typeArgument(name, args.get(1)));
            case "begins_with":
                arity(name, args, 2);
                for (Operand o : args) requireType(name, o, AttributeValue.Type.S, AttributeValue.Type.B);
                return new Cond.BeginsWith(args.get(0), args.get(1));
            default:
                arity(name, args, 2);
                return new Cond.Contains(args.get(0), args.get(1));
        }
    }

    /** A path, a {@code :value} or {@code size(path)}. */
    Operand operand() {
        if (peek().type() == Token.Type.VALUE_REF) return new Operand.Constant(value());
        if (atFunctionCall()) {
            String name = peek().text();
            if (name.equals("size")) {
                List<Operand> args = arguments(this::operand);
                arity(name, args, 1);
                return new Operand.Size(pathArgument(name, args.get(0)));
            }
            throw misplacedFunction(name);
        }
        if (atPath()) return new Operand.Path(path());
        throw syntaxError();
    }

    private void arity(String function, List<?> args, int expected) {
        if (args.size() != expected) throw ExprErrors.wrongArity(kind, function, args.size());
    }

    private DocumentPath pathArgument(String function, Operand o) {
        if (!(o instanceof Operand.Path p)) throw ExprErrors.requiresPath(kind, function);
        return p.path();
    }

    private AttributeValue.Type typeArgument(String function, Operand o) {
        if (!(o instanceof Operand.Constant c)) throw ExprErrors.invalid(kind,
                "Incorrect operand type for operator or function; operator or function: " + function + ", operand type: PATH");
        requireType(function, o, AttributeValue.Type.S);
        try {
            return AttributeValue.Type.valueOf(c.value().s());
        } catch (IllegalArgumentException e) {
            throw ExprErrors.invalid(kind, "Invalid attribute type name found; type: " + c.value().s() + ", valid types: " + VALID_TYPES);
        }
    }

    private void requireOrderable(String operator, Operand o) {
        requireType(operator, o, AttributeValue.Type.N, AttributeValue.Type.S, AttributeValue.Type.B);
    }

    /** Constants are checked when compiling; paths can only be checked against an item. */
    private void requireType(String operator, Operand o, AttributeValue.Type... allowed) {
        if (!(o instanceof Operand.Constant c)) return;
        for (AttributeValue.Type t : allowed) {
            if (c.value().type() == t) return;
        }
        throw ExprErrors.incorrectOperandType(kind, operator, c.value().type());
    }
}
