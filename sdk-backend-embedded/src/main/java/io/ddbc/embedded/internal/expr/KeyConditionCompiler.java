package io.ddbc.embedded.internal.expr;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compiles key condition expressions: parsed with the condition grammar, then restricted to
 * {@code pk = :v} and optionally {@code AND} one sort key condition, in either order.
 */
final class KeyConditionCompiler {
    static final String KIND = "KeyConditionExpression";

    private KeyConditionCompiler() {
    }

    static CompiledKeyCondition compile(String text, Placeholders placeholders) {
        Cond root = new ConditionParser(KIND, text, placeholders).parse();
        List<Cond> parts = new ArrayList<>();
        flatten(root, parts);
        List<SortKeyCondition> conditions = new ArrayList<>();
        for (Cond c : parts) {
            SortKeyCondition k = keyPart(c);
            for (SortKeyCondition earlier : conditions) {
                if (earlier.attribute().equals(k.attribute())) {
                    throw ExprErrors.invalid(KIND, "KeyConditionExpressions must only contain one condition per key");
                }
            }
            conditions.add(k);
        }
        if (conditions.size() > 2) throw new ValidationException("Conditions can be of length 1 or 2 only");
        SortKeyCondition first = conditions.get(0);
        if (conditions.size() == 1) {
            if (first.op() != SortKeyCondition.Op.EQ) throw new ValidationException("Query key condition not supported");
            return new Impl(first, null, false);
        }
        SortKeyCondition second = conditions.get(1);
        if (first.op() == SortKeyCondition.Op.EQ) return new Impl(first, second, second.op() == SortKeyCondition.Op.EQ);
        if (second.op() == SortKeyCondition.Op.EQ) return new Impl(second, first, false);
        throw new ValidationException("Query key condition not supported");
    }

    private static void flatten(Cond c, List<Cond> out) {
        if (c instanceof Cond.And and) {
            for (Cond part : and.parts()) flatten(part, out);
        } else if (c instanceof Cond.Or) {
            throw invalidOperator("OR");
        } else if (c instanceof Cond.Not) {
            throw invalidOperator("NOT");
        } else {
            out.add(c);
        }
    }

    /** One condition on one key attribute, in the shape SortKeyCondition records (EQ for the partition key). */
    private static SortKeyCondition keyPart(Cond c) {
        if (c instanceof Cond.Compare cmp) {
            if (cmp.op() == Comparator.NE) throw invalidOperator("<>");
            Operand left = cmp.left();
            Operand right = cmp.right();
            SortKeyCondition.Op op = SortKeyCondition.Op.valueOf(cmp.op().name());
            if (!(left instanceof Operand.Path) && right instanceof Operand.Path) {   // ":v < sk" reads "sk > :v"
                left = cmp.right();
                right = cmp.left();
                op = mirrored(op);
            }
            String key = keyName(left, right);
            return new SortKeyCondition(key, op, constant(right), null);
        }
        if (c instanceof Cond.Between b) {
            if (!(b.value() instanceof Operand.Path)) throw firstOperandNotKey("BETWEEN", b.value());
            String key = keyName(b.value(), b.lower(), b.upper());
            return new SortKeyCondition(key, SortKeyCondition.Op.BETWEEN, constant(b.lower()), constant(b.upper()));
        }
        if (c instanceof Cond.BeginsWith bw) {
            if (!(bw.value() instanceof Operand.Path)) throw firstOperandNotKey("begins_with", bw.value());
            String key = keyName(bw.value(), bw.prefix());
            return new SortKeyCondition(key, SortKeyCondition.Op.BEGINS_WITH, constant(bw.prefix()), null);
        }
        if (c instanceof Cond.In) throw invalidOperator("IN");
        if (c instanceof Cond.Exists) throw invalidOperator("attribute_exists");
        if (c instanceof Cond.NotExists) throw invalidOperator("attribute_not_exists");
        if (c instanceof Cond.TypeIs) throw invalidOperator("attribute_type");
        throw invalidOperator("contains");
    }

    private static SortKeyCondition.Op mirrored(SortKeyCondition.Op op) {
        switch (op) {
            case LT: return SortKeyCondition.Op.GT;
            case LE: return SortKeyCondition.Op.GE;
            case GT: return SortKeyCondition.Op.LT;
            case GE: return SortKeyCondition.Op.LE;
            default: return op;
        }
    }

    /** The one key attribute among a condition's operands; the others must be values. */
    private static String keyName(Operand... operands) {
        String key = null;
        for (Operand o : operands) {
            if (o instanceof Operand.Size) throw new ValidationException("KeyConditionExpressions cannot contain nested operations");
            if (o instanceof Operand.Path p) {
                if (key != null) throw invalidCondition("Multiple attribute names used in one condition");
                if (p.path().length() > 1) {
                    throw new ValidationException("KeyConditionExpressions cannot have conditions on nested attributes");
                }
                key = p.path().top();
            }
        }
        if (key == null) throw invalidCondition("No key attribute specified");
        return key;
    }

    private static AttributeValue constant(Operand o) {
        return ((Operand.Constant) o).value();      // keyName has made sure every other operand is a value
    }

    private static ValidationException firstOperandNotKey(String operator, Operand first) {
        if (first instanceof Operand.Size) return new ValidationException("KeyConditionExpressions cannot contain nested operations");
        return invalidCondition(operator + " operator must have the key attribute as its first operand");
    }

    private static ValidationException invalidCondition(String detail) {
        return new ValidationException("Invalid condition in KeyConditionExpression: " + detail);
    }

    private static ValidationException invalidOperator(String operator) {
        return new ValidationException("Invalid operator used in KeyConditionExpression: " + operator);
    }

    /** The compiled form; {@code ambiguous} when both parts are equalities and so may be read either way. */
    private record Impl(SortKeyCondition partition, SortKeyCondition sort, boolean ambiguous) implements CompiledKeyCondition {
        @Override
        public String partitionKeyName() {
            return partition.attribute();
        }

        @Override
        public AttributeValue partitionValue() {
            return partition.value();
        }

        @Override
        public Optional<SortKeyCondition> sortCondition() {
            return Optional.ofNullable(sort);
        }

        @Override
        public Optional<CompiledKeyCondition> swapped() {
            return ambiguous ? Optional.of(new Impl(sort, partition, true)) : Optional.empty();
        }
    }
}
