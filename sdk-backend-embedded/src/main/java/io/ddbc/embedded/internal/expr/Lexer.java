package io.ddbc.embedded.internal.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits an expression into {@link Token}s; never fails (unknown characters become INVALID tokens). */
final class Lexer {
    private Lexer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            Token.Type type;
            if (isNameStart(c)) {
                i = skipNameChars(text, i + 1);
                type = Token.Type.NAME;
            } else if (c >= '0' && c <= '9') {
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
                type = Token.Type.NUMBER;
            } else if ((c == '#' || c == ':') && i + 1 < n && isNameChar(text.charAt(i + 1))) {
                i = skipNameChars(text, i + 1);
                type = c == '#' ? Token.Type.NAME_REF : Token.Type.VALUE_REF;
            } else if (c == '<' && i + 1 < n && (text.charAt(i + 1) == '>' || text.charAt(i + 1) == '=')
                    || c == '>' && i + 1 < n && text.charAt(i + 1) == '=') {
                i += 2;
                type = Token.Type.SYMBOL;
            } else if ("()[],.=<>+-".indexOf(c) >= 0) {
                i++;
                type = Token.Type.SYMBOL;
            } else {
                i += Character.charCount(text.codePointAt(i));
                type = Token.Type.INVALID;
            }
            tokens.add(new Token(type, text.substring(start, i), start, i));
        }
        tokens.add(new Token(Token.Type.EOF, "<EOF>", n, n));
        return tokens;
    }

    private static int skipNameChars(String text, int i) {
        while (i < text.length() && isNameChar(text.charAt(i))) i++;
        return i;
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }
}
