package io.ddbc.embedded.internal.expr;

import io.ddbc.api.Item;
import java.util.Set;

/** A compiled update expression (SET, REMOVE, ADD, DELETE clauses). Immutable and thread-safe. */
public interface CompiledUpdate {

    /**
     * The item after the update. {@code current} is {@link Item#empty()} plus the key attributes when the
     * item does not exist yet.
     *
     * @throws io.ddbc.api.ValidationException for DynamoDB's evaluation errors (e.g. "An operand in the
     *     update expression has an incorrect data type", list index on a non-list)
     */
    Item apply(Item current);

    /** The top-level attributes the update writes or removes (to refuse key changes and compute UPDATED_OLD/NEW). */
    Set<String> topLevelAttributes();
}
