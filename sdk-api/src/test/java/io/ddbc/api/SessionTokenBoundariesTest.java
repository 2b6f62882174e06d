package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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
            SessionToken t = SessionToken.empty("s" + "x".repeat(Math.max(0, label - 1)), label == 0 ? null : "r".repeat(label));
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

    // ------------------------------------------------------------- survivors of the mutation run (RELIABILITY.md)

    private static int bucketOf(String table, Key key) {
        return (int) Long.remainderUnsigned(SessionToken.keyHash(table, key), SessionToken.BUCKETS);
    }

    /** The first key id{from..} of table t whose bucket is (or is not) {@code bucket}. */
    private static Key keyIn(int bucket, boolean same, int from) {
        for (int i = from; ; i++) {
            Key k = Key.of("id", "k" + i);
            if ((bucketOf("t", k) == bucket) == same) return k;
        }
    }

    @Test
    void sixteenExactVersionsStayExactAndAFoldedBucketTouchesOnlyItsOwnKeys() {
        Key high = Key.of("id", "high");
        int b = bucketOf("t", high);
        SessionToken t = SessionToken.empty("embedded", null).withVersion("t", high, 1000);
        for (int i = 0; i < SessionToken.MAX_EXACT_VERSIONS; i++) t = t.withVersion("t", Key.of("id", "filler" + i), 1);
        assertEquals(1000, t.knownVersion("t", high), "folded: its bucket's bound");
        // An unseen key of another bucket is not touched by that bound (all keys in one bucket would be).
        assertEquals(0, t.knownVersion("t", keyIn(b, false, 0)));
        // 16 newer keys, the first in the same bucket as "high": all 16 are kept exactly (not 15).
        Key first = keyIn(b, true, 0);
        t = t.withVersion("t", first, 1);
        for (int i = 1; i < SessionToken.MAX_EXACT_VERSIONS; i++) t = t.withVersion("t", Key.of("id", "newer" + i), 2);
        assertEquals(1, t.knownVersion("t", first), "the 16th newest key is exact, not its bucket's 1000");
    }

    @Test
    void keysDifferingOnlyInSortKeyOrNumberAreDistinct() {
        SessionToken t = SessionToken.empty("embedded", null).withVersion("t", Key.of("pk", "a", "sk", 1), 5);
        assertEquals(0, t.knownVersion("t", Key.of("pk", "a", "sk", 2)), "the sort key is part of the identity");
        SessionToken n = SessionToken.empty("embedded", null).withVersion("t", Key.of("id", 1), 5);
        assertEquals(0, n.knownVersion("t", Key.of("id", 2)), "numbers are told apart");
        assertEquals(0, n.knownVersion("t", Key.of("id", 0)), "zero is told apart from other numbers");
        assertEquals(5, n.knownVersion("t", Key.of("id", new java.math.BigDecimal("1.00"))), "1.00 is 1");
    }

    @Test
    void tokensWithOnlyHugeVersionsOrOnlyHugePositionsFitTheirBound() {
        String scope = "s".repeat(SessionToken.MAX_LABEL_BYTES);
        String region = "r".repeat(SessionToken.MAX_LABEL_BYTES);
        SessionToken versions = SessionToken.empty(scope, region);
        SessionToken positions = SessionToken.empty(scope, region);
        for (int i = 0; i < 200; i++) {
            versions = versions.withVersion("t", Key.of("id", i), Long.MAX_VALUE - i);
            positions = positions.withPositions(Positions.of("p" + i, Long.MAX_VALUE - 2 - i));
        }
        assertTrue(versions.sign(SECRET).serialize().length() <= SessionToken.MAX_SERIALIZED_LENGTH, "versions only");
        assertTrue(positions.sign(SECRET).serialize().length() <= SessionToken.MAX_SERIALIZED_LENGTH, "positions only");
    }

    @Test
    void theSignedLengthEstimateIsExact() throws Exception {
        java.lang.reflect.Method signedLength = SessionToken.class.getDeclaredMethod("signedLength");
        signedLength.setAccessible(true);
        SessionToken t = SessionToken.empty("embedded", "eu-west-1");
        for (int i = 0; i < 60; i++) {
            t = t.withVersion("t", Key.of("id", i), (long) i * i * i * 977).withPositions(Positions.of("p" + i, (long) i << (i % 50)));
            assertEquals(t.sign(SECRET).serialize().length(), (int) signedLength.invoke(t), "after " + i);
        }
    }

    @Test
    void aTokenOfExactlyTheBoundIsNotRefusedForItsLength() {
        String atBound = "v1." + "A".repeat(SessionToken.MAX_SERIALIZED_LENGTH - 3);
        SessionTokenException e = assertThrows(SessionTokenException.class, () -> SessionToken.parse(atBound));
        assertTrue(!e.getMessage().contains("at most"), "1024 characters are allowed: " + e.getMessage());
        SessionTokenException over = assertThrows(SessionTokenException.class, () -> SessionToken.parse(atBound + "A"));
        assertTrue(over.getMessage().contains("1025 characters"), over.getMessage());
    }

    @Test
    void equalityHashAndToStringTellTokensApart() {
        SessionToken a = SessionToken.empty("embedded", null).withVersion("t", Key.of("id", 1), 1);
        assertTrue(!a.equals(a.withVersion("t", Key.of("id", 1), 2)));
        assertTrue(!a.equals("a string"));
        assertSame(a, a.withPositions(Positions.NONE), "no positions: the same token");
        assertTrue(a.sign(SECRET).toString().contains("signed"), a.sign(SECRET).toString());
        assertTrue(SessionToken.empty("embedded", "eu-west-1").toString().contains("@eu-west-1"));
        assertTrue(!Positions.of("p", 1).equals(Positions.of("p", 2)));
        assertTrue(Positions.of("p", 1).merge(Positions.ofHashed(java.util.Map.of(), 3)).toString().contains("floor=3"));
    }

    @Test
    void aFloorOfZeroIsARequirement() {
        Positions zero = Positions.ofHashed(java.util.Map.of(), 0);
        assertTrue(!zero.isEmpty(), "floor 0 requires position 0");
        assertEquals(0, zero.floor());
        assertEquals(0, Positions.of("p", 5).merge(zero).required("other"));
    }

    @Test
    void partitionHashesAreTheFirstEightBytesOfSha256() throws Exception {
        // Tokens cross processes and ddbc versions: the hash is part of the format.
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest("accounts#1".getBytes(StandardCharsets.UTF_8));
        assertEquals(java.nio.ByteBuffer.wrap(d, 0, 8).getLong(), Positions.hash("accounts#1"));
    }
}
