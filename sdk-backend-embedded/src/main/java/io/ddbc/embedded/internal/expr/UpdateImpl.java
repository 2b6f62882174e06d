package io.ddbc.embedded.internal.expr;

import io.ddbc.api.Item;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A compiled update: its actions in application order and the top-level attributes they touch. */
final class UpdateImpl implements CompiledUpdate {
    private final UpdateAction[] actions;
    private final Set<String> topLevel;

    UpdateImpl(List<UpdateAction> actions) {
        this.actions = actions.toArray(new UpdateAction[0]);
        Set<String> names = new LinkedHashSet<>();
        for (UpdateAction a : actions) names.add(a.target().top());
        this.topLevel = Collections.unmodifiableSet(names);
    }

    /** Every operand reads {@code current}; each action writes the result of the ones before it. */
    @Override
    public Item apply(Item current) {
        Item working = current;
        for (UpdateAction a : actions) {
            working = a.apply(current, working);
        }
        return working;
    }

    @Override
    public Set<String> topLevelAttributes() {
        return topLevel;
    }
}
