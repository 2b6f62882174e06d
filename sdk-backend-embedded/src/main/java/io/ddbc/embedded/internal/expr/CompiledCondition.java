package io.ddbc.embedded.internal.expr;

import io.ddbc.api.Item;
import java.util.Set;

/** A compiled condition or filter expression. Immutable and thread-safe. */
public interface CompiledCondition {

    /** Whether the condition holds for the item ({@link Item#empty()} when the item does not exist). */
    boolean test(Item item);

    /** The top-level attribute names the expression refers to (e.g. to reject key attributes in a filter). */
    Set<String> topLevelAttributes();
}
