package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.ValidationException;

/** DynamoDB's wording for expression errors, in one place so every parser words them alike. */
final class ExprErrors {
    static final String INVALID_PATH_FOR_UPDATE = "The document path provided in the update expression is invalid for update";
    static final String MISSING_ATTRIBUTE = "The provided expression refers to an attribute that does not exist in the item";
    static final String INCORRECT_DATA_TYPE = "An operand in the update expression has an incorrect data type";

    private ExprErrors() {
    }

    /** "Invalid &lt;Kind&gt;: &lt;detail&gt;". */
    static ValidationException invalid(String kind, String detail) {
        return new ValidationException("Invalid " + kind + ": " + detail);
    }

    static ValidationException syntax(String kind, String token, String near) {
        return invalid(kind, "Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }

    /**
     * "An operand in the update expression has an incorrect data type" from list_append, ADD or DELETE: DynamoDB
     * reports it only after every action's target path and operands have been found (see {@link UpdateImpl#apply}).
     */
    static final class LateTypeError extends ValidationException {
        private static final long serialVersionUID = 1L;

        LateTypeError() {
            super(INCORRECT_DATA_TYPE);
        }
    }

    /** A number computed by an update that DynamoDB cannot store: reported only when no action has another error. */
    static final class LateNumberError extends ValidationException {
        private static final long serialVersionUID = 1L;

        LateNumberError(String message) {
            super(message);
        }
    }

    /** An evaluation error of an update (no "Invalid UpdateExpression" prefix, as DynamoDB words them). */
    static ValidationException update(String message) {
        return new ValidationException(message);
    }

    /** DynamoDB's rendering of a scalar operand in messages, e.g. {@code {N:5}}. */
    static String render(AttributeValue v) {
        String text;
        switch (v.type()) {
            case S: text = v.s(); break;
            case N: text = v.numberText(); break;
            // DynamoDB prints a binary operand as the Java buffer holding it.
            case B: text = "java.nio.HeapByteBuffer[pos=0 lim=" + v.b().length + " cap=" + v.b().length + "]"; break;
            default: {
                String wire = v.toString();               // {"T":value}
                text = wire.substring(wire.indexOf(':') + 1, wire.length() - 1);
            }
        }
        return "{" + v.type() + ":" + text + "}";
    }
}
