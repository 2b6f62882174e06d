package io.ddbc.embedded.internal.expr;

import io.ddbc.api.Item;
import java.util.Set;

/**
 * A compiled condition or filter expression. Immutable and thread-safe: compile once, test any number
 * of items from any thread.
 *
 * <pre>{@code
 * CompiledCondition c = ExpressionCompiler.condition("ConditionExpression", "attribute_not_exists(pk)", placeholders);
 * if (!c.test(current)) throw new ConditionFailedException(...);
 * }</pre>
 */
public interface CompiledCondition {

    /** Whether the condition holds for the item ({@link Item#empty()} when the item does not exist). */
    boolean test(Item item);

    /** The top-level attribute names the expression refers to (e.g. to reject key attributes in a filter). */
    Set<String> topLevelAttributes();
}
