package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeValueTest {

    private static AttributeValue av(Object o) {
        return AttributeValue.from(o);
    }

    @Nested
    class Types {
        @Test
        void factoriesProduceAllTenTypes() {
            assertEquals(Type.S, AttributeValue.s("x").type());
            assertEquals(Type.N, AttributeValue.n("1").type());
            assertEquals(Type.B, AttributeValue.b(new byte[] {1}).type());
            assertEquals(Type.BOOL, AttributeValue.bool(true).type());
            assertEquals(Type.NULL, AttributeValue.nul().type());
            assertEquals(Type.L, AttributeValue.l(AttributeValue.s("a")).type());
            assertEquals(Type.M, AttributeValue.m(Map.of("a", AttributeValue.s("a"))).type());
            assertEquals(Type.SS, AttributeValue.ss(List.of("a")).type());
            assertEquals(Type.NS, AttributeValue.ns(List.of(1)).type());
            assertEquals(Type.BS, AttributeValue.bs(List.of(new byte[] {1})).type());
            assertEquals(10, Type.values().length);
        }

        @Test
        void onlyScalarsAreKeyTypesAndOnlySetsAreSets() {
            for (Type t : Type.values()) {
                assertEquals(t == Type.S || t == Type.N || t == Type.B, t.isScalarKeyType(), t.name());
                assertEquals(t == Type.SS || t == Type.NS || t == Type.BS, t.isSet(), t.name());
            }
        }

        @Test
        void accessorOfTheWrongTypeIsAValidationErrorNamingBothTypes() {
            ValidationException e = assertThrows(ValidationException.class, () -> AttributeValue.s("x").n());
            assertTrue(e.getMessage().contains("S") && e.getMessage().contains("N"), e.getMessage());
            assertThrows(ValidationException.class, () -> AttributeValue.n("1").s());
            assertThrows(ValidationException.class, () -> AttributeValue.bool(true).l());
            assertThrows(ValidationException.class, () -> AttributeValue.s("x").setElements());
        }

        @Test
        void nullArgumentsAreValidationErrors() {
            assertThrows(ValidationException.class, () -> AttributeValue.s(null));
            assertThrows(ValidationException.class, () -> AttributeValue.n((String) null));
            assertThrows(ValidationException.class, () -> AttributeValue.b(null));
            assertThrows(ValidationException.class, () -> AttributeValue.ss(Arrays.asList("a", null)));
        }

        @Test
        void listAndMapNullElementsBecomeNull() {
            assertEquals(Type.NULL, AttributeValue.l(Arrays.asList((AttributeValue) null)).l().get(0).type());
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            m.put("a", null);
            assertTrue(AttributeValue.m(m).m().get("a").isNull());
        }
    }

    @Nested
    class FromObject {
        @Test
        void scalars() {
            assertEquals(AttributeValue.s("hi"), av("hi"));
            assertEquals(AttributeValue.n("42"), av(42));
            assertEquals(AttributeValue.n("42"), av(42L));
            assertEquals(AttributeValue.n("7"), av((short) 7));
            assertEquals(AttributeValue.n("7"), av((byte) 7));
            assertEquals(AttributeValue.n("1.5"), av(1.5d));
            assertEquals(AttributeValue.n("0.25"), av(0.25f));
            assertEquals(AttributeValue.n("123456789012345678901234567890"), av(new BigInteger("123456789012345678901234567890")));
            assertEquals(AttributeValue.n("1.10"), av(new BigDecimal("1.1")));
            assertSame(AttributeValue.bool(true), av(true));
            assertTrue(av(null).isNull());
            AttributeValue same = AttributeValue.s("x");
            assertSame(same, av(same));
        }

        @Test
        void byteArrayAndByteBufferBecomeBinary() {
            assertArrayEquals(new byte[] {1, 2}, av(new byte[] {1, 2}).b());
            ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 8, 7, 6});
            buffer.position(1);
            assertArrayEquals(new byte[] {8, 7, 6}, av(buffer).b());
            assertEquals(1, buffer.position(), "the caller's buffer position is untouched");
        }

        @Test
        void collections() {
            AttributeValue list = av(List.of("a", 1, true));
            assertEquals(Type.L, list.type());
            assertEquals(List.of(AttributeValue.s("a"), AttributeValue.n(1), AttributeValue.bool(true)), list.l());
            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("x", List.of(Map.of("y", 2)));
            AttributeValue map = av(nested);
            assertEquals(Type.M, map.type());
            assertEquals(AttributeValue.n(2), map.m().get("x").l().get(0).m().get("y"));
            assertEquals(Type.SS, av(Set.of("a", "b")).type());
            assertEquals(Type.NS, av(Set.of(1, 2)).type());
            assertEquals(Type.BS, av(Set.of(new byte[] {1})).type());
        }

        @Test
        void unconvertibleValuesAreValidationErrors() {
            assertThrows(ValidationException.class, () -> av(new Object()));
            assertThrows(ValidationException.class, () -> av(Double.NaN));
            assertThrows(ValidationException.class, () -> av(Double.POSITIVE_INFINITY));
            assertThrows(ValidationException.class, () -> av(Set.of()));
            assertThrows(ValidationException.class, () -> av(Map.of(1, "x")));
            Set<Object> mixed = new LinkedHashSet<>(List.of("a", 1));
            assertThrows(ValidationException.class, () -> av(mixed));
        }

        @Test
        void aSetOfNumbersHoldingANonNumberIsAValidationError() {
            Set<Object> mixed = new LinkedHashSet<>(List.of(1, true));
            assertThrows(ValidationException.class, () -> av(mixed));
            assertThrows(ValidationException.class, () -> AttributeValue.ns(List.of(1, new Object())));
        }
    }

    @Nested
    class Immutability {
        @Test
        void binaryIsCopiedInAndOut() {
            byte[] in = {1, 2, 3};
            AttributeValue v = AttributeValue.b(in);
            in[0] = 99;
            assertEquals(1, v.b()[0]);
            v.b()[1] = 99;
            assertEquals(2, v.b()[1]);
        }

        @Test
        void binarySetIsCopiedInAndOut() {
            byte[] in = {1, 2, 3};
            AttributeValue v = AttributeValue.bs(List.of(in));
            in[0] = 99;
            assertEquals(1, v.bs().get(0)[0]);
            v.bs().get(0)[0] = 42;
            assertEquals(1, v.bs().get(0)[0]);
        }

        @Test
        void listAndMapAreCopiedAndUnmodifiable() {
            List<AttributeValue> source = new ArrayList<>(List.of(AttributeValue.s("a")));
            AttributeValue l = AttributeValue.l(source);
            source.add(AttributeValue.s("b"));
            assertEquals(1, l.l().size());
            assertThrows(UnsupportedOperationException.class, () -> l.l().add(AttributeValue.s("c")));
            Map<String, AttributeValue> ms = new LinkedHashMap<>(Map.of("a", AttributeValue.s("a")));
            AttributeValue m = AttributeValue.m(ms);
            ms.put("b", AttributeValue.s("b"));
            assertEquals(1, m.m().size());
            assertThrows(UnsupportedOperationException.class, () -> m.m().remove("a"));
            assertThrows(UnsupportedOperationException.class, () -> AttributeValue.ss(List.of("a")).ss().add("b"));
        }
    }

    @Nested
    class Numbers {
        @Test
        void thirtyEightSignificantDigitsAreKeptExactly() {
            String digits38 = "12345678901234567890123456789012345678";
            assertEquals(new BigDecimal(digits38), AttributeValue.n(digits38).n());
            assertEquals(digits38, AttributeValue.n(digits38).numberText());
            // trailing zeros are not significant
            assertEquals(Type.N, AttributeValue.n(digits38 + "000").type());
            assertEquals(Type.N, AttributeValue.n("0.000" + digits38).type());
        }

        @Test
        void thirtyNineSignificantDigitsAreRejected() {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> AttributeValue.n("123456789012345678901234567890123456789"));
            assertTrue(e.getMessage().contains("38"), e.getMessage());
            assertThrows(ValidationException.class, () -> AttributeValue.n(new BigDecimal("1.23456789012345678901234567890123456789")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1E-130", "-1E-130", "9.9999999999999999999999999999999999999E+125",
                "-9.9999999999999999999999999999999999999E+125", "0", "-0", "0.0", "1E+125"})
        void numbersInsideTheRangeAreAccepted(String text) {
            assertEquals(new BigDecimal(text).compareTo(AttributeValue.n(text).n()), 0);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1E-131", "-1E-131", "1E+126", "-1E+126", "9.99999999999999999999999999999999999999E+125"})
        void numbersOutsideTheRangeAreRejected(String text) {
            ValidationException e = assertThrows(ValidationException.class, () -> AttributeValue.n(text));
            assertFalse(e.getMessage().isEmpty());
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "NaN", "Infinity", "", "1..2", "0x10", " "})
        void nonNumbersAreRejected(String text) {
            ValidationException e = assertThrows(ValidationException.class, () -> AttributeValue.n(text));
            assertTrue(e.getMessage().contains("numeric"), e.getMessage());
        }

        @Test
        void bigDecimalFactoryValidatesToo() {
            assertThrows(ValidationException.class, () -> AttributeValue.n(new BigDecimal("1E+126")));
            assertThrows(ValidationException.class, () -> AttributeValue.n(new BigDecimal("1E-131")));
        }
    }

    @Nested
    class Equality {
        @ParameterizedTest
        @CsvSource({"1.0,1", "1E2,100", "100.00,1E+2", "0,-0.0", "-5,-5.000", "0.5,5E-1"})
        void numbersAreEqualByValue(String a, String b) {
            AttributeValue x = AttributeValue.n(a);
            AttributeValue y = AttributeValue.n(b);
            assertEquals(x, y);
            assertEquals(x.hashCode(), y.hashCode());
        }

        @Test
        void differentNumbersAndDifferentTypesAreNotEqual() {
            assertNotEquals(AttributeValue.n("1"), AttributeValue.n("1.0000001"));
            assertNotEquals(AttributeValue.n("1"), AttributeValue.s("1"));
            assertNotEquals(AttributeValue.ss(List.of("1")), AttributeValue.ns(List.of(1)));
            assertNotEquals(AttributeValue.s("a"), AttributeValue.ss(List.of("a")));
        }

        @Test
        void binaryEqualityIsByContent() {
            assertEquals(AttributeValue.b(new byte[] {1, 2}), AttributeValue.b(new byte[] {1, 2}));
            assertEquals(AttributeValue.b(new byte[] {1, 2}).hashCode(), AttributeValue.b(new byte[] {1, 2}).hashCode());
            assertNotEquals(AttributeValue.b(new byte[] {1, 2}), AttributeValue.b(new byte[] {2, 1}));
        }

        @Test
        void setsAreEqualRegardlessOfOrder() {
            assertEquals(AttributeValue.ss(List.of("a", "b", "c")), AttributeValue.ss(List.of("c", "a", "b")));
            assertEquals(AttributeValue.ss(List.of("a", "b")).hashCode(), AttributeValue.ss(List.of("b", "a")).hashCode());
            AttributeValue ns1 = AttributeValue.ns(List.of("1", "2.0"));
            AttributeValue ns2 = AttributeValue.ns(List.of("2", "1"));
            assertEquals(ns1, ns2);
            assertEquals(ns1.hashCode(), ns2.hashCode());
            assertEquals(AttributeValue.bs(List.of(new byte[] {1}, new byte[] {2})),
                    AttributeValue.bs(List.of(new byte[] {2}, new byte[] {1})));
            assertNotEquals(AttributeValue.ss(List.of("a", "b")), AttributeValue.ss(List.of("a", "c")));
            assertNotEquals(AttributeValue.ss(List.of("a", "b")), AttributeValue.ss(List.of("a")));
        }

        @Test
        void listsAreOrderedAndCompareNumbersByValue() {
            assertEquals(AttributeValue.l(AttributeValue.n("1.0"), AttributeValue.s("x")),
                    AttributeValue.l(AttributeValue.n("1"), AttributeValue.s("x")));
            assertEquals(av(List.of(new BigDecimal("1.0"))).hashCode(), av(List.of(1)).hashCode());
            assertNotEquals(av(List.of("a", "b")), av(List.of("b", "a")));
        }

        @Test
        void mapsIgnoreOrderAndCompareNumbersByValue() {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("x", 1);
            a.put("y", "s");
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("y", "s");
            b.put("x", new BigDecimal("1.00"));
            assertEquals(av(a), av(b));
            assertEquals(av(a).hashCode(), av(b).hashCode());
        }
    }

    @Nested
    class Sets {
        @Test
        void emptySetsAreRejected() {
            assertThrows(ValidationException.class, () -> AttributeValue.ss(List.of()));
            assertThrows(ValidationException.class, () -> AttributeValue.ns(List.of()));
            assertThrows(ValidationException.class, () -> AttributeValue.bs(List.of()));
        }

        @Test
        void duplicatesAreRejectedWithDynamoDbsMessage() {
            ValidationException e = assertThrows(ValidationException.class, () -> AttributeValue.ss(List.of("a", "a")));
            assertTrue(e.getMessage().contains("duplicates"), e.getMessage());
            assertThrows(ValidationException.class, () -> AttributeValue.bs(List.of(new byte[] {1}, new byte[] {1})));
        }

        @Test
        void numericallyEqualNumbersAreDuplicates() {
            assertThrows(ValidationException.class, () -> AttributeValue.ns(List.of("1", "1.0")));
            assertThrows(ValidationException.class, () -> AttributeValue.ns(List.of("100", "1E2")));
            assertThrows(ValidationException.class, () -> AttributeValue.ns(List.of(0, "-0.0")));
        }

        @Test
        void setElementsAreValidatedNumbers() {
            assertThrows(ValidationException.class, () -> AttributeValue.ns(List.of("1E+126")));
            assertThrows(ValidationException.class, () -> AttributeValue.ns(List.of("abc")));
        }

        @Test
        void accessorsReturnTheElements() {
            assertEquals(Set.of("a", "b"), AttributeValue.ss(List.of("b", "a")).ss());
            Set<BigDecimal> ns = AttributeValue.ns(List.of("1.5", 2)).ns();
            assertEquals(2, ns.size());
            assertTrue(ns.stream().anyMatch(n -> n.compareTo(new BigDecimal("1.5")) == 0));
        }
    }

    @Nested
    class KeyOrdering {
        private int cmp(AttributeValue a, AttributeValue b) {
            return Integer.signum(AttributeValue.compareKeyValues(a, b));
        }

        @ParameterizedTest
        @CsvSource({"2,10,-1", "-10,-2,-1", "-1,0,-1", "1E2,99,1", "1E2,100,0", "1.5,1.25,1", "1E-5,1E-6,1", "-1E10,-1E9,-1",
                "1.0,1,0"})
        void numbersOrderNumerically(String a, String b, int expected) {
            assertEquals(expected, cmp(AttributeValue.n(a), AttributeValue.n(b)));
            assertEquals(-expected, cmp(AttributeValue.n(b), AttributeValue.n(a)));
        }

        @Test
        void stringsOrderByCodePoint() {
            assertEquals(-1, cmp(AttributeValue.s("B"), AttributeValue.s("a")), "upper case before lower case");
            assertEquals(-1, cmp(AttributeValue.s("a"), AttributeValue.s("ab")), "prefix first");
            assertEquals(0, cmp(AttributeValue.s("é"), AttributeValue.s("é")));
            // UTF-8 byte order puts a supplementary character (4 bytes, F0..) after U+FFFF (EF BF BF),
            // while UTF-16 char order would put its high surrogate (D83D) before U+FFFF.
            String supplementary = new String(Character.toChars(0x1F600));
            assertEquals(1, cmp(AttributeValue.s(supplementary), AttributeValue.s("\uFFFF")));
            assertEquals(-1, cmp(AttributeValue.s("\uFFFF"), AttributeValue.s(supplementary)));
            assertEquals(1, cmp(AttributeValue.s("\uE000"), AttributeValue.s("\uD7FF")));
        }

        @Test
        void binaryOrdersByUnsignedBytes() {
            assertEquals(1, cmp(AttributeValue.b(new byte[] {(byte) 0x80}), AttributeValue.b(new byte[] {0x7F})));
            assertEquals(1, cmp(AttributeValue.b(new byte[] {(byte) 0xFF}), AttributeValue.b(new byte[] {0})));
            assertEquals(-1, cmp(AttributeValue.b(new byte[] {1}), AttributeValue.b(new byte[] {1, 0})));
            assertEquals(0, cmp(AttributeValue.b(new byte[] {5, 6}), AttributeValue.b(new byte[] {5, 6})));
        }

        @Test
        void mixedOrNonKeyTypesCannotBeOrdered() {
            assertThrows(ValidationException.class, () -> AttributeValue.compareKeyValues(AttributeValue.s("1"), AttributeValue.n("1")));
            assertThrows(ValidationException.class,
                    () -> AttributeValue.compareKeyValues(AttributeValue.bool(true), AttributeValue.bool(false)));
        }
    }

    @Nested
    class Size {
        @ParameterizedTest
        @CsvSource({"0,1", "1,2", "-1,3", "123.45,4", "12345,4", "0.5,2", "99,2", "-0.0,1", "-123.45,5", "1.5,3",
                "123456789,6", "0.25,2", "0.123,3", "1.000,2", "12345678901234567890123456789012345678,20"})
        void numbersFollowTheDocumentedFormula(String n, int expected) {
            assertEquals(expected, AttributeValue.n(n).sizeInBytes(), n);
        }

        @Test
        void stringsCountUtf8Bytes() {
            assertEquals(0, AttributeValue.s("").sizeInBytes());
            assertEquals(5, AttributeValue.s("hello").sizeInBytes());
            assertEquals(2, AttributeValue.s("é").sizeInBytes());
            assertEquals(3, AttributeValue.s("€").sizeInBytes());
            assertEquals(4, AttributeValue.s(new String(Character.toChars(0x1F600))).sizeInBytes());
            assertEquals(8, AttributeValue.s("aé€\u0000\u007f").sizeInBytes());
        }

        @Test
        void utf8LengthAgreesWithTheJdkEncoder() {
            String s = "x\u00e9\u20ac" + new String(Character.toChars(0x10FFFF)) + "\u07ff\u0800";
            assertEquals(s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, AttributeValue.utf8Length(s));
        }

        @Test
        void scalarsOfFixedSize() {
            assertEquals(3, AttributeValue.b(new byte[3]).sizeInBytes());
            assertEquals(0, AttributeValue.b(new byte[0]).sizeInBytes());
            assertEquals(1, AttributeValue.bool(false).sizeInBytes());
            assertEquals(1, AttributeValue.nul().sizeInBytes());
        }

        @Test
        void listsAndMapsCostThreeBytesPlusOnePerElement() {
            assertEquals(3, AttributeValue.l(List.of()).sizeInBytes());
            assertEquals(3, AttributeValue.m(Map.of()).sizeInBytes());
            // 3 + (1 + 2 "ab") + (1 + 2 for the number 1)
            assertEquals(9, AttributeValue.l(AttributeValue.s("ab"), AttributeValue.n(1)).sizeInBytes());
            // 3 + (1 + 3 "key" + 1 BOOL)
            assertEquals(8, AttributeValue.m(Map.of("key", AttributeValue.bool(true))).sizeInBytes());
            // nested: outer 3 + 1 + inner (3 + 1 + 1 NULL)
            assertEquals(9, AttributeValue.l(AttributeValue.l(AttributeValue.nul())).sizeInBytes());
        }

        @Test
        void setsSumTheirElements() {
            assertEquals(4, AttributeValue.ss(List.of("a", "bcd")).sizeInBytes());
            assertEquals(2 + 4, AttributeValue.ns(List.of("1", "123.45")).sizeInBytes());
            assertEquals(5, AttributeValue.bs(List.of(new byte[2], new byte[] {1, 2, 3})).sizeInBytes());
        }
    }

    @Test
    void nestingDepthCountsListAndMapLevels() {
        assertEquals(0, AttributeValue.s("x").nestingDepth());
        assertEquals(0, AttributeValue.ss(List.of("x")).nestingDepth());
        assertEquals(1, AttributeValue.l(List.of()).nestingDepth());
        assertEquals(1, AttributeValue.l(AttributeValue.n(1)).nestingDepth());
        assertEquals(3, av(List.of(Map.of("a", List.of(1)), "b")).nestingDepth());
    }

    @Nested
    class WireFormat {
        @Test
        void scalars() {
            assertEquals("{\"S\":\"hi\"}", AttributeValue.s("hi").toString());
            assertEquals("{\"N\":\"1.50\"}", AttributeValue.n("1.50").toString());
            assertEquals("{\"B\":\"AQI=\"}", AttributeValue.b(new byte[] {1, 2}).toString());
            assertEquals("{\"BOOL\":false}", AttributeValue.bool(false).toString());
            assertEquals("{\"NULL\":true}", AttributeValue.nul().toString());
        }

        @Test
        void stringsAreJsonEscaped() {
            assertEquals("{\"S\":\"a\\\"b\\\\c\\u000a\"}", AttributeValue.s("a\"b\\c\n").toString());
        }

        @Test
        void collections() {
            assertEquals("{\"L\":[{\"S\":\"a\"},{\"N\":\"1\"}]}", AttributeValue.l(AttributeValue.s("a"), AttributeValue.n(1)).toString());
            assertEquals("{\"M\":{\"k\":{\"BOOL\":true}}}", AttributeValue.m(Map.of("k", AttributeValue.bool(true))).toString());
            assertEquals("{\"SS\":[\"a\",\"b\"]}", AttributeValue.ss(List.of("a", "b")).toString());
            assertEquals("{\"NS\":[\"1\",\"2.5\"]}", AttributeValue.ns(List.of("1", "2.5")).toString());
            assertEquals("{\"BS\":[\"AQ==\"]}", AttributeValue.bs(List.of(new byte[] {1})).toString());
        }
    }
}
