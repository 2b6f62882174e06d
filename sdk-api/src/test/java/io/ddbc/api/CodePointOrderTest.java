package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast char-based string order must equal DynamoDB's order: unsigned UTF-8 bytes. */
class CodePointOrderTest {
    private static final int[] INTERESTING = {0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};

    @Test
    void agreesWithUtf8ByteOrderOnRandomStrings() {
        long seed = Long.getLong("ddbc.seed", 20261123L);
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            String a = randomString(r);
            String b = r.nextInt(4) == 0 ? a + randomString(r) : randomString(r);
            int expected = Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, Integer.signum(AttributeValue.compareCodePoints(a, b)),
                    "seed " + seed + ": '" + a + "' vs '" + b + "'");
        }
    }

    private static String randomString(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(4);
        for (int i = 0; i < len; i++) {
            int cp = r.nextBoolean() ? INTERESTING[r.nextInt(INTERESTING.length)] : r.nextInt(0x110000);
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xE000;   // lone surrogates are not valid characters
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
