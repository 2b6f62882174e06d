package io.ddbc.embedded.internal.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.AttributeValue.Type;
import io.ddbc.api.Expressions;
import io.ddbc.api.Item;
import io.ddbc.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property test: random condition trees are printed with as few parentheses as precedence
 * allows (plus random extra ones), compiled, and evaluated on random items; the result must equal a
 * direct evaluation of the tree by the reference model below. Re-run a failure with
 * {@code -Dexpr.seed=<seed>}.
 */
class ConditionPropertyTest {
    private static final String[] PATHS = {"a", "b", "c", "m.x", "m.y", "l[0]", "l[1]", "#r"};
    private static final int CONDITIONS = 600;
    private static final int ITEMS_PER_CONDITION = 25;

    // ------------------------------------------------------------------------------ the model

    sealed interface Opd permits PathOpd, ValOpd, SizeOpd {}
    record PathOpd(String path) implements Opd {}
    record ValOpd(String placeholder) implements Opd {}
    record SizeOpd(String path) implements Opd {}

    sealed interface Node permits Cmp, Btw, InN, AndN, OrN, NotN, Fn {}
    record Cmp(String op, Opd left, Opd right) implements Node {}
    record Btw(Opd value, Opd lo, Opd hi) implements Node {}
    record InN(Opd value, List<Opd> candidates) implements Node {}
    record AndN(Node left, Node right) implements Node {}
    record OrN(Node left, Node right) implements Node {}
    record NotN(Node inner) implements Node {}
    record Fn(String name, String path, String placeholder) implements Node {}

    /** Precedence levels: OR 1, AND 2, NOT 3, atoms 4. */
    private static int level(Node n) {
        if (n instanceof OrN) return 1;
        if (n instanceof AndN) return 2;
        if (n instanceof NotN) return 3;
        return 4;
    }

    private record Printed(String text, boolean wrapped) {}

    private static Printed print(Node n, int minLevel, Random r) {
        String text;
        if (n instanceof Cmp c) {
            text = print(c.left()) + " " + c.op() + " " + print(c.right());
        } else if (n instanceof Btw b) {
            text = print(b.value()) + " BETWEEN " + print(b.lo()) + " AND " + print(b.hi());
        } else if (n instanceof InN in) {
            List<String> cs = new ArrayList<>();
            for (Opd o : in.candidates()) cs.add(print(o));
            text = print(in.value()) + (r.nextBoolean() ? " IN (" : " in (") + String.join(", ", cs) + ")";
        } else if (n instanceof AndN a) {
            text = print(a.left(), 2, r).text() + (r.nextBoolean() ? " AND " : " and ") + print(a.right(), 2, r).text();
        } else if (n instanceof OrN o) {
            text = print(o.left(), 1, r).text() + (r.nextBoolean() ? " OR " : " Or ") + print(o.right(), 1, r).text();
        } else if (n instanceof NotN not) {
            text = "NOT " + print(not.inner(), 3, r).text();
        } else {
            Fn f = (Fn) n;
            text = f.name() + "(" + f.path() + (f.placeholder() == null ? "" : ", " + f.placeholder()) + ")";
        }
        boolean needed = level(n) < minLevel;
        return needed || r.nextInt(8) == 0 ? new Printed("(" + text + ")", true) : new Printed(text, false);
    }

    private static String print(Opd o) {
        if (o instanceof PathOpd p) return p.path();
        if (o instanceof ValOpd v) return v.placeholder();
        return "size(" + ((SizeOpd) o).path() + ")";
    }

    // ------------------------------------------------------------------------------ the reference

