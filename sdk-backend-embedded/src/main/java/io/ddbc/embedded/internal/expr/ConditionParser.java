package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

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
 * operand := '(' operand ')' | path | :value | size(operand)
 * </pre>
 */
final class ConditionParser extends ExpressionParser {
    static final int MAX_IN_OPERANDS = 100;
    private static final String VALID_TYPES = "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}";
    /** Stands in for a node whose expression has a deferred error; never evaluated. */
    private static final Cond INVALID = item -> false;

    /** Token positions of the '(' and ')' of the parenthesised group that ended last, to spot "((x))". */
    private int lastGroupOpen = -1;
    private int lastGroupClose = -1;

    ConditionParser(String kind, String text, Placeholders placeholders) {
        super(kind, text, placeholders, CONDITION_KEYWORDS, Problem.CONDITION);
    }

    /** The whole expression. */
    Cond parse() {
        Cond c = or();
        finish();
        return c;
    }

    private Cond or() {
        return chain("OR", this::and, Cond.Or::new);
    }

    private Cond and() {
        return chain("AND", this::not, Cond.And::new);
    }

    /** {@code operand (keyword operand)*}, as one n-ary node when the keyword occurs. */
    private Cond chain(String keyword, Supplier<Cond> operand, Function<Cond[], Cond> combine) {
        Cond first = operand.get();
        if (!peek().isKeyword(keyword)) return first;
        List<Cond> parts = new ArrayList<>();
        parts.add(first);
        while (peek().isKeyword(keyword)) {
            next();
            parts.add(operand.get());
        }
        return combine.apply(parts.toArray(new Cond[0]));
    }

    private Cond not() {
        if (peek().isKeyword("NOT")) {
            next();
            return new Cond.Not(not());
        }
        return primary();
    }

