package io.ddbc.embedded.internal.expr;

import io.ddbc.api.Item;
import java.util.Set;

/**
 * A compiled update expression (SET, REMOVE, ADD, DELETE clauses). Immutable and thread-safe.
 *
 * <pre>{@code
 * CompiledUpdate u = ExpressionCompiler.update("SET balance = balance + :d REMOVE pending", placeholders);
 * Item after = u.apply(before);               // before is unchanged
 * Item returned = u.updatedParts(after);      // ReturnValues UPDATED_NEW
 * }</pre>
 */
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

    /**
     * The parts of {@code image} (the item before or after the update) at the document paths the update
     * writes or removes, as DynamoDB returns them for {@code UPDATED_OLD} / {@code UPDATED_NEW}: after
     * {@code SET a.b = :v} only {@code {a: {b: ...}}}, not a's other entries. This default keeps whole
     * top-level attributes.
     */
    default Item updatedParts(Item image) {
        Item.Builder b = Item.builder();
        for (String name : topLevelAttributes()) {
            if (image.has(name)) b.put(name, image.get(name));
        }
        return b.build();
    }
}
