package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The part every expression grammar shares: the token cursor, syntax errors worded like DynamoDB's,
 * document paths and placeholders. One parser per expression; not thread-safe.
 */
abstract class ExpressionParser {
    /** Longest expression DynamoDB accepts, in UTF-8 bytes. */
    static final int MAX_EXPRESSION_BYTES = 4096;
    /** Most elements a document path may have. */
    static final int MAX_PATH_DEPTH = 32;

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
    private final List<Token> tokens;
    private int pos;
    /** Top-level attribute names of every path parsed, in order of appearance. */
    final Set<String> topLevel = new LinkedHashSet<>();

    ExpressionParser(String kind, String text, Placeholders placeholders, Set<String> keywords) {
        this.kind = kind;
        this.keywords = keywords;
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

    final void expectEnd() {
        if (peek().type() != Token.Type.EOF) throw syntaxError();
    }

    /** A syntax error at the current token; "near" spans the previous through the next token, as DynamoDB shows it. */
    final ValidationException syntaxError() {
        Token t = peek();
        int from = pos > 0 ? tokens.get(pos - 1).start() : t.start();
        int to = pos + 1 < tokens.size() ? tokens.get(pos + 1).end() : t.end();
        return ExprErrors.syntax(kind, t.text(), text.substring(from, Math.max(from, to)));
    }

    // ------------------------------------------------------------------------------------ pieces

    /** Whether the current token is a function call {@code name(}. */
    final boolean atFunctionCall() {
        return peek().type() == Token.Type.NAME && peek(1).is("(");
    }

    /** Whether the current token starts a document path. */
    final boolean atPath() {
        Token t = peek();
        return t.type() == Token.Type.NAME_REF || t.type() == Token.Type.NAME && !peek(1).is("(");
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
            if (names.size() > MAX_PATH_DEPTH) {
                throw ExprErrors.invalid(kind, "The document path has too many nesting levels; nesting levels: " + names.size());
            }
        }
        int[] idx = new int[indexes.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = indexes.get(i);
        topLevel.add(names.get(0));
        return new DocumentPath(names.toArray(new String[0]), idx);
    }

    private String pathName() {
        Token t = peek();
        if (t.type() == Token.Type.NAME_REF) {
            next();
            return placeholders.name(t.text(), kind);
        }
        if (t.type() != Token.Type.NAME || keywords.contains(t.text().toUpperCase(java.util.Locale.ROOT))) {
            throw syntaxError();
        }
        if (ReservedWords.isReserved(t.text())) {
            throw ExprErrors.invalid(kind, "Attribute name is a reserved keyword; reserved keyword: " + t.text());
        }
        next();
        return t.text();
    }

    private int listIndex() {
        Token t = peek();
        if (t.type() != Token.Type.NUMBER) throw syntaxError();
        int index;
        try {
            index = Integer.parseInt(t.text());
        } catch (NumberFormatException e) {
            throw ExprErrors.invalid(kind, "List index is too large; index: " + t.text());
        }
        next();
        return index;
    }

    /** The value of the current {@code :placeholder} token. */
    final AttributeValue value() {
        Token t = peek();
        if (t.type() != Token.Type.VALUE_REF) throw syntaxError();
        next();
        return placeholders.value(t.text(), kind);
    }

    /** The error for a function name that cannot stand where the parser found it. */
    final ValidationException misplacedFunction(String name) {
        boolean inUpdate = this instanceof UpdateParser;
        if (CONDITION_FUNCTIONS.contains(name) || name.equals("size")) {
            return ExprErrors.invalid(kind, inUpdate
                    ? "The function is not allowed in an update expression; function: " + name
                    : "The function is not allowed to be used this way in an expression; function: " + name);
        }
        if (UPDATE_FUNCTIONS.contains(name) && !inUpdate) {
            return ExprErrors.invalid(kind, "The function is not allowed in a condition expression; function: " + name);
        }
        return ExprErrors.invalid(kind, "Invalid function name; function: " + name);
    }

    /** The arguments of a function call; the cursor is on the function name. */
    final <T> List<T> arguments(java.util.function.Supplier<T> argument) {
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
}