    private static boolean eval(Node n, Item item, Map<String, AttributeValue> values) {
        if (n instanceof AndN a) return eval(a.left(), item, values) && eval(a.right(), item, values);
        if (n instanceof OrN o) return eval(o.left(), item, values) || eval(o.right(), item, values);
        if (n instanceof NotN not) return !eval(not.inner(), item, values);
        if (n instanceof Cmp c) {
            AttributeValue l = value(c.left(), item, values);
            AttributeValue r = value(c.right(), item, values);
            boolean eq = l != null && l.equals(r);
            switch (c.op()) {
                case "=": return eq;
                case "<>": return !eq;
                default: {
                    if (!ordered(l, r)) return false;
                    int cmp = AttributeValue.compareKeyValues(l, r);
                    return c.op().equals("<") ? cmp < 0 : c.op().equals("<=") ? cmp <= 0 : c.op().equals(">") ? cmp > 0 : cmp >= 0;
                }
            }
        }
        if (n instanceof Btw b) {
            AttributeValue v = value(b.value(), item, values);
            AttributeValue lo = value(b.lo(), item, values);
            AttributeValue hi = value(b.hi(), item, values);
            return ordered(v, lo) && ordered(v, hi)
                    && AttributeValue.compareKeyValues(lo, v) <= 0 && AttributeValue.compareKeyValues(v, hi) <= 0;
        }
        if (n instanceof InN in) {
            AttributeValue v = value(in.value(), item, values);
            return v != null && in.candidates().stream().anyMatch(o -> v.equals(value(o, item, values)));
        }
        Fn f = (Fn) n;
        AttributeValue v = resolve(f.path(), item);
        AttributeValue arg = f.placeholder() == null ? null : values.get(f.placeholder());
        switch (f.name()) {
            case "attribute_exists": return v != null;
            case "attribute_not_exists": return v == null;
            case "attribute_type": return v != null && v.type().name().equals(arg.s());
            case "begins_with":
                return v != null && v.type() == Type.S && v.s().startsWith(arg.s());
            default: // contains
                if (v == null) return false;
                if (v.type() == Type.S) return arg.type() == Type.S && v.s().contains(arg.s());
                if (v.type() == Type.L) return v.l().contains(arg);
                if (v.type().isSet()) return v.setElements().contains(arg);
                return false;
        }
    }

    private static boolean ordered(AttributeValue a, AttributeValue b) {
        return a != null && b != null && a.type() == b.type() && (a.type() == Type.N || a.type() == Type.S || a.type() == Type.B);
    }

