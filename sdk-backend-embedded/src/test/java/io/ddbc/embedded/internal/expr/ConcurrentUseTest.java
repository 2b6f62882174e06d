package io.ddbc.embedded.internal.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbc.api.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Compiled expressions are shared by every thread of the engine; they must give the same answers under contention. */
class ConcurrentUseTest {

    @Test
    void compiledExpressionsAreSafeToShare() throws Exception {
        CompiledCondition cond = Fixtures.cond("n >= :lo AND begins_with(s, :p)", ":lo", 10, ":p", "ab");
        CompiledUpdate update = ExpressionCompiler.update("SET n = n + :one REMOVE s", Fixtures.ph(":one", 1));
        CompiledProjection projection = ExpressionCompiler.projection("n, m.x", Fixtures.ph());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    int matches = 0;
                    for (int i = 0; i < 20_000; i++) {
                        Item item = Item.of("n", i % 20 + offset, "s", i % 2 == 0 ? "abc" : "xyz", "m", java.util.Map.of("x", i));
                        if (cond.test(item)) matches++;
                        Item next = update.apply(item);
                        if (next.getInt("n") != i % 20 + offset + 1 || next.has("s")) throw new AssertionError("bad update " + next);
                        if (projection.apply(item).getItem("m").getInt("x") != i) throw new AssertionError("bad projection");
                    }
                    return matches;
                }));
            }
            for (int t = 0; t < 4; t++) {
                // n = i % 20 + t >= 10 and s = "abc" (even i): count over 20,000 values of i
                int expected = 0;
                for (int i = 0; i < 20_000; i++) {
                    if (i % 2 == 0 && i % 20 + t >= 10) expected++;
                }
                assertEquals(expected, results.get(t).get(60, TimeUnit.SECONDS), "thread " + t);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
