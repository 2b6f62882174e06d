package io.ddbc.embedded.internal.expr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A coarse guard on evaluation speed (the precise figure belongs to the JMH suite): a typical
 * compiled condition on a 10-attribute item must average well under a microsecond. The bound
 * asserted is loose (5 µs) because the machine is shared; the measured figure is printed.
 */
class EvaluationSpeedTest {

    @Test
    void conditionOnTenAttributeItemIsSubMicrosecond() {
        Item item = Item.builder()
                .put("id", "user#1").put("sk", "2024-05-01").put("balance", 500).put("status", "active")
                .put("tags", java.util.Set.of("vip", "eu")).put("n1", 1).put("n2", 2).put("s1", "x")
                .put("m", Map.of("city", "Paris", "zip", "75001")).put("l", List.of(1, 2, 3))
                .build();
        CompiledCondition c = ExpressionCompiler.condition("ConditionExpression",
                "attribute_exists(id) AND #s = :active AND balance >= :min AND m.city = :city AND NOT contains(tags, :banned)",
                Fixtures.ph("#s", "status", ":active", "active", ":min", 100, ":city", "Paris", ":banned", "blocked"));
        int rounds = 200_000;
        long best = Long.MAX_VALUE;
        int hits = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                if (c.test(item)) hits++;
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        double nsPerTest = (double) best / rounds;
        System.out.printf("compiled condition: %.1f ns per test%n", nsPerTest);
        assertTrue(hits == 5 * rounds, "the condition holds for the item");
        assertTrue(nsPerTest < 5_000, "evaluation took " + nsPerTest + " ns");
    }

    @Test
    void compilingAndApplyingAnUpdateIsCheap() {
        Item item = Item.of("id", "k", "balance", 500, "count", 1, "tags", java.util.Set.of("a"));
        int rounds = 20_000;
        long best = Long.MAX_VALUE;
        long bestApply = Long.MAX_VALUE;
        Item last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            long start = System.nanoTime();
            CompiledUpdate u = null;
            for (int i = 0; i < rounds; i++) {
                u = ExpressionCompiler.update("SET balance = balance + :d, #c = if_not_exists(#c, :zero) + :one ADD tags :t",
                        Fixtures.ph(":d", 5, "#c", "count", ":zero", 0, ":one", 1, ":t", java.util.Set.of("b")));
            }
            best = Math.min(best, System.nanoTime() - start);
            start = System.nanoTime();
            for (int i = 0; i < rounds; i++) last = u.apply(item);
            bestApply = Math.min(bestApply, System.nanoTime() - start);
        }
        System.out.printf("update: compile %.0f ns, apply %.0f ns%n", (double) best / rounds, (double) bestApply / rounds);
        assertTrue(last.getInt("balance") == 505 && last.getInt("count") == 2, "the update was applied: " + last);
        assertTrue(best / rounds < 200_000, "compiling took " + best / rounds + " ns");
    }
}
