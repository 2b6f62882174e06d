package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The item an update is building: the original's top-level attributes, copied once on the first
 * write, so that an update of several actions builds one new item rather than one per action.
 * Not thread-safe: one per {@link CompiledUpdate#apply} call.
 */
final class WorkingItem {
    private final Item original;
    private Map<String, AttributeValue> attributes;

    WorkingItem(Item original) {
        this.original = original;
    }

    AttributeValue get(String name) {
        return attributes == null ? original.get(name) : attributes.get(name);
    }

    /** The current value at a path, or null. */
    AttributeValue resolve(DocumentPath path) {
        return path.resolveFrom(get(path.top()));
    }

    void put(String name, AttributeValue value) {
        writable().put(name, value);
    }

    void remove(String name) {
        if (get(name) != null) writable().remove(name);
    }

    /** The resulting item; the original instance itself when nothing was written. */
    Item result() {
        return attributes == null ? original : Item.of(attributes);
    }

    private Map<String, AttributeValue> writable() {
        if (attributes == null) attributes = new LinkedHashMap<>(original.attributes());
        return attributes;
    }
}