    private static AttributeValue value(Opd o, Item item, Map<String, AttributeValue> values) {
        if (o instanceof ValOpd v) return values.get(v.placeholder());
        AttributeValue v = resolve(o instanceof PathOpd p ? p.path() : ((SizeOpd) o).path(), item);
        if (o instanceof PathOpd || v == null) return v;
        switch (v.type()) {
            case S: return AttributeValue.n(v.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            case B: return AttributeValue.n(v.b().length);
            case L: return AttributeValue.n(v.l().size());
            case M: return AttributeValue.n(v.m().size());
            case SS: return AttributeValue.n(v.ss().size());
            case NS: return AttributeValue.n(v.ns().size());
            default: return null;
        }
    }

    /** Resolves the few path shapes the generator uses. */
    private static AttributeValue resolve(String path, Item item) {
        if (path.equals("#r")) return item.get("region");
        if (path.startsWith("m.")) {
            AttributeValue m = item.get("m");
            return m == null || m.type() != Type.M ? null : m.m().get(path.substring(2));
        }
        if (path.startsWith("l[")) {
            AttributeValue l = item.get("l");
            int i = path.charAt(2) - '0';
            return l == null || l.type() != Type.L || i >= l.l().size() ? null : l.l().get(i);
        }
        return item.get(path);
    }

    // ------------------------------------------------------------------------------ generators

    private static AttributeValue randomValue(Random r) {
        switch (r.nextInt(12)) {
            case 0: case 1: case 2: return AttributeValue.n(r.nextInt(4) - 1);
            case 3: case 4: case 5: return AttributeValue.s(new String[] {"", "a", "ab", "b", "é"}[r.nextInt(5)]);
            case 6: return AttributeValue.bool(r.nextBoolean());
            case 7: return AttributeValue.nul();
            case 8: return r.nextBoolean() ? AttributeValue.ss(List.of("a")) : AttributeValue.ss(List.of("a", "b"));
            case 9: return AttributeValue.ns(List.of(r.nextInt(3), 7));
            case 10: return AttributeValue.l(AttributeValue.n(r.nextInt(3)), AttributeValue.s("a"));
            default: return AttributeValue.b(new byte[] {(byte) r.nextInt(3)});
        }
    }

    private static AttributeValue orderedValue(Random r) {
        return r.nextBoolean() ? AttributeValue.n(r.nextInt(4) - 1) : AttributeValue.s(new String[] {"", "a", "ab", "b"}[r.nextInt(4)]);
    }

    private static Item randomItem(Random r) {
        Item.Builder b = Item.builder();
        for (String name : new String[] {"a", "b", "c", "region"}) {
            if (r.nextInt(5) > 0) b.put(name, randomValue(r));
        }
        if (r.nextInt(4) > 0) {
            Map<String, AttributeValue> m = new java.util.LinkedHashMap<>();
            if (r.nextBoolean()) m.put("x", randomValue(r));
            if (r.nextBoolean()) m.put("y", randomValue(r));
            b.put("m", r.nextInt(6) == 0 ? randomValue(r) : AttributeValue.m(m));
        }
        if (r.nextInt(4) > 0) {
            List<AttributeValue> l = new ArrayList<>();
            for (int i = r.nextInt(3); i > 0; i--) l.add(randomValue(r));
            b.put("l", AttributeValue.l(l));
        }
        return b.build();
    }

    /** Builds random trees, registering each constant as a fresh placeholder. */
    private static final class Generator {
        final Random r;
        final Map<String, AttributeValue> values = new java.util.LinkedHashMap<>();

        Generator(Random r) {
            this.r = r;
        }

        String constant(AttributeValue v) {
            String ph = ":p" + values.size();
            values.put(ph, v);
            return ph;
        }

        String path() {
            return PATHS[r.nextInt(PATHS.length)];
        }

        Opd operand(boolean orderedConstant) {
            switch (r.nextInt(4)) {
                case 0: case 1: return new PathOpd(path());
                case 2: return new ValOpd(constant(orderedConstant ? orderedValue(r) : randomValue(r)));
                default: return new SizeOpd(path());
            }
        }

        Node node(int depth) {
            int choice = depth <= 0 ? r.nextInt(4) : r.nextInt(8);
            switch (choice) {
                case 0: {
                    String op = new String[] {"=", "<>", "<", "<=", ">", ">="}[r.nextInt(6)];
                    // An ordering comparison with a constant of an unorderable type does not compile (DynamoDB rejects it).
                    boolean ordering = !op.equals("=") && !op.equals("<>");
                    Opd left = operand(ordering);
                    Opd right = operand(ordering);
                    // DynamoDB rejects a comparison of a path with itself
                    return new Cmp(op, left, right.equals(left) && left instanceof PathOpd ? new ValOpd(constant(orderedValue(r))) : right);
                }
                case 1: {
                    Opd lo;
                    Opd hi;
                    if (r.nextBoolean()) {              // constant bounds: same type, in order
                        AttributeValue x = orderedValue(r);
                        AttributeValue y = x.type() == Type.N ? AttributeValue.n(r.nextInt(4) - 1) : AttributeValue.s(r.nextBoolean() ? "ab" : "b");
                        boolean swap = AttributeValue.compareKeyValues(x, y) > 0;
                        lo = new ValOpd(constant(swap ? y : x));
                        hi = new ValOpd(constant(swap ? x : y));
                    } else {
                        lo = new PathOpd(path());
                        hi = operand(true);
                    }
                    Opd value = operand(true);
                    // DynamoDB refuses a BETWEEN whose first operand is the same path as a bound.
                    if (value instanceof PathOpd && (value.equals(lo) || value.equals(hi))) value = new ValOpd(constant(orderedValue(r)));
                    return new Btw(value, lo, hi);
                }
                case 2: {
                    List<Opd> cs = new ArrayList<>();
                    for (int i = 1 + r.nextInt(3); i > 0; i--) cs.add(operand(false));
                    return new InN(operand(false), cs);
                }
                case 3: return function();
                case 4: case 5: return new AndN(node(depth - 1), node(depth - 1));
                case 6: return new OrN(node(depth - 1), node(depth - 1));
                default: return new NotN(node(depth - 1));
            }
        }

        Node function() {
            switch (r.nextInt(5)) {
                case 0: return new Fn("attribute_exists", path(), null);
                case 1: return new Fn("attribute_not_exists", path(), null);
                case 2: return new Fn("attribute_type", path(), constant(AttributeValue.s(Type.values()[r.nextInt(Type.values().length)].name())));
                case 3: return new Fn("begins_with", path(), constant(AttributeValue.s(new String[] {"", "a", "b"}[r.nextInt(3)])));
                default: return new Fn("contains", path(), constant(randomValue(r)));
            }
        }
    }

    // ------------------------------------------------------------------------------ the property

    @Test
    void compiledConditionsAgreeWithTheReferenceModel() {
        long seed = Long.getLong("expr.seed", System.nanoTime());
        Random r = new Random(seed);
        int evaluations = 0;
        for (int i = 0; i < CONDITIONS; i++) {
            Generator g = new Generator(r);
            Node tree = g.node(1 + r.nextInt(4));
            String text = print(tree, 0, r).text();
            Expressions.Builder ph = Expressions.builder().name("#r", "region");
            g.values.forEach(ph::value);
            CompiledCondition compiled;
            try {
                compiled = ExpressionCompiler.condition("ConditionExpression", text, new Placeholders(ph.build()));
            } catch (ValidationException e) {
                fail("seed " + seed + ": " + text + " did not compile: " + e.getMessage());
                return;
            }
            for (int j = 0; j < ITEMS_PER_CONDITION; j++) {
                Item item = randomItem(r);
                boolean expected = eval(tree, item, g.values);
                int n = i;
                assertEquals(expected, compiled.test(item),
                        () -> "seed " + seed + ", condition " + n + ": " + text + "\n  values " + g.values + "\n  item " + item);
                evaluations++;
            }
        }
        assertEquals(CONDITIONS * ITEMS_PER_CONDITION, evaluations);
    }

    @Test
    void printedTreesParseBackToTheSameStructure() {
        long seed = Long.getLong("expr.seed", System.nanoTime());
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            Generator g = new Generator(r);
            Node tree = g.node(3);
            String text = print(tree, 0, r).text();
            Expressions.Builder ph = Expressions.builder().name("#r", "region");
            g.values.forEach(ph::value);
            Cond parsed = ((ConditionImpl) ExpressionCompiler.condition("ConditionExpression", text,
                    new Placeholders(ph.build()))).root();
            assertEquals(shape(tree), shape(parsed), () -> "seed " + seed + ": " + text);
        }
    }

