package io.ddbc.embedded.internal.expr;

import io.ddbc.api.Item;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** A compiled condition: the root of its {@link Cond} tree and the attributes it names. */
final class ConditionImpl implements CompiledCondition {
    private final Cond root;
    private final Set<String> topLevel;

    ConditionImpl(Cond root, Set<String> topLevel) {
        this.root = root;
        this.topLevel = Collections.unmodifiableSet(new LinkedHashSet<>(topLevel));
    }

    @Override
    public boolean test(Item item) {
        return root.test(item);
    }

    @Override
    public Set<String> topLevelAttributes() {
        return topLevel;
    }

    Cond root() {
        return root;
    }
}
