package io.ddbc.embedded.internal.expr;

import io.ddbc.api.Item;
import java.util.Set;

/**
 * A compiled projection expression. Immutable and thread-safe.
 *
 * <pre>{@code
 * CompiledProjection p = ExpressionCompiler.projection("id, address.city, tags[0]", placeholders);
 * Item slim = p.apply(item);   // {id, address: {city}, tags: [first tag]}
 * }</pre>
 */
public interface CompiledProjection {

    /** Only the projected paths of the item (nested paths keep their enclosing maps/lists, as DynamoDB returns them). */
    Item apply(Item item);

    /** The top-level attribute names projected. */
    Set<String> topLevelAttributes();
}
