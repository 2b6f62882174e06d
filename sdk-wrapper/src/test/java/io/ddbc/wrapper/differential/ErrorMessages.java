package io.ddbc.wrapper.differential;

/**
 * The one rule for comparing ddbc's error messages with DynamoDB's: ddbc's message starts with DynamoDB's
 * text and may add its own details after it (which table, which key, which index) — separated by
 * {@code " ("}, {@code ": "}, {@code "; "}, {@code ", "} or {@code " "}. Stripping ddbc's addition leaves
 * DynamoDB's text; anything else is a different message.
 */
public final class ErrorMessages {
    private static final String[] SEPARATORS = {" (", ": ", "; ", ", ", " "};

    private ErrorMessages() {
    }

    /**
     * {@code ours} with ddbc's addition removed, given DynamoDB's {@code theirs}: {@code theirs} itself when
     * {@code ours} is {@code theirs} followed by a separator and ddbc's details; else {@code ours} unchanged.
     */
    public static String strip(String ours, String theirs) {
        if (ours == null || theirs == null) return ours;
        if (ours.equals(theirs)) return ours;
        String dynamo = withoutTrailingDot(theirs);
        if (ours.startsWith(dynamo)) {
            String rest = ours.substring(dynamo.length());
            for (String s : SEPARATORS) {
                if (rest.startsWith(s)) return theirs;
            }
        }
        return ours;
    }

    /** DynamoDB's messages sometimes end with a period that ddbc's addition would follow. */
    private static String withoutTrailingDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
