package io.ddbc.api;

import static io.ddbc.api.AttributeValue.Type.B;
import static io.ddbc.api.AttributeValue.Type.BOOL;
import static io.ddbc.api.AttributeValue.Type.N;
import static io.ddbc.api.AttributeValue.Type.S;
import static io.ddbc.api.AttributeValue.Type.SS;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyAndSchemaTest {

    private static TableSpec.Builder table(String name) {
        return TableSpec.builder(name).partitionKey("pk", S);
    }

    private static void assertMessage(Throwable e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing in: " + e.getMessage());
    }

    // ------------------------------------------------------------------------------------------ Key

    @Test
    void keyHoldsItsPartsAndEqualsByValue() {
        Key k = Key.of("pk", "a", "sk", 1);
        assertEquals("pk", k.partitionName());
        assertEquals(AttributeValue.s("a"), k.partitionValue());
        assertEquals("sk", k.sortName().orElseThrow());
        assertTrue(k.hasSortKey());
        assertFalse(Key.of("pk", "a").hasSortKey());
        assertEquals(k, Key.of("pk", "a", "sk", new BigDecimal("1.0")));
        assertEquals(k.hashCode(), Key.of("pk", "a", "sk", new BigDecimal("1.0")).hashCode());
        assertNotEquals(k, Key.of("pk", "a"));
        assertNotEquals(k, Key.of("pk", "a", "other", 1));
        assertEquals(Item.of("pk", "a", "sk", 1), k.asItem());
        // "pk"(2) + "a"(1) + "sk"(2) + 1(2)
        assertEquals(7, k.sizeInBytes());
    }

    @Test
    void keyRejectsMissingNamesValuesAndRepeatedNames() {
        assertThrows(ValidationException.class, () -> Key.of("", "a"));
        assertThrows(ValidationException.class, () -> Key.of(null, "a"));
        assertMessage(assertThrows(ValidationException.class, () -> Key.of("pk", null)), "'pk'");
        assertMessage(assertThrows(ValidationException.class, () -> Key.of("pk", "a", "pk", "b")), "'pk'");
    }

    // --------------------------------------------------------------------------------- KeyAttribute

    @Test
    void keyAttributesAreScalarTypesOnly() {
        assertDoesNotThrow(() -> KeyAttribute.of("k", S));
        assertDoesNotThrow(() -> KeyAttribute.of("k", N));
        assertDoesNotThrow(() -> KeyAttribute.of("k", B));
        assertMessage(assertThrows(ValidationException.class, () -> KeyAttribute.of("k", BOOL)), "'k'", "BOOL");
        assertThrows(ValidationException.class, () -> KeyAttribute.of("k", SS));
        assertThrows(ValidationException.class, () -> KeyAttribute.of("k", null));
    }

    @Test
    void keyAttributeNamesAreOneTo255Bytes() {
        assertThrows(ValidationException.class, () -> KeyAttribute.of("", S));
        assertDoesNotThrow(() -> KeyAttribute.of("a".repeat(255), S));
        assertThrows(ValidationException.class, () -> KeyAttribute.of("a".repeat(256), S));
        // 128 two-byte characters = 256 bytes
        assertThrows(ValidationException.class, () -> KeyAttribute.of("é".repeat(128), S));
    }

    // ------------------------------------------------------------------------ Projection and Billing

    @Test
    void projectionRules() {
        assertEquals(Projection.Type.ALL, Projection.all().type());
        assertEquals(Projection.Type.KEYS_ONLY, Projection.keysOnly().type());
        assertEquals(List.of("a", "b"), Projection.include("a", "b").nonKeyAttributes());
        assertThrows(ValidationException.class, () -> Projection.include());
        assertThrows(ValidationException.class, () -> new Projection(Projection.Type.ALL, List.of("a")));
        assertThrows(ValidationException.class, () -> new Projection(null, List.of()));
    }

    @Test
    void billingRules() {
        assertEquals(Billing.Mode.ON_DEMAND, Billing.onDemand().mode());
        Billing p = Billing.provisioned(5, 7);
        assertEquals(5, p.readCapacityUnits());
        assertEquals(7, p.writeCapacityUnits());
        assertThrows(ValidationException.class, () -> Billing.provisioned(0, 1));
        assertThrows(ValidationException.class, () -> Billing.provisioned(1, 0));
        assertThrows(ValidationException.class, () -> new Billing(Billing.Mode.ON_DEMAND, 1, 1));
        assertThrows(ValidationException.class, () -> new Billing(null, 1, 1));
    }

    // -------------------------------------------------------------------------------- names

    @ParameterizedTest
    @ValueSource(strings = {"abc", "A_b-c.9", "___"})
    void validTableNames(String name) {
        assertEquals(name, table(name).build().name());
    }

    @Test
    void tableNameOf255CharactersIsValid() {
        assertDoesNotThrow(() -> table("t".repeat(255)).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "", "has space", "bad/slash", "naïve", "semi;colon"})
    void invalidTableNamesAreRejectedNamingTheName(String name) {
        ValidationException e = assertThrows(ValidationException.class, () -> TableSpec.builder(name));
        assertMessage(e, "'" + name + "'", "3 to 255");
    }

    @Test
    void tableNameOf256CharactersAndNullAreRejected() {
        assertThrows(ValidationException.class, () -> TableSpec.builder("t".repeat(256)));
        assertThrows(ValidationException.class, () -> TableSpec.builder(null));
        assertThrows(ValidationException.class, () -> IndexSpec.global("ix"));
    }

    // ---------------------------------------------------------------------------- TableSpec

    @Test
    void aTableNeedsAPartitionKeyOfAKeyType() {
        assertMessage(assertThrows(ValidationException.class, () -> TableSpec.builder("tbl").build()), "'tbl'", "partition key");
        assertThrows(ValidationException.class, () -> TableSpec.builder("tbl").partitionKey("pk", BOOL));
        assertMessage(assertThrows(ValidationException.class, () -> table("tbl").sortKey("pk", N).build()), "'pk'");
    }

    @Test
    void builtSpecExposesItsParts() {
        TableSpec spec = table("orders").sortKey("sk", N).billing(Billing.provisioned(5, 5)).versionAttribute("ver")
                .globalIndex(IndexSpec.global("by_email").partitionKey("email", S).projection(Projection.keysOnly()).build())
                .localIndex(IndexSpec.local("by_date").sortKey("date", S).build())
                .build();
        assertEquals(KeyAttribute.of("pk", S), spec.partitionKey());
        assertEquals(KeyAttribute.of("sk", N), spec.sortKey().orElseThrow());
        assertEquals("ver", spec.versionAttribute().orElseThrow());
        assertTrue(spec.isKeyAttribute("pk") && spec.isKeyAttribute("sk"));
        assertFalse(spec.isKeyAttribute("ver"));
        assertTrue(spec.index("by_email").orElseThrow().isGlobal());
        IndexSpec lsi = spec.index("by_date").orElseThrow();
        assertEquals(IndexSpec.Kind.LOCAL, lsi.kind());
        assertEquals(spec.partitionKey(), lsi.partitionKey(), "an LSI shares the table's partition key");
        assertTrue(spec.index("nope").isEmpty());
        assertEquals(spec, spec.toBuilder().build());
        assertEquals(spec.hashCode(), spec.toBuilder().build().hashCode());
        assertNotEquals(spec, spec.toBuilder().billing(Billing.onDemand()).build());
    }

    @Test
    void localIndexRequiresATableSortKey() {
        IndexSpec lsi = IndexSpec.local("by_date").sortKey("date", S).build();
        ValidationException e = assertThrows(ValidationException.class, () -> table("tbl").localIndex(lsi).build());
        assertMessage(e, "'tbl'", "sort key");
    }

    @Test
    void indexBuildersEnforceTheirKind() {
        assertThrows(ValidationException.class, () -> IndexSpec.local("lsi").partitionKey("x", S));
        assertThrows(ValidationException.class, () -> IndexSpec.local("lsi").throughput(Billing.provisioned(1, 1)));
        assertMessage(assertThrows(ValidationException.class, () -> IndexSpec.global("gsi").build()), "'gsi'");
        assertMessage(assertThrows(ValidationException.class, () -> IndexSpec.local("lsi").build()), "'lsi'");
        IndexSpec gsi = IndexSpec.global("gsi").partitionKey("x", S).build();
        IndexSpec lsi = IndexSpec.local("lsi").sortKey("x", S).build();
        assertThrows(ValidationException.class, () -> table("tbl").localIndex(gsi));
        assertThrows(ValidationException.class, () -> table("tbl").globalIndex(lsi));
        assertEquals(Projection.all(), gsi.projection(), "the default projection is ALL, as in DynamoDB");
    }

    @Test
    void atMostFiveLocalIndexes() {
        TableSpec.Builder b = table("tbl").sortKey("sk", S);
        for (int i = 0; i < 5; i++) b.localIndex(IndexSpec.local("lsi" + i).sortKey("a" + i, S).build());
        assertEquals(5, b.build().localIndexes().size());
        b.localIndex(IndexSpec.local("lsi5").sortKey("a5", S).build());
        assertMessage(assertThrows(ValidationException.class, b::build), "'tbl'", "5");
    }

    @Test
    void atMostTwentyGlobalIndexes() {
        TableSpec.Builder b = table("tbl");
        for (int i = 0; i < 20; i++) b.globalIndex(IndexSpec.global("gsi" + i).partitionKey("a" + i, S).build());
        assertEquals(20, b.build().globalIndexes().size());
        b.globalIndex(IndexSpec.global("gsi20").partitionKey("a20", S).build());
        assertMessage(assertThrows(ValidationException.class, b::build), "'tbl'", "20");
    }

    @Test
    void indexNamesAreUniqueAcrossGlobalAndLocal() {
        TableSpec.Builder b = table("tbl").sortKey("sk", S)
                .globalIndex(IndexSpec.global("idx").partitionKey("a", S).build())
                .localIndex(IndexSpec.local("idx").sortKey("b", S).build());
        assertMessage(assertThrows(ValidationException.class, b::build), "'idx'", "twice");
        TableSpec.Builder g = table("tbl")
                .globalIndex(IndexSpec.global("idx").partitionKey("a", S).build())
                .globalIndex(IndexSpec.global("idx").partitionKey("b", S).build());
        assertThrows(ValidationException.class, g::build);
    }

    @Test
    void versionAttributeMustNotBeAKey() {
        assertMessage(assertThrows(ValidationException.class, () -> table("tbl").versionAttribute("pk").build()), "'pk'", "key");
        assertThrows(ValidationException.class, () -> table("tbl").sortKey("sk", N).versionAttribute("sk").build());
        assertThrows(ValidationException.class, () -> table("tbl").versionAttribute(""));
    }

    @Test
    void anAttributeCannotHaveTwoKeyTypes() {
        TableSpec.Builder b = table("tbl").globalIndex(IndexSpec.global("idx").partitionKey("pk", N).build());
        assertMessage(assertThrows(ValidationException.class, b::build), "'pk'", "'idx'", "S", "N");
        TableSpec.Builder l = table("tbl").sortKey("sk", S).localIndex(IndexSpec.local("ldx").sortKey("sk", B).build());
        assertThrows(ValidationException.class, l::build);
        // the same attribute with the same type is fine
        assertDoesNotThrow(() -> table("tbl").globalIndex(IndexSpec.global("idx").partitionKey("pk", S).build()).build());
    }

    @Test
    void twoIndexesCannotGiveOneAttributeTwoTypes() {
        // DynamoDB declares each key attribute once (AttributeDefinitions), whichever index uses it.
        TableSpec.Builder b = table("tbl")
                .globalIndex(IndexSpec.global("by_email").partitionKey("email", S).build())
                .globalIndex(IndexSpec.global("by_email_n").partitionKey("email", N).build());
        assertMessage(assertThrows(ValidationException.class, b::build), "'email'", "S", "N", "'tbl'");
        TableSpec.Builder mixed = table("tbl").sortKey("sk", S)
                .localIndex(IndexSpec.local("by_date").sortKey("date", S).build())
                .globalIndex(IndexSpec.global("by_date_g").partitionKey("pk", S).sortKey("date", B).build());
        assertThrows(ValidationException.class, mixed::build);
        assertDoesNotThrow(() -> table("tbl")
                .globalIndex(IndexSpec.global("by_email").partitionKey("email", S).build())
                .globalIndex(IndexSpec.global("by_email2").partitionKey("email", S).sortKey("pk", S).build()).build());
    }

    // ----------------------------------------------------------------------- keyOf / validateKey

    private final TableSpec simple = table("users").build();
    private final TableSpec composite = table("events").sortKey("sk", N).build();

    @Test
    void keyOfExtractsTheKeyAttributes() {
        assertEquals(Key.of("pk", "a"), simple.keyOf(Item.of("pk", "a", "other", 1)));
        assertEquals(Key.of("pk", "a", "sk", 5), composite.keyOf(Item.of("sk", 5, "x", 1, "pk", "a")));
    }

    @Test
    void missingKeyAttributeNamesTheKeyAndTable() {
        assertMessage(assertThrows(ValidationException.class, () -> simple.keyOf(Item.of("other", 1))), "Missing the key pk", "'users'");
        assertMessage(assertThrows(ValidationException.class, () -> composite.keyOf(Item.of("pk", "a"))), "Missing the key sk", "'events'");
    }

    @Test
    void keyTypeMismatchNamesExpectedAndActual() {
        ValidationException e = assertThrows(ValidationException.class, () -> simple.keyOf(Item.of("pk", 1)));
        assertMessage(e, "Type mismatch", "pk", "expected: S", "actual: N", "'users'");
        assertThrows(ValidationException.class, () -> composite.keyOf(Item.of("pk", "a", "sk", "1")));
    }

    @Test
    void emptyStringOrBinaryKeysAreRejected() {
        assertMessage(assertThrows(ValidationException.class, () -> simple.keyOf(Item.of("pk", ""))), "empty string", "pk");
        TableSpec binary = TableSpec.builder("bin").partitionKey("pk", B).build();
        assertThrows(ValidationException.class, () -> binary.keyOf(Item.of("pk", new byte[0])));
    }

    @Test
    void partitionKeyUpTo2048BytesSortKeyUpTo1024() {
        assertDoesNotThrow(() -> simple.keyOf(Item.of("pk", "x".repeat(2048))));
        assertMessage(assertThrows(ValidationException.class, () -> simple.keyOf(Item.of("pk", "x".repeat(2049)))), "2048", "pk");
        // 1025 UTF-8 bytes of two-byte characters: length in chars is under 2048, bytes are over
        assertThrows(ValidationException.class, () -> simple.keyOf(Item.of("pk", "é".repeat(1025))));
        TableSpec strings = table("strs").sortKey("sk", S).build();
        assertDoesNotThrow(() -> strings.keyOf(Item.of("pk", "a", "sk", "y".repeat(1024))));
        assertMessage(assertThrows(ValidationException.class, () -> strings.keyOf(Item.of("pk", "a", "sk", "y".repeat(1025)))), "1024", "sk");
        TableSpec binary = TableSpec.builder("bin").partitionKey("pk", B).build();
        assertThrows(ValidationException.class, () -> binary.keyOf(Item.of("pk", new byte[2049])));
    }

    @Test
    void validateKeyChecksSchemaAndValues() {
        assertDoesNotThrow(() -> composite.validateKey(Key.of("pk", "a", "sk", 1)));
        assertMessage(assertThrows(ValidationException.class, () -> composite.validateKey(Key.of("pk", "a"))),
                "The number of conditions on the keys is invalid", "'events'");
        assertThrows(ValidationException.class, () -> simple.validateKey(Key.of("pk", "a", "sk", 1)));
        assertThrows(ValidationException.class, () -> simple.validateKey(Key.of("id", "a")));
        assertMessage(assertThrows(ValidationException.class, () -> composite.validateKey(Key.of("pk", "a", "sk", "1"))), "Type mismatch");
        assertThrows(ValidationException.class, () -> simple.validateKey(Key.of("pk", "")));
        assertThrows(ValidationException.class, () -> simple.validateKey(Key.of("pk", "z".repeat(2049))));
    }
}
