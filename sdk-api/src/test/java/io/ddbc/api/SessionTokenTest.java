package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionTokenTest {

    private static final byte[] SECRET = "s3cret-key".getBytes(StandardCharsets.UTF_8);

    private static SessionToken sample() {
        return SessionToken.empty("embedded", "eu-west-1")
                .withVersion("accounts", Key.of("id", "alice"), 7)
                .withVersion("orders", Key.of("pk", 1, "sk", new byte[] {1, 2}), 3)
                .withPositions(Positions.of("accounts#1", 42).merge(Positions.of("accounts#2", 40)));
    }

    private static byte[] bytesOf(String token) {
        return Base64.getUrlDecoder().decode(token.substring(3));
    }

    private static String tokenOf(byte[] bytes) {
        return "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void assertRejected(String text, String... messageParts) {
        SessionTokenException e = assertThrows(SessionTokenException.class, () -> SessionToken.parse(text));
        for (String p : messageParts) assertTrue(e.getMessage().toLowerCase().contains(p), "'" + p + "' missing in: " + e.getMessage());
    }

    @Test
    void emptyTokenKnowsNothing() {
        SessionToken t = SessionToken.empty("aws:eu-west-1", null);
        assertEquals(0, t.knownVersion("accounts", Key.of("id", "x")));
        assertTrue(t.positions().isEmpty());
        assertFalse(t.isSigned());
        assertNull(t.region());
        assertEquals(t, SessionToken.parse(t.serialize()));
    }

    @Test
    void recordsVersionsAndPositions() {
        SessionToken t = sample();
        assertEquals(7, t.knownVersion("accounts", Key.of("id", "alice")));
        assertEquals(3, t.knownVersion("orders", Key.of("pk", 1, "sk", new byte[] {1, 2})));
        assertEquals(0, t.knownVersion("accounts", Key.of("id", "bob")));
        assertEquals(0, t.knownVersion("other_table", Key.of("id", "alice")), "the table is part of the identity");
        assertEquals(42, t.positions().required("accounts#1"));
    }

    @Test
    void keysEqualByDynamoDbRulesShareTheirVersion() {
        SessionToken t = SessionToken.empty("embedded", null).withVersion("t", Key.of("n", 1), 4);
        assertEquals(4, t.knownVersion("t", Key.of("n", new java.math.BigDecimal("1.00"))));
    }

    @Test
    void versionsOnlyRise() {
        Key k = Key.of("id", "a");
        SessionToken t = SessionToken.empty("embedded", null).withVersion("t", k, 9).withVersion("t", k, 4);
        assertEquals(9, t.knownVersion("t", k));
    }

    @Test
    void serializeParseRoundTrip() {
        SessionToken t = sample();
        String text = t.serialize();
        assertTrue(text.startsWith("v1."), text);
        assertTrue(text.matches("v1\\.[A-Za-z0-9_-]+"), "URL-safe: " + text);
        SessionToken back = SessionToken.parse(text);
        assertEquals(t, back);
        assertEquals(t.hashCode(), back.hashCode());
        assertEquals("embedded", back.scope());
        assertEquals("eu-west-1", back.region());
        assertEquals(7, back.knownVersion("accounts", Key.of("id", "alice")));
        assertEquals(40, back.positions().required("accounts#2"));
        assertEquals(text, back.serialize());
    }

    @Test
    void mergeKnowsWhatEitherKnows() {
        Key a = Key.of("id", "a");
        Key b = Key.of("id", "b");
        SessionToken x = SessionToken.empty("embedded", null).withVersion("t", a, 5).withPositions(Positions.of("p1", 10));
        SessionToken y = SessionToken.empty("embedded", "us-east-1").withVersion("t", a, 3).withVersion("t", b, 8)
                .withPositions(Positions.of("p1", 12).merge(Positions.of("p2", 1)));
        SessionToken m = x.merge(y);
        assertEquals(5, m.knownVersion("t", a));
        assertEquals(8, m.knownVersion("t", b));
        assertEquals(12, m.positions().required("p1"));
        assertEquals(1, m.positions().required("p2"));
        assertEquals("us-east-1", m.region());
        assertEquals(m, y.merge(x).withVersion("t", a, 0), "merge is symmetric in what it knows");
    }

    @Test
    void mergeKeepsAVersionTheOtherTokenHasFoldedIntoABucket() {
        // Tab A wrote alice at 5 and then enough other keys to fold alice into a bucket;
        // tab B only read alice at 3. Together they know 5: a merge must not answer 3.
        Key alice = Key.of("id", "alice");
        SessionToken a = SessionToken.empty("embedded", null).withVersion("t", alice, 5);
        for (int i = 0; i < SessionToken.MAX_EXACT_VERSIONS; i++) a = a.withVersion("t", Key.of("id", "other" + i), 1);
        assertTrue(a.knownVersion("t", alice) >= 5, "folded, still known as an upper bound");
        SessionToken b = SessionToken.empty("embedded", null).withVersion("t", alice, 3);
        assertTrue(a.merge(b).knownVersion("t", alice) >= 5, "a.merge(b)");
        assertTrue(b.merge(a).knownVersion("t", alice) >= 5, "b.merge(a)");
    }

    @Test
    void mergeOfDifferentScopesIsRejectedNamingBoth() {
        SessionTokenException e = assertThrows(SessionTokenException.class,
                () -> SessionToken.empty("embedded", null).merge(SessionToken.empty("aws:eu-west-1", null)));
        assertTrue(e.getMessage().contains("'embedded'") && e.getMessage().contains("'aws:eu-west-1'"), e.getMessage());
    }

    @Test
    void tokenStaysBoundedAndNeverUnderEstimates() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        SessionToken t = SessionToken.empty("aws:eu-west-1", "eu-west-1");
        Map<String, Long> written = new HashMap<>();
        long position = 0;
        Map<String, Long> positions = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            String id = "user-" + i;
            long version = 1 + r.nextInt(1_000_000);
            t = t.withVersion("accounts", Key.of("id", id, "n", i), version);
            written.put(id, version);
            if (i % 10 == 0) {
                String partition = "accounts#" + (i / 10);           // 1,000 partitions
                position += 1 + r.nextInt(1000);
                t = t.withPositions(Positions.of(partition, position));
                positions.put(partition, position);
            }
            if (i % 1000 == 0) {
                assertTrue(t.serialize().length() <= SessionToken.MAX_SERIALIZED_LENGTH, "seed " + seed + " after " + i);
            }
        }
        String text = t.serialize();
        assertTrue(text.length() <= SessionToken.MAX_SERIALIZED_LENGTH, "seed " + seed + ": " + text.length() + " chars");
        SessionToken back = SessionToken.parse(text);
        for (int i = 0; i < 10_000; i++) {
            long v = written.get("user-" + i);
            long known = back.knownVersion("accounts", Key.of("id", "user-" + i, "n", i));
            assertTrue(known >= v, "seed " + seed + ": key " + i + " written at " + v + " but known as " + known);
        }
        for (Map.Entry<String, Long> e : positions.entrySet()) {
            assertTrue(back.positions().required(e.getKey()) >= e.getValue(), "seed " + seed + ": partition " + e.getKey());
        }
        // the most recent keys are still exact
        assertEquals(written.get("user-9999"), back.knownVersion("accounts", Key.of("id", "user-9999", "n", 9999)));
    }

    @Test
    void longestScopeAndRegionWithHugeNumbersStillFit() {
        assertThrows(SessionTokenException.class, () -> SessionToken.empty("s".repeat(129), null));
        assertThrows(SessionTokenException.class, () -> SessionToken.empty("s", "é".repeat(65)));
        SessionToken t = SessionToken.empty("s".repeat(128), "r".repeat(128));
        for (int i = 0; i < 100; i++) {
            t = t.withVersion("t", Key.of("id", i), Long.MAX_VALUE - i).withPositions(Positions.of("p" + i, Long.MAX_VALUE - 1 - i)).sign(SECRET);
        }
        assertTrue(t.serialize().length() <= SessionToken.MAX_SERIALIZED_LENGTH, t.serialize().length() + " chars");
        for (int i = 0; i < 100; i++) assertTrue(t.knownVersion("t", Key.of("id", i)) >= Long.MAX_VALUE - i);
        String text = t.serialize();
        assertDoesNotThrow(() -> SessionToken.parse(text));
    }

    @Test
    void mergeOfTwoFullTokensStaysBoundedAndSafe() {
        SessionToken a = SessionToken.empty("embedded", null);
        SessionToken b = SessionToken.empty("embedded", null);
        for (int i = 0; i < 200; i++) {
            a = a.withVersion("t", Key.of("id", "a" + i), i + 1).withPositions(Positions.of("pa" + i, i));
            b = b.withVersion("t", Key.of("id", "b" + i), i + 1).withPositions(Positions.of("pb" + i, 1000 + i));
        }
        SessionToken m = a.merge(b);
        assertTrue(m.serialize().length() <= SessionToken.MAX_SERIALIZED_LENGTH);
        for (int i = 0; i < 200; i++) {
            assertTrue(m.knownVersion("t", Key.of("id", "a" + i)) >= i + 1);
            assertTrue(m.knownVersion("t", Key.of("id", "b" + i)) >= i + 1);
            assertTrue(m.positions().required("pa" + i) >= i);
            assertTrue(m.positions().required("pb" + i) >= 1000 + i);
        }
    }

    // --------------------------------------------------------------------------------- signatures

    @Test
    void signedTokenVerifiesAfterARoundTrip() {
        SessionToken signed = sample().sign(SECRET);
        assertTrue(signed.isSigned());
        assertDoesNotThrow(() -> signed.verify(SECRET));
        SessionToken back = SessionToken.parse(signed.serialize());
        assertTrue(back.isSigned());
        assertDoesNotThrow(() -> back.verify(SECRET));
    }

    @Test
    void otherKeyIsRejected() {
        SessionToken back = SessionToken.parse(sample().sign(SECRET).serialize());
        SessionTokenException e = assertThrows(SessionTokenException.class, () -> back.verify("other".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }

    @Test
    void alteredPayloadIsRejected() {
        // Graft the signature of one token onto the payload of another of the same shape.
        Key k = Key.of("id", "alice");
        byte[] signed = bytesOf(SessionToken.empty("embedded", null).withVersion("t", k, 5).sign(SECRET).serialize());
        byte[] other = bytesOf(SessionToken.empty("embedded", null).withVersion("t", k, 6).serialize());
        assertEquals(signed.length, other.length + 16, "signed = payload + flag 1 + 16 signature bytes");
        byte[] forged = Arrays.copyOf(other, signed.length);
        System.arraycopy(signed, other.length - 1, forged, other.length - 1, 17);
        SessionToken parsed = SessionToken.parse(tokenOf(forged));
        assertEquals(6, parsed.knownVersion("t", k));
        assertThrows(SessionTokenException.class, () -> parsed.verify(SECRET));
    }

    @Test
    void unsignedTokenFailsVerification() {
        SessionTokenException e = assertThrows(SessionTokenException.class, () -> sample().verify(SECRET));
        assertTrue(e.getMessage().contains("not signed"), e.getMessage());
        assertThrows(SessionTokenException.class, () -> sample().sign(new byte[0]));
    }

    @Test
    void changingASignedTokenDropsTheSignature() {
        SessionToken changed = sample().sign(SECRET).withVersion("t", Key.of("id", "z"), 1);
        assertFalse(changed.isSigned());
        assertThrows(SessionTokenException.class, () -> changed.verify(SECRET));
    }

    // ------------------------------------------------------------------------------------- parsing

    @Test
    void emptyAndNullAreRejected() {
        assertRejected("", "empty");
        assertThrows(SessionTokenException.class, () -> SessionToken.parse(null));
    }

    @Test
    void tooLongIsRejected() {
        assertRejected("v1." + "A".repeat(SessionToken.MAX_SERIALIZED_LENGTH), "1024");
    }

    @Test
    void newerFormatIsRejectedSayingSo() {
        assertRejected("v2." + sample().serialize().substring(3), "format", "newer");
    }

    @Test
    void foreignTextIsRejected() {
        assertRejected("hello", "not a ddbc session token");
        assertRejected("v1.!!!not*base64", "base64");
    }

    @Test
    void truncatedTokenIsRejected() {
        byte[] full = bytesOf(sample().serialize());
        for (int cut = 1; cut < full.length; cut += 3) {
            byte[] shorter = Arrays.copyOf(full, full.length - cut);
            assertThrows(SessionTokenException.class, () -> SessionToken.parse(tokenOf(shorter)), "cut " + cut);
        }
        assertThrows(SessionTokenException.class, () -> SessionToken.parse("v1."));
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] full = bytesOf(sample().serialize());
        byte[] longer = Arrays.copyOf(full, full.length + 1);
        assertRejected(tokenOf(longer), "trailing");
    }

    @Test
    void aNumberOverflowingIntoTheSignBitIsRejected() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] scope = "embedded".getBytes(StandardCharsets.UTF_8);
        out.write(scope.length);
        out.write(scope, 0, scope.length);
        out.write(0);                                  // region ""
        out.write(0);                                  // no positions
        out.write(0);                                  // floor -1
        out.write(1);                                  // one exact version
        out.write(new byte[8], 0, 8);                  // key hash
        for (int i = 0; i < 9; i++) out.write(0xFF);   // a varint with bit 63 set: a negative version
        out.write(0x01);
        out.write(0);                                  // no buckets
        out.write(0);                                  // unsigned
        assertRejected(tokenOf(out.toByteArray()), "malformed");
    }

    @Test
    void negativeVersionsAreRejectedWhenRecorded() {
        assertThrows(ValidationException.class, () -> SessionToken.empty("embedded", null).withVersion("t", Key.of("id", 1), -1));
    }

    @Test
    void randomGarbageNeverEscapesAsAnotherException() {
        long seed = System.nanoTime();
        Random r = new Random(seed);
        byte[] full = bytesOf(sample().sign(SECRET).serialize());
        for (int i = 0; i < 2000; i++) {
            byte[] mutated = full.clone();
            mutated[r.nextInt(mutated.length)] = (byte) r.nextInt(256);
            try {
                SessionToken.parse(tokenOf(mutated)).verify(SECRET);
            } catch (SessionTokenException expected) {
                // fine
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " mutation " + i + " escaped as " + e, e);
            }
        }
    }

    @Test
    void differentContentsGiveDifferentTokens() {
        assertNotEquals(sample().serialize(), sample().withVersion("t", Key.of("id", "q"), 1).serialize());
    }

    @Test
    void positionsOutOfRangeAreABadTokenNotAnIllegalArgument() {
        SessionToken t = SessionToken.empty("embedded", null);
        for (long bad : new long[] {Long.MAX_VALUE, -2, Long.MIN_VALUE}) {
            SessionTokenException e = assertThrows(SessionTokenException.class,
                    () -> t.withPositions(Positions.of("accounts#1", bad)).serialize(), "position " + bad);
            assertTrue(e.getMessage().contains("out of range") && e.getMessage().contains(Long.toString(bad)), e.getMessage());
            assertThrows(SessionTokenException.class, () -> t.withPositions(Positions.ofHashed(java.util.Map.of(7L, bad), -1)).serialize());
            assertThrows(SessionTokenException.class, () -> t.withPositions(Positions.ofHashed(java.util.Map.of(), bad)).serialize());
        }
        // The extremes that are valid round-trip.
        SessionToken edge = t.withPositions(Positions.of("accounts#1", Positions.MAX_POSITION).merge(Positions.of("accounts#2", -1)));
        assertEquals(edge, SessionToken.parse(edge.serialize()));
    }

    @Test
    void exactVersionIsOnlyTheExactEntryAndMergeNeverInflatesIt() {
        SessionToken a = SessionToken.empty("embedded", null);
        for (int i = 0; i < 40; i++) a = a.withVersion("t", Key.of("id", "k" + i), 9);   // buckets now hold 9
        Key recent = Key.of("id", "k39");
        Key folded = Key.of("id", "k0");
        assertEquals(9, a.exactVersion("t", recent));
        assertEquals(0, a.exactVersion("t", folded), "folded: only an upper bound");
        assertEquals(9, a.knownVersion("t", folded));

        // b knows one key exactly at 2 whose bucket in a holds 9 (from other keys).
        Key mine = null;
        for (int i = 0; mine == null; i++) {
            Key k = Key.of("id", "b" + i);
            if (a.knownVersion("t", k) == 9 && a.exactVersion("t", k) == 0) mine = k;
        }
        SessionToken b = SessionToken.empty("embedded", null).withVersion("t", mine, 2);
        for (SessionToken m : new SessionToken[] {a.merge(b), b.merge(a)}) {
            assertTrue(m.exactVersion("t", mine) < 9, "never an exact requirement of 9 on a key written at 2");
            assertTrue(m.knownVersion("t", mine) >= 9, "still an upper bound of both");
            assertEquals(9, m.exactVersion("t", recent));
        }
    }
}
