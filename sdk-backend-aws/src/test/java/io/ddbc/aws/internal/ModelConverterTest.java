package io.ddbc.aws.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

class ModelConverterTest {

    @Test
    void numbersTravelAsTheirText() {
        for (String text : List.of("1.50", "-0.000", "1E+3", "12345678901234567890123456789012345678", "-1e-130")) {
            assertEquals(text, ModelConverter.toSdk(AttributeValue.n(text)).n());
            assertEquals(text, ModelConverter.fromSdk(software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(text)).numberText());
        }
    }

    @Test
    void setsKeepElementOrderAndBinaryKeepsBytes() {
        var ns = ModelConverter.toSdk(AttributeValue.ns(List.of("3", "1.0", "2")));
        assertEquals(List.of("3", "1.0", "2"), ns.ns());
        var bs = ModelConverter.toSdk(AttributeValue.bs(List.of(new byte[] {9}, new byte[] {0, -1})));
        assertArrayEquals(new byte[] {0, -1}, bs.bs().get(1).asByteArray());
        AttributeValue back = ModelConverter.fromSdk(software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromSs(List.of("z", "a")));
        assertEquals(List.of("z", "a"), new ArrayList<>(back.ss()));
        assertArrayEquals(new byte[] {1, 2}, ModelConverter.fromSdk(
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2}))).b());
    }

    @Test
    void nullAndEmptyValues() {
        assertEquals(Boolean.TRUE, ModelConverter.toSdk(AttributeValue.nul()).nul());
        assertEquals(AttributeValue.nul(), ModelConverter.fromSdk(software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNul(true)));
        assertEquals(AttributeValue.l(List.of()), roundTrip(AttributeValue.l(List.of())));
        assertEquals(AttributeValue.m(Map.of()), roundTrip(AttributeValue.m(Map.of())));
        assertEquals(AttributeValue.s(""), roundTrip(AttributeValue.s("")));
        assertNull(ModelConverter.itemOrNull(Map.of()));
        assertNull(ModelConverter.itemOrNull(null));
    }

    @Test
    void valueWithoutTypeIsRejected() {
        assertThrows(ValidationException.class,
                () -> ModelConverter.fromSdk(software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder().build()));
    }

    @Test
    void keysAndItems() {
        Key k = Key.of("pk", "a", "sk", 5);
        assertEquals(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("a"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("5")), ModelConverter.toSdk(k));
        Item item = Item.of("pk", "a", "deep", List.of(Map.of("x", List.of(1, 2))));
        assertEquals(item, ModelConverter.itemOrNull(ModelConverter.toSdk(item)));
    }

    /** Random nested values of every type survive ddbc -> SDK -> ddbc. */
    @Test
    void randomValuesRoundTrip() {
        long seed = Long.getLong("seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            AttributeValue v = random(random, 0);
            assertEquals(v, roundTrip(v), "seed=" + seed + " value " + i);
            if (v.type() == AttributeValue.Type.N) assertEquals(v.numberText(), roundTrip(v).numberText(), "seed=" + seed);
        }
    }

    private static AttributeValue roundTrip(AttributeValue v) {
        return ModelConverter.fromSdk(ModelConverter.toSdk(v));
    }

    private static AttributeValue random(Random r, int depth) {
        int kind = r.nextInt(depth > 3 ? 8 : 10);
        switch (kind) {
            case 0: return AttributeValue.s(Long.toString(r.nextLong(), 36));
            case 1: return AttributeValue.n(r.nextInt(1000) + "." + r.nextInt(100) + "0");
            case 2: {
                byte[] b = new byte[r.nextInt(5)];
                r.nextBytes(b);
                return AttributeValue.b(b);
            }
            case 3: return AttributeValue.bool(r.nextBoolean());
            case 4: return AttributeValue.nul();
            case 5: return AttributeValue.ss(List.of("a" + r.nextInt(10), "b" + r.nextInt(10)));
            case 6: return AttributeValue.ns(List.of(Integer.toString(r.nextInt(10)), "1" + r.nextInt(10) + ".5"));
            case 7: return AttributeValue.bs(List.of(new byte[] {(byte) r.nextInt(10)}, new byte[] {(byte) (20 + r.nextInt(10)), 1}));
            case 8: {
                List<AttributeValue> l = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) l.add(random(r, depth + 1));
                return AttributeValue.l(l);
            }
            default: {
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) m.put("k" + i, random(r, depth + 1));
                return AttributeValue.m(m);
            }
        }
    }
}