    private Cond primary() {
        if (peek().is("(") && !startsComparison(afterMatchingParen())) return group();
        if (atFunctionCall() && CONDITION_FUNCTIONS.contains(peek().text())) return function();
        String function = atFunctionCall() ? peek().text() : null;
        Operand left = operand();
        Comparator op = Comparator.ofSymbol(peek());
        if (op != null) {
            next();
            Operand right = operand();
            checkDistinct(op.symbol, left, right);
            // Only N, S and B order; a constant of another type is known wrong before any item is seen (a path's
            // type is not, and an unorderable value there just makes the comparison false).
            if (op.isOrdering()) {
                requireType(op.symbol, left, AttributeValue.Type.N, AttributeValue.Type.S, AttributeValue.Type.B);
                requireType(op.symbol, right, AttributeValue.Type.N, AttributeValue.Type.S, AttributeValue.Type.B);
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
        if (function != null) {                 // a function standing alone where a condition belongs
            if (function.equals("size")) misplacedFunction(function, false);
            return INVALID;                     // other names were reported by operand()
        }
        throw syntaxError();
    }

    /** Whether the token at {@code index} continues a comparison, so a '(' before it opened an operand. */
    private boolean startsComparison(int index) {
        if (index < 0) return false;
        Token t = tokenAt(index);
        return Comparator.ofSymbol(t) != null || t.isKeyword("BETWEEN") || t.isKeyword("IN");
    }

    private Cond group() {
        int open = position();
        openParen();
        Cond inner = or();
        if (lastGroupOpen == open + 1 && lastGroupClose == position() - 1 && peek().is(")")) {
            defer(Problem.PARENS, "The expression has redundant parentheses;");
        }
        closeParen();
        lastGroupOpen = open;
        lastGroupClose = position() - 1;
        return inner;
    }

    private Cond between(Operand value, Operand lower, Operand upper) {
        checkDistinct("BETWEEN", value, lower);
        checkDistinct("BETWEEN", value, upper);
        for (Operand o : new Operand[] {value, lower, upper}) {
            requireType("BETWEEN", o, AttributeValue.Type.N, AttributeValue.Type.S, AttributeValue.Type.B);
        }
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
            defer(Problem.FUNCTION, "The BETWEEN operator requires same data type for lower and upper bounds; " + operands);
        } else if (Values.orderable(lo, hi) && Values.compare(lo, hi) > 0) {
            defer(Problem.FUNCTION, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; " + operands);
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
            defer(Problem.FUNCTION, "The IN operator is provided with too many operands; number of operands: " + candidates.size());
        }
        return new Cond.In(value, candidates.toArray(new Operand[0]));
    }

    /** One of the boolean functions; the cursor is on its name. */
    private Cond function() {
        String name = peek().text();
        List<Operand> args = arguments(this::operand);
        switch (name) {
            case "attribute_exists":
            case "attribute_not_exists": {
                if (!arity(name, args, 1)) return INVALID;
                DocumentPath p = pathArgument(name, args.get(0));
                if (p == null) return INVALID;
                return name.equals("attribute_exists") ? new Cond.Exists(p) : new Cond.NotExists(p);
            }
            case "attribute_type": {
                if (!arity(name, args, 2)) return INVALID;
                checkDistinct(name, args.get(0), args.get(1));
                DocumentPath p = pathArgument(name, args.get(0));
                AttributeValue.Type type = typeArgument(name, args.get(1));
                return p == null || type == null ? INVALID : new Cond.TypeIs(p, type);
            }
            case "begins_with": {
                if (!arity(name, args, 2)) return INVALID;
                checkDistinct(name, args.get(0), args.get(1));
                for (Operand o : args) requireType(name, o, AttributeValue.Type.S, AttributeValue.Type.B);
                return new Cond.BeginsWith(args.get(0), args.get(1));
            }
            default: {
                if (!arity(name, args, 2)) return INVALID;
                checkDistinct(name, args.get(0), args.get(1));
                return new Cond.Contains(args.get(0), args.get(1));
            }
        }
    }

    /** A path, a {@code :value}, {@code size(operand)}, or one of those in parentheses. */
    Operand operand() {
        if (peek().is("(")) {
            openParen();
            boolean nested = peek().is("(");
            Operand inner = operand();
            if (nested && peek().is(")")) defer(Problem.PARENS, "The expression has redundant parentheses;");
            closeParen();
            return inner;
        }
        if (peek().type() == Token.Type.VALUE_REF) return new Operand.Constant(value());
        if (atFunctionCall()) return functionOperand();
        if (atPath()) return new Operand.Path(path());
        throw syntaxError();
    }

    private Operand functionOperand() {
        String name = peek().text();
        List<Operand> args = arguments(this::operand);
        if (!name.equals("size")) {
            misplacedFunction(name, false);
            return new Operand.Constant(AttributeValue.nul());
        }
        if (!arity(name, args, 1)) return new Operand.Constant(AttributeValue.nul());
        if (args.get(0) instanceof Operand.Constant c && Values.size(c.value()) < 0) {
            defer(Problem.FUNCTION, operandTypeError(name, c.value().type().name()));
        }
        return new Operand.Size(args.get(0));
    }

    /** {@code a = a} and the like: DynamoDB wants the two operands to differ. */
    private void checkDistinct(String operator, Operand a, Operand b) {
        if (a instanceof Operand.Path x && b instanceof Operand.Path y && x.path().relationTo(y.path()) == DocumentPath.Relation.OVERLAP
                && x.path().length() == y.path().length()) {
            defer(Problem.DISTINCT, "The first operand must be distinct from the remaining operands for this operator or function; "
                    + "operator: " + operator + ", first operand: " + x.path());
        }
    }

    private DocumentPath pathArgument(String function, Operand o) {
        if (o instanceof Operand.Path p) return p.path();
        defer(Problem.FUNCTION, "Operator or function requires a document path; operator or function: " + function);
        return null;
    }

    private AttributeValue.Type typeArgument(String function, Operand o) {
        if (!(o instanceof Operand.Constant c) || c.value().type() != AttributeValue.Type.S) {
            String type = o instanceof Operand.Constant c2 ? c2.value().type().name() : "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}";
            defer(Problem.FUNCTION, operandTypeError(function, type));
            return null;
        }
        for (AttributeValue.Type t : AttributeValue.Type.values()) {
            if (t.name().equals(c.value().s())) return t;
        }
        defer(Problem.FUNCTION, "Invalid attribute type name found; type: " + c.value().s() + ", valid types: " + VALID_TYPES);
        return null;
    }

    /** Constants are checked when compiling; paths can only be checked against an item. */
    private void requireType(String operator, Operand o, AttributeValue.Type... allowed) {
        if (!(o instanceof Operand.Constant c)) return;
        for (AttributeValue.Type t : allowed) {
            if (c.value().type() == t) return;
        }
        defer(Problem.FUNCTION, operandTypeError(operator, c.value().type().name()));
    }

    static String operandTypeError(String operator, String type) {
        return "Incorrect operand type for operator or function; operator or function: " + operator + ", operand type: " + type;
    }
}
