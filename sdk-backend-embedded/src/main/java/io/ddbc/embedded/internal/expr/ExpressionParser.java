package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The part every expression grammar shares: the token cursor, syntax errors worded like DynamoDB's,
 * document paths, placeholders and the precedence of semantic errors. One parser per expression; not
 * thread-safe.
 *
 * <p>Syntax errors are thrown at once. Semantic errors (a reserved word, an undefined placeholder, a
 * wrong operand type...) are {@linkplain #defer deferred}: parsing goes on, and {@link #finish} throws
 * the one DynamoDB would report, by the grammar's {@link Problem.Precedence}.
 */
abstract class ExpressionParser {
    /** Longest expression DynamoDB accepts, in UTF-8 bytes. */
    static final int MAX_EXPRESSION_BYTES = 4096;
    /** Most elements a document path may have. */
    static final int MAX_PATH_DEPTH = 32;
    /**
     * Deepest parenthesis nesting parsed. Within 4,096 bytes deeper nesting must contain redundant
     * parentheses, which DynamoDB rejects anyway; the bound keeps the recursion off the stack's limit.
     */
    static final int MAX_PAREN_NESTING = 400;

    /** Words that are grammar in conditions; bare where a path is expected they are syntax errors. */
    static final Set<String> CONDITION_KEYWORDS = Set.of("AND", "OR", "NOT", "BETWEEN", "IN");

    /** Functions that are conditions by themselves. */
    static final Set<String> CONDITION_FUNCTIONS =
            Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
    /** Functions only update expressions may use. */
    static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");

    final String kind;
    final String text;
    final Placeholders placeholders;
    /** This grammar's keywords (upper case). */
    private final Set<String> keywords;
    private final Problem.Precedence precedence;
    private final List<Token> tokens;
    private int pos;
    private int parenNesting;
    private ValidationException deferred;
    private int deferredRank = Integer.MAX_VALUE;
    /** Top-level attribute names of every path parsed, in order of appearance. */
    final Set<String> topLevel = new LinkedHashSet<>();

    ExpressionParser(String kind, String text, Placeholders placeholders, Set<String> keywords, Problem.Precedence precedence) {
        this.kind = kind;
        this.keywords = keywords;
        this.precedence = precedence;
        this.placeholders = placeholders;
        if (text == null || text.isBlank()) {
            throw ExprErrors.invalid(kind, "The expression can not be empty;");
        }
        if (AttributeValue.utf8Length(text) > MAX_EXPRESSION_BYTES) {
            throw ExprErrors.invalid(kind, "Expression size has exceeded the maximum allowed size; expression size: "
                    + AttributeValue.utf8Length(text));
        }
        this.text = text;
        this.tokens = Lexer.tokenize(text);
    }

    // ------------------------------------------------------------------------------------ cursor

    final Token peek() {
        return tokens.get(pos);
    }

    final Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    final Token next() {
        Token t = tokens.get(pos);
        if (t.type() != Token.Type.EOF) pos++;
        return t;
    }

    final int position() {
        return pos;
    }

    final void expectSymbol(String symbol) {
        if (!peek().is(symbol)) throw syntaxError();
        next();
    }

    final void expectKeyword(String keyword) {
        if (!peek().isKeyword(keyword)) throw syntaxError();
        next();
    }

    /** The end of the expression: the syntax is valid, so the deferred semantic error, if any, is thrown. */
    final void finish() {
        if (peek().type() != Token.Type.EOF) throw syntaxError();
        if (deferred != null) throw deferred;
    }

    /** A syntax error at the current token; "near" spans the previous through the next token, as DynamoDB shows it. */
    final ValidationException syntaxError() {
        Token t = peek();
        int from = pos > 0 ? tokens.get(pos - 1).start() : t.start();
        int to = pos + 1 < tokens.size() ? tokens.get(pos + 1).end() : t.end();
        return ExprErrors.syntax(kind, t.text(), text.substring(from, Math.max(from, to)));
    }

    /** Records a semantic error; the one of highest precedence (first found among equals) is thrown by {@link #finish}. */
    final void defer(Problem problem, String detail) {
        int rank = precedence.of(problem);
        if (rank < deferredRank) {
            deferredRank = rank;
            deferred = ExprErrors.invalid(kind, detail);
        }
    }

    /** Consumes a '(' that opens a nested group or operand; pair with {@link #closeParen}. */
    final void openParen() {
        if (++parenNesting > MAX_PAREN_NESTING) throw ExprErrors.invalid(kind, "The expression has redundant parentheses;");
        expectSymbol("(");
    }

    /** Consumes the ')' that closes what {@link #openParen} opened. */
    final void closeParen() {
        expectSymbol(")");
        parenNesting--;
    }

    /** The token index just past the ')' matching the '(' at the current position, or -1 if unbalanced. */
    final int afterMatchingParen() {
        int depth = 0;
        for (int i = pos; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(")) depth++;
            if (t.is(")") && --depth == 0) return i + 1;
        }
        return -1;
    }

    final Token tokenAt(int index) {
        return tokens.get(Math.min(index, tokens.size() - 1));
    }

    // ------------------------------------------------------------------------------------ pieces

    /** Whether the current token is a function call {@code name(}. */
    final boolean atFunctionCall() {
        return peek().type() == Token.Type.NAME && peek(1).is("(") && !isKeyword(peek());
    }

    /** Whether the current token starts a document path. */
    final boolean atPath() {
        Token t = peek();
        return t.type() == Token.Type.NAME_REF || t.type() == Token.Type.NAME && !peek(1).is("(");
    }

    private boolean isKeyword(Token t) {
        return keywords.contains(t.text().toUpperCase(Locale.ROOT));
    }

    /** A document path: {@code name ( '.' name | '[' index ']' )*}, names bare or {@code #placeholders}. */
    final DocumentPath path() {
        List<String> names = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        names.add(pathName());
        indexes.add(-1);
        while (true) {
            if (peek().is(".")) {
                next();
                names.add(pathName());
                indexes.add(-1);
            } else if (peek().is("[")) {
                next();
                names.add(null);
                indexes.add(listIndex());
                expectSymbol("]");
            } else {
                break;
            }
        }
        if (names.size() > MAX_PATH_DEPTH) {
            defer(Problem.FUNCTION, "The document path has too many nesting levels; nesting levels: " + names.size());
        }
        int[] idx = new int[indexes.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = indexes.get(i);
        topLevel.add(names.get(0));
        if (names.size() > 1 && placeholders != null) placeholders.nested(names.get(0));
        return new DocumentPath(names.toArray(new String[0]), idx);
    }

    private String pathName() {
        Token t = peek();
        if (t.type() == Token.Type.NAME_REF) {
            next();
            String name = placeholders.findName(t.text());
            if (name != null) return name;
            defer(Problem.NAME, Placeholders.undefinedName(t.text()));
            return t.text();
        }
        if (t.type() != Token.Type.NAME || isKeyword(t)) throw syntaxError();
        if (ReservedWords.isReserved(t.text())) {
            defer(Problem.RESERVED, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
        }
        next();
        return t.text();
    }

    private int listIndex() {
        Token t = peek();
        if (t.type() != Token.Type.NUMBER) throw syntaxError();
        next();
        try {
            return Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            defer(Problem.FUNCTION, "List index is too large; index: " + t.text());
            return Integer.MAX_VALUE;
        }
    }

    /** The value of the current {@code :placeholder} token (NULL standing in for an undefined one). */
    final AttributeValue value() {
        Token t = peek();
        if (t.type() != Token.Type.VALUE_REF) throw syntaxError();
        next();
        AttributeValue v = placeholders.findValue(t.text());
        if (v != null) return v;
        defer(Problem.VALUE, Placeholders.undefinedValue(t.text()));
        return AttributeValue.nul();
    }

    /** The arguments of a function call; the cursor is on the function name. */
    final <T> List<T> arguments(Supplier<T> argument) {
        next();                       // the name
        expectSymbol("(");
        List<T> args = new ArrayList<>();
        if (!peek().is(")")) {
            args.add(argument.get());
            while (peek().is(",")) {
                next();
                args.add(argument.get());
            }
        }
        expectSymbol(")");
        return args;
    }

    /** Whether a function received {@code expected} arguments; defers DynamoDB's error if not. */
    final boolean arity(String function, List<?> args, int expected) {
        if (args.size() == expected) return true;
        defer(Problem.ARITY, "Incorrect number of operands for operator or function; operator or function: " + function
                + ", number of operands: " + args.size());
        return false;
    }

    /** Defers the error for a function name that cannot stand where the parser found it. */
    final void misplacedFunction(String name, boolean inUpdate) {
        if (CONDITION_FUNCTIONS.contains(name) || name.equals("size")) {
            defer(Problem.MISUSED_FUNCTION, inUpdate
                    ? "The function is not allowed in an update expression; function: " + name
                    : "The function is not allowed to be used this way in an expression; function: " + name);
        } else if (UPDATE_FUNCTIONS.contains(name) && !inUpdate) {
            defer(Problem.MISUSED_FUNCTION, "The function is not allowed in a condition expression; function: " + name);
        } else {
            defer(Problem.UNKNOWN_FUNCTION, "Invalid function name; function: " + name);
        }
    }

    /** Defers DynamoDB's error for two paths of which one contains the other, or which use one parent as map and list. */
    final void checkDisjoint(List<DocumentPath> paths) {
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                DocumentPath one = paths.get(i);
                DocumentPath two = paths.get(j);
                switch (one.relationTo(two)) {
                    case OVERLAP:
                        defer(Problem.OVERLAP, "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                                + "path one: " + one + ", path two: " + two);
                        break;
                    case CONFLICT:
                        defer(Problem.CONFLICT, "Two document paths conflict with each other; must remove or rewrite one of these paths; "
                                + "path one: " + one + ", path two: " + two);
                        break;
                    default:
                        break;
                }
            }
        }
    }
}
