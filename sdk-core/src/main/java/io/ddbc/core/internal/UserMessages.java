package io.ddbc.core.internal;

import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.ConditionalWriteRequest;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import io.ddbc.core.internal.TableCatalog.TableInfo;
import java.util.regex.Pattern;

/**
 * Words a backend's refusal in terms of the request the application wrote, not of the one ddbc sent: managed
 * versions, write markers and {@code putIfAbsent} add placeholders ({@code #ddbc_v}, {@code :ddbc_one},
 * {@code #ddbc_pk}, ...) and clauses that the application never saw, so a message quoting them would point at
 * code that does not exist. Only messages that show such a rewrite are reworded; the rest pass unchanged.
 */
final class UserMessages {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UserMessages.class);
    private static final Pattern INTERNAL = Pattern.compile("[#:]ddbc_\\w+");

    private UserMessages() {
    }

    static RuntimeException asWritten(ConditionalWriteRequest w, TableInfo t, RuntimeException e) {
        String m = e.getMessage();
        if (m == null || !INTERNAL.matcher(m).find()) return e;
        RuntimeException worded = null;
        // Exactly this class: a VersionConflictException is already worded in versions.
        if (e.getClass() == ConditionFailedException.class) worded = condition(w, t, (ConditionFailedException) e);
        else if (e.getClass() == ValidationException.class) worded = validation(w, m);
        if (worded == null) return e;
        // Not chained as the cause, whose message is the rewrite; its stack is kept, its text logged for debugging.
        worded.setStackTrace(e.getStackTrace());
        LOG.debug("{} reworded as written by the application; the backend said: {}", w.operation(), m);
        return worded;
    }

    private static ConditionFailedException condition(ConditionalWriteRequest w, TableInfo t, ConditionFailedException e) {
        String user = w.condition();
        String key = t.spec().partitionKey().name();
        if (user != null && user.contains(TableHandle.ABSENT_KEY)) {
            return ConditionFailedException.itemExists(e.tableName(), e.key().orElse(null), key, e.currentItem().orElse(null),
                    e.consumedCapacity().orElse(null));
        }
        // The version part held (else this would be a VersionConflictException): the application's own condition was false.
        return new ConditionFailedException(e.tableName(), e.key().orElse(null), user, e.currentItem().orElse(null),
                e.consumedCapacity().orElse(null));
    }

    /**
     * {@code Invalid UpdateExpression: Syntax error; token: "ADD", near: "+ ADD #ddbc_v" (UpdateItem on table ...)}
     * becomes {@code Invalid UpdateExpression: Syntax error in the expression as written: "SET balance = balance +" (UpdateItem on table ...)}.
     */
    private static ValidationException validation(ConditionalWriteRequest w, String m) {
        int context = m.lastIndexOf(" (" + w.operation() + " on table");
        String suffix = context >= 0 ? m.substring(context) : "";
        String body = context >= 0 ? m.substring(0, context) : m;
        int detail = body.indexOf(';');
        String head = detail >= 0 ? body.substring(0, detail) : body;
        if (INTERNAL.matcher(head).find()) head = head.substring(0, head.indexOf(':') < 0 ? head.length() : head.indexOf(':'));
        String expression = head.startsWith("Invalid UpdateExpression") && w instanceof UpdateRequest u ? u.updateExpression() : w.condition();
        if (expression == null || INTERNAL.matcher(expression).find()) return new ValidationException(head + suffix);
        return new ValidationException(head + " in the expression as written: \"" + expression + "\"" + suffix);
    }
}
