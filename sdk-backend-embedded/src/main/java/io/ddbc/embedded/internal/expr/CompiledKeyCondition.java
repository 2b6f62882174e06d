package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import java.util.Optional;

/**
 * A compiled key condition: equality on the partition key and an optional sort key condition. The
 * engine checks the names against the table's or index's key schema. Immutable and thread-safe.
 *
 * <pre>{@code
 * CompiledKeyCondition k = ExpressionCompiler.keyCondition("pk = :p AND begins_with(sk, :prefix)", placeholders);
 * AttributeValue partition = k.partitionValue();
 * boolean inRange = k.sortCondition().map(c -> c.matches(sortKeyValue)).orElse(true);
 * }</pre>
 */
public interface CompiledKeyCondition {

    /** The partition key attribute named in the expression. */
    String partitionKeyName();

    /** The partition key value it must equal. */
    AttributeValue partitionValue();

    /** The sort key condition, if any. */
    Optional<SortKeyCondition> sortCondition();

    /**
     * When the expression is two equalities ({@code a = :x AND b = :y}) the text does not say which
     * attribute is the partition key; this is the reading with the roles swapped, for the engine to use
     * when {@link #partitionKeyName()} is not the table's partition key. Empty otherwise.
     */
    default Optional<CompiledKeyCondition> swapped() {
        return Optional.empty();
    }
}
