package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A compiled projection: a tree of the projected paths. Nested paths keep their enclosing maps and
 * lists; projected list elements keep their order and close up, as DynamoDB returns them.
 */
final class ProjectionImpl implements CompiledProjection {
    private final Node root = new Node();

    /** The paths must not overlap (checked by the caller). */
    ProjectionImpl(List<DocumentPath> paths) {
        for (DocumentPath p : paths) {
            Node n = root;
            for (int i = 1; i < p.length(); i++) n = n.child(p, i - 1);
            n.child(p, p.length() - 1).whole = true;
        }
    }

    @Override
    public Item apply(Item item) {
        Item.Builder out = Item.builder();
        for (Map.Entry<String, Node> e : root.fields.entrySet()) {
            AttributeValue v = item.get(e.getKey());
            AttributeValue projected = v == null ? null : e.getValue().project(v);
            if (projected != null) out.put(e.getKey(), projected);
        }
        return out.build();
    }

    @Override
    public Set<String> topLevelAttributes() {
        return Collections.unmodifiableSet(root.fields.keySet());
    }

    /** One step of the projection tree: the whole value, or some of its fields, or some of its elements. */
    private static final class Node {
        boolean whole;
        final Map<String, Node> fields = new LinkedHashMap<>();
        final TreeMap<Integer, Node> elements = new TreeMap<>();

        Node child(DocumentPath p, int i) {
            return p.isIndex(i) ? elements.computeIfAbsent(p.index(i), k -> new Node())
                    : fields.computeIfAbsent(p.name(i), k -> new Node());
        }

        /** The projected part of {@code v}, or null when nothing of it is projected. */
        AttributeValue project(AttributeValue v) {
            if (whole) return v;
            if (!fields.isEmpty()) {
                if (v.type() != AttributeValue.Type.M) return null;
                Map<String, AttributeValue> out = new LinkedHashMap<>();
                for (Map.Entry<String, Node> e : fields.entrySet()) {
                    AttributeValue c = v.m().get(e.getKey());
                    AttributeValue p = c == null ? null : e.getValue().project(c);
                    if (p != null) out.put(e.getKey(), p);
                }
                return out.isEmpty() ? null : AttributeValue.m(out);
            }
            if (v.type() != AttributeValue.Type.L) return null;
            List<AttributeValue> list = v.l();
            List<AttributeValue> out = new ArrayList<>();
            for (Map.Entry<Integer, Node> e : elements.entrySet()) {
                if (e.getKey() >= list.size()) break;
                AttributeValue p = e.getValue().project(list.get(e.getKey()));
                if (p != null) out.add(p);
            }
            return out.isEmpty() ? null : AttributeValue.l(out);
        }
    }
}
