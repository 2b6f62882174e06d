package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The edges of the token format and of its bounds, where an off-by-one either accepts a forged token (and
 * fails later with an exception that is not a {@link SessionTokenException}) or refuses a token ddbc wrote
 * itself. Written after a mutation-testing audit found these edges untested (RELIABILITY.md).
 */
class SessionTokenBoundariesTest {

    private static final byte[] SECRET = "boundary-secret".getBytes(StandardCharsets.UTF_8);

    /** A hand-made token body: counts of exact positions, exact versions and buckets as given. */
    private static String forged(int positions, int versions, int[] bucketIndexes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] scope = "embedded".getBytes(StandardCharsets.UTF_8);
        out.write(scope.length);
        out.write(scope, 0, scope.length);
        out.write(0);                                    // region ""
        out.write(positions);
        for (int i = 0; i < positions; i++) {
            out.write(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) i}, 0, 8);
            out.write(5);                                // position 4
        }
        out.write(0);                                    // floor -1
        out.write(versions);
        for (int i = 0; i < versions; i++) {
            out.write(new byte[] {1, 0, 0, 0, 0, 0, 0, (byte) i}, 0, 8);
            out.write(3);                                // version 3
        }
        out.write(bucketIndexes.length);
        for (int idx : bucketIndexes) {
            out.write(idx);
            out.write(7);                                // bucket bound 7
        }
        out.write(0);                                    // unsigned
        return "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    private static int[] indexes(int from, int count) {
        int[] a = new int[count];
        for (int i = 0; i < count; i++) a[i] = from + i;
        return a;
    }

    @Test
    void countsUpToTheBoundParseAndOneMoreIsRefusedByName() {
        SessionToken full = SessionToken.parse(forged(SessionToken.MAX_EXACT_POSITIONS, SessionToken.MAX_EXACT_VERSIONS,
                indexes(0, SessionToken.BUCKETS)));
        assertEquals(SessionToken.MAX_EXACT_POSITIONS, full.positions().asHashedMap().size());
        assertEquals(full, SessionToken.parse(full.serialize()), "a token at every bound round-trips");

        SessionTokenException p = assertThrows(SessionTokenException.class,
                () -> SessionToken.parse(forged(SessionToken.MAX_EXACT_POSITIONS + 1, 0, new int[0])));
        assertTrue(p.getMessage().contains("claims 17 positions"), p.getMessage());
        SessionTokenException v = assertThrows(SessionTokenException.class,
                () -> SessionToken.parse(forged(0, SessionToken.MAX_EXACT_VERSIONS + 1, new int[0])));
        assertTrue(v.getMessage().contains("claims 17 versions"), v.getMessage());
        SessionTokenException b = assertThrows(SessionTokenException.class,
                () -> SessionToken.parse(forged(0, 0, indexes(0, SessionToken.BUCKETS + 1))));
        assertTrue(b.getMessage().contains("claims 33 buckets"), b.getMessage());
    }

    @Test
    void theLastBucketIndexParsesAndTheNextIsRefusedAsOutOfRange() {
        SessionToken last = SessionToken.parse(forged(0, 0, new int[] {SessionToken.BUCKETS - 1}));
        assertEquals(last, SessionToken.parse(last.serialize()));
        // Index 32 would otherwise write past the bucket array: an ArrayIndexOutOfBoundsException, not a token error.
        SessionTokenException e = assertThrows(SessionTokenException.class,
                () -> SessionToken.parse(forged(0, 0, new int[] {SessionToken.BUCKETS})));
        assertTrue(e.getMessage().contains("bucket index 32 out of range"), e.getMessage());
    }

    @Test
    void aMergeWhoseRegionListOutgrowsTheLabelBoundIsRefused() {
        // Each side's list fits (withRegion checks it), their union does not: merge must check it too, or the
        // merged token could not be serialized within its bound.
        SessionToken a = SessionToken.empty("g", null);
        SessionToken b = SessionToken.empty("g", null);
        for (int i = 0; i < 5; i++) {
            a = a.withRegion("region-number-a" + i);
            b = b.withRegion("region-number-b" + i);
        }
        SessionToken left = a;
        SessionToken right = b;
        SessionTokenException e = assertThrows(SessionTokenException.class, () -> left.merge(right));
        assertTrue(e.getMessage().contains("region list"), e.getMessage());
    }

    @Test
    void aSignedTokenAtTheBoundFitsAndIsNotFoldedMoreThanNeeded() {
        // Compaction folds until the token fits *as if signed*. Too small an estimate lets sign() push the token
        // over its bound; too large folds entries that would have fit (reads then upgrade needlessly).
        for (int label = 0; label <= SessionToken.MAX_LABEL_BYTES; label += 8) {
            SessionToken t = SessionToken.empty("s" + "x".repeat(label), label == 0 ? null : "r".repeat(label));
            for (int i = 0; i < 40; i++) {
                t = t.withVersion("t", Key.of("id", i), Long.MAX_VALUE - i).withPositions(Positions.of("p" + i, Long.MAX_VALUE - 2 - i));
            }
            int signed = t.sign(SECRET).serialize().length();
            assertTrue(signed <= SessionToken.MAX_SERIALIZED_LENGTH, "label " + label + ": signed token of " + signed + " chars");
            // 40 huge entries never fit: compaction folded, one exact position and one exact version (at most 36
            // bytes, 48 characters) per round, so it stops within 48 characters of the bound.
            assertTrue(signed > SessionToken.MAX_SERIALIZED_LENGTH - 48,
                    "label " + label + ": folded down to " + signed + " chars though more would have fit");
            assertEquals(Long.MAX_VALUE - 39, t.knownVersion("t", Key.of("id", 39)), "label " + label + ": the newest key stays exact");
        }
    }
}
