package io.ddbc.api;

/** Argument checks shared by the request builders, so every message reads the same way. */
final class Requests {
    private Requests() {
    }

    static String tableName(String name) {
        if (name == null || name.isEmpty()) throw new ValidationException("Table name must not be empty");
        return name;
    }

    static <T> T require(T value, String what, String tableName) {
        if (value == null) throw new ValidationException("The " + what + " must be given (table '" + tableName + "')");
        return value;
    }

    static <T> T require(T value, String what) {
        if (value == null) throw new ValidationException("The " + what + " must be given (got null)");
        return value;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
