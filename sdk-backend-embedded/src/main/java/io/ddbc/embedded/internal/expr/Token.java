package io.ddbc.embedded.internal.expr;

/**
 * One lexical token of an expression.
 *
 * @param type what kind of token
 * @param text the token as written ({@code <EOF>} at the end)
 * @param start offset of its first character in the expression
 * @param end offset just past its last character
 */
record Token(Type type, String text, int start, int end) {

    enum Type {
        /** A bare name or keyword: letters, digits and underscores, not starting with a digit. */
        NAME,
        /** {@code #name} placeholder. */
        NAME_REF,
        /** {@code :value} placeholder. */
        VALUE_REF,
        /** An unsigned integer (list indexes). */
        NUMBER,
        /** Punctuation and operators: ( ) [ ] , . = <> < <= > >= + - */
        SYMBOL,
        /** A character the grammar does not know. */
        INVALID,
        EOF
    }

    /** Whether this is the symbol {@code s}. */
    boolean is(String s) {
        return type == Type.SYMBOL && text.equals(s);
    }

    /** Whether this is the keyword {@code kw} (keywords are case-insensitive). */
    boolean isKeyword(String kw) {
        return type == Type.NAME && text.equalsIgnoreCase(kw);
    }
}
