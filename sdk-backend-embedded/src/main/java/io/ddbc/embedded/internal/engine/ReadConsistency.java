package io.ddbc.embedded.internal.engine;

import io.ddbc.api.Consistency;
import io.ddbc.api.ValidationException;

/** The consistency a backend read arrives with, per the SPI contract: EVENTUAL (default) or STRONG. */
final class ReadConsistency {
    private ReadConsistency() {
    }

    /** Whether the read is strong; null means DynamoDB's default, eventual. */
    static boolean isStrong(Consistency c, String table) {
        if (c == null || c.level() == Consistency.Level.EVENTUAL) return false;
        if (c.level() == Consistency.Level.STRONG) return true;
        throw new ValidationException("The embedded backend accepts only EVENTUAL or STRONG reads (the client core resolves "
                + c + "); table '" + table + "'");
    }
}