    /** The and/or/not skeleton of a model tree, flattening chains as the parser does. */
    private static String shape(Node n) {
        if (n instanceof AndN a) return "and[" + String.join(",", flat(a, AndN.class)) + "]";
        if (n instanceof OrN o) return "or[" + String.join(",", flat(o, OrN.class)) + "]";
        if (n instanceof NotN not) return "not(" + shape(not.inner()) + ")";
        return "atom";
    }

    private static List<String> flat(Node n, Class<?> kind) {
        List<String> out = new ArrayList<>();
        if (kind.isInstance(n)) {
            Node l = n instanceof AndN a ? a.left() : ((OrN) n).left();
            Node r = n instanceof AndN a2 ? a2.right() : ((OrN) n).right();
            out.addAll(flat(l, kind));
            out.addAll(flat(r, kind));
        } else {
            out.add(shape(n));
        }
        return out;
    }

    /** The same skeleton of a parsed tree; parenthesised chains of one operator flatten (it is associative). */
    private static String shape(Cond c) {
        if (c instanceof Cond.And a) return "and[" + String.join(",", flat(a.parts(), Cond.And.class)) + "]";
        if (c instanceof Cond.Or o) return "or[" + String.join(",", flat(o.parts(), Cond.Or.class)) + "]";
        if (c instanceof Cond.Not not) return "not(" + shape(not.inner()) + ")";
        return "atom";
    }

    private static List<String> flat(Cond[] parts, Class<?> kind) {
        List<String> out = new ArrayList<>();
        for (Cond p : parts) {
            if (kind.isInstance(p)) {
                out.addAll(flat(p instanceof Cond.And a ? a.parts() : ((Cond.Or) p).parts(), kind));
            } else {
                out.add(shape(p));
            }
        }
        return out;
    }
}
