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
        if (parts.size() > 2) throw new ValidationException("Conditions can be of length 1 or 2 only");
        List<SortKeyCondition> conditions = new ArrayList<>();
        for (Cond c : parts) conditions.add(keyPart(c));
        if (conditions.size() == 1) {
            SortKeyCondition only = conditions.get(0);
            if (only.op() != SortKeyCondition.Op.EQ) throw new ValidationException("Query key condition not supported");
            return new Impl(only, null, false);
        }
        SortKeyCondition first = conditions.get(0);
        SortKeyCondition second = conditions.get(1);
        if (first.attribute().equals(second.attribute())) {
            throw new ValidationException("KeyConditionExpressions must only contain one condition per key");
        }
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
            return new SortKeyCondition(keyName(cmp.left()), SortKeyCondition.Op.valueOf(cmp.op().name()), constant(cmp.right()), null);
        }
        if (c instanceof Cond.Between b) {
            return new SortKeyCondition(keyName(b.value()), SortKeyCondition.Op.BETWEEN, constant(b.lower()), constant(b.upper()));
        }
        if (c instanceof Cond.BeginsWith bw) {
            return new SortKeyCondition(keyName(bw.value()), SortKeyCondition.Op.BEGINS_WITH, constant(bw.prefix()), null);
        }
        if (c instanceof Cond.In) throw invalidOperator("IN");
        if (c instanceof Cond.Exists) throw invalidOperator("attribute_exists");
        if (c instanceof Cond.NotExists) throw invalidOperator("attribute_not_exists");
        if (c instanceof Cond.TypeIs) throw invalidOperator("attribute_type");
        throw invalidOperator("contains");
    }

    private static String keyName(Operand o) {
        if (!(o instanceof Operand.Path p)) throw new ValidationException("Query key condition not supported");
        if (p.path().length() > 1) {
            throw new ValidationException("KeyConditionExpressions cannot have conditions on nested attributes");
        }
        return p.path().top();
    }

    private static AttributeValue constant(Operand o) {
        if (!(o instanceof Operand.Constant c)) throw new ValidationException("Query key condition not supported");
        return c.value();
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
