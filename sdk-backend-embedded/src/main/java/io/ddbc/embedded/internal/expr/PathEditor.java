package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and removes values at document paths of immutable items, copying only the maps and lists on
 * the way down. Errors are DynamoDB's "The document path provided in the update expression is invalid
 * for update" when a parent on the path is missing or of the wrong type.
 */
final class PathEditor {
    private PathEditor() {
    }

    /** Writes {@code value} at {@code path}; an index past the end of a list appends. */
    static void set(WorkingItem item, DocumentPath path, AttributeValue value) {
        AttributeValue top = value;
        if (path.length() > 1) {
            AttributeValue current = item.get(path.top());
            if (current == null) throw invalidPath();
            top = setIn(current, path, 1, value);
        }
        item.put(path.top(), top);
    }

    /**
     * Checks that {@code path} can be written — every parent present and a map or list as the path says —
     * without writing. DynamoDB reports an invalid target path before it evaluates the value to set.
     */
    static void checkSettable(WorkingItem item, DocumentPath path) {
        if (path.length() == 1) return;
        AttributeValue current = item.get(path.top());
        if (current == null) throw invalidPath();
        for (int i = 1; i < path.length(); i++) {
            boolean last = i == path.length() - 1;
            if (!path.isIndex(i)) {
                Map<String, AttributeValue> map = mapOf(current);
                if (last) return;
                current = existing(map.get(path.name(i)));
            } else {
                List<AttributeValue> list = listOf(current);
                if (last) return;
                int index = path.index(i);
                current = existing(index < list.size() ? list.get(index) : null);
            }
        }
    }

    /** Removes the value at {@code path}; later list elements shift down. Missing leaves are a no-op. */
    static void remove(WorkingItem item, DocumentPath path) {
        if (path.length() == 1) {
            item.remove(path.top());
            return;
        }
        AttributeValue current = item.get(path.top());
        if (current == null) throw invalidPath();
        AttributeValue updated = removeIn(current, path, 1);
        if (updated != current) item.put(path.top(), updated);
    }

    private static AttributeValue setIn(AttributeValue container, DocumentPath path, int i, AttributeValue value) {
        boolean last = i == path.length() - 1;
        if (!path.isIndex(i)) {
            Map<String, AttributeValue> map = new LinkedHashMap<>(mapOf(container));
            AttributeValue child = last ? value : setIn(existing(map.get(path.name(i))), path, i + 1, value);
            map.put(path.name(i), child);
            return AttributeValue.m(map);
        }
        List<AttributeValue> list = new ArrayList<>(listOf(container));
        int index = path.index(i);
        if (last) {
            if (index >= list.size()) {
                list.add(value);
            } else {
                list.set(index, value);
            }
        } else {
            AttributeValue child = index < list.size() ? list.get(index) : null;
            list.set(index, setIn(existing(child), path, i + 1, value));
        }
        return AttributeValue.l(list);
    }

    /** The container without the path's leaf, or the same instance if the leaf is absent. */
    private static AttributeValue removeIn(AttributeValue container, DocumentPath path, int i) {
        boolean last = i == path.length() - 1;
        if (!path.isIndex(i)) {
            Map<String, AttributeValue> original = mapOf(container);
            AttributeValue child = original.get(path.name(i));
            if (last && child == null) return container;
            AttributeValue updated = last ? null : removeIn(existing(child), path, i + 1);
            if (updated == child) return container;
            Map<String, AttributeValue> map = new LinkedHashMap<>(original);
            if (last) {
                map.remove(path.name(i));
            } else {
                map.put(path.name(i), updated);
            }
            return AttributeValue.m(map);
        }
        List<AttributeValue> original = listOf(container);
        int index = path.index(i);
        AttributeValue child = index < original.size() ? original.get(index) : null;
        if (last && child == null) return container;
        AttributeValue updated = last ? null : removeIn(existing(child), path, i + 1);
        if (updated == child) return container;
        List<AttributeValue> list = new ArrayList<>(original);
        if (last) {
            list.remove(index);
        } else {
            list.set(index, updated);
        }
        return AttributeValue.l(list);
    }

    private static Map<String, AttributeValue> mapOf(AttributeValue v) {
        if (v.type() != AttributeValue.Type.M) throw invalidPath();
        return v.m();
    }

    private static List<AttributeValue> listOf(AttributeValue v) {
        if (v.type() != AttributeValue.Type.L) throw invalidPath();
        return v.l();
    }

    private static AttributeValue existing(AttributeValue v) {
        if (v == null) throw invalidPath();
        return v;
    }

    private static RuntimeException invalidPath() {
        return ExprErrors.update(ExprErrors.INVALID_PATH_FOR_UPDATE);
    }
}
