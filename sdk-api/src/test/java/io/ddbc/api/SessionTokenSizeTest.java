package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The allocation-free size the token uses for its bound must equal the real encoding's size. */
class SessionTokenSizeTest {

    @Test
    void computedSizeEqualsEncodedSizeAcrossRandomTokens() {
        long seed = Long.getLong("ddbc.seed", 7L);
        SplittableRandom r = new SplittableRandom(seed);
        SessionToken t = SessionToken.empty("embedded:mem:é-" + seed, r.nextBoolean() ? "eu-west-1" : null);
        for (int i = 0; i < 2_000; i++) {
            if (r.nextBoolean()) {
                t = t.withVersion("tbl" + r.nextInt(5), Key.of("id", "k" + r.nextInt(200)), r.nextLong(1L << r.nextInt(62)));
            } else {
                t = t.withPositions(Positions.of("tbl#" + r.nextInt(40), r.nextLong(1L << r.nextInt(62))));
            }
            assertEquals(serializedBytes(t), t.unsignedEncodedSize(), "seed " + seed + " step " + i);
        }
    }

    /** The bytes an unsigned token really serializes to (behind the "v1." prefix). */
    private static int serializedBytes(SessionToken t) {
        return java.util.Base64.getUrlDecoder().decode(t.serialize().substring(t.serialize().indexOf('.') + 1)).length;
    }
}
