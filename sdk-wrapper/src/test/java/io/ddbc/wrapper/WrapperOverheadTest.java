package io.ddbc.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbc.aws.testing.DynamoDbLocalExtension;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The wrapper's overhead over the bare client on DynamoDB Local: the same put + eventual get pair through
 * the raw client and through {@link DdbcDynamoDbClient} wrapping it (versioned table, so every get runs the
 * session's version comparison), interleaved pair by pair so the shared machine's load hits both alike;
 * medians compared. Prints the figures, asserts only that the work was done and that no read was upgraded
 * (DynamoDB Local is never stale). Larger runs: {@code -Dtest=WrapperOverheadTest -Dddbc.bench.pairs=5000}.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class WrapperOverheadTest {
    @Test
    void rawClientVersusWrapper(DynamoDbClient local) {
        compare("DynamoDB Local over HTTP", local, Integer.getInteger("ddbc.bench.pairs", 600));
    }

    /** Over the in-process engine facade the network is gone: what remains is the wrapper's own CPU cost. */
    @Test
    void wrapperCpuCostOverTheInProcessEngine() {
        try (EmbeddedDynamoDbClient embedded = EmbeddedDynamoDbClient.over(io.ddbc.embedded.EmbeddedBackend.inMemory(4))) {
            compare("in-process engine (wrapper CPU only)", embedded, Integer.getInteger("ddbc.bench.pairs", 600) * 10);
        }
    }

    private static void compare(String what, DynamoDbClient local, int pairs) {
        String table = "overhead_" + System.nanoTime();
        local.createTable(b -> b.tableName(table).billingMode("PAY_PER_REQUEST").keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
        DdbcDynamoDbClient wrapped = DdbcDynamoDbClient.wrap(local, WrapperOptions.builder().versionAttribute(table, "v").build());
        for (int i = 0; i < 200; i++) { // warm-up
            pair(local, table, "w" + i, i);
            pair(wrapped, table, "w" + i, i);
        }
        long[] raw = new long[pairs];
        long[] wrap = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            boolean rawFirst = i % 2 == 0;
            // Versions above the warm-up's: a session token folds old keys into buckets holding their highest
            // version, and a new key below its bucket's maximum would be (needlessly) read strongly.
            long v = 1_000 + i;
            if (rawFirst) raw[i] = pair(local, table, "r" + i, v);
            wrap[i] = pair(wrapped, table, "p" + i, v);
            if (!rawFirst) raw[i] = pair(local, table, "r" + i, v);
        }
        double rawMedian = median(raw) / 1e3;
        double wrapMedian = median(wrap) / 1e3;
        System.out.printf(Locale.ROOT, "[overhead] %s, %d interleaved put+get pairs: raw %.1f us, wrapper %.1f us per pair (%+.1f%%)%n",
                what, pairs, rawMedian, wrapMedian, (wrapMedian / rawMedian - 1) * 100);
        assertEquals(0, wrapped.stats().upgrades());
    }

    /** One put and one eventual get of the same key; nanoseconds. */
    private static long pair(DynamoDbClient c, String table, String id, long v) {
        long start = System.nanoTime();
        c.putItem(b -> b.tableName(table).item(Map.of("id", AttributeValue.fromS(id), "v", AttributeValue.fromN(Long.toString(v + 1)),
                "pad", AttributeValue.fromS("x".repeat(100)))));
        var got = c.getItem(b -> b.tableName(table).key(Map.of("id", AttributeValue.fromS(id))));
        long t = System.nanoTime() - start;
        assertEquals(Long.toString(v + 1), got.item().get("v").n());
        return t;
    }

    private static double median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
