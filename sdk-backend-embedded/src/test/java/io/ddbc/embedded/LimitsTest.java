package io.ddbc.embedded;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitsTest {
    private final EmbeddedBackend b = Fixture.backendWithTables();

    @Test
    void itemOf400KilobytesIsAcceptedOneByteMoreIsNot() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "k", "pad", Fixture.bytes(400 * 1024 - 6)));
        Fixture.invalid("Item size has exceeded the maximum allowed size",
                () -> Fixture.put(b, Fixture.SIMPLE, Item.of("id", "k", "pad", Fixture.bytes(400 * 1024 - 5))));
    }

    @Test
    void localIndexEntriesCountTowardTheItemSize() {
        // by_rank projects 'score': an item of ~250 KB whose score is ~200 KB exceeds 400 KB with its LSI entry.
        Fixture.invalid("including local secondary index entries", () -> Fixture.put(b, Fixture.SORTED,
                Item.of("pk", "p", "sk", 1, "rank", 1, "score", Fixture.bytes(200 * 1024), "other", Fixture.bytes(50 * 1024))));
        Fixture.put(b, Fixture.SORTED, Item.of("pk", "p", "sk", 1, "score", Fixture.bytes(200 * 1024), "other", Fixture.bytes(50 * 1024)));
    }

    @Test
    void nestingDeeperThan32IsRejected() {
        AttributeValue v = AttributeValue.s("leaf");
        for (int i = 0; i < 32; i++) v = AttributeValue.m(Map.of("a", v));
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "ok", "deep", v));
        AttributeValue deep = v;   // one level more is refused as soon as it is built
        Fixture.invalid("Nesting Levels have exceeded supported limits", () -> Fixture.put(b, Fixture.SIMPLE, Item.of("id", "k", "deep",
                AttributeValue.l(deep))));
    }

    @Test
    void indexKeysAreChecked() {
        Fixture.invalid("Type mismatch for Index Key email Expected: S Actual: N IndexName: by_email",
                () -> Fixture.put(b, Fixture.SORTED, Item.of("pk", "p", "sk", 1, "email", 1)));
        Fixture.invalid("A value specified for a secondary index key is not supported",
                () -> Fixture.put(b, Fixture.SORTED, Item.of("pk", "p", "sk", 1, "email", "")));
        Fixture.invalid("Size of index key email has exceeded the maximum size limit of 2048 bytes",
                () -> Fixture.put(b, Fixture.SORTED, Item.of("pk", "p", "sk", 1, "email", Fixture.bytes(2049))));
    }

    @Test
    void emptyAttributeNameIsRejected() {
        Fixture.invalid("An attribute name cannot be empty", () -> Fixture.put(b, Fixture.SIMPLE, Item.of("id", "k", "", 1)));
    }

    @Test
    void emptyStringsAreFineOutsideKeys() {
        Fixture.put(b, Fixture.SIMPLE, Item.of("id", "k", "blank", ""));
        Fixture.invalid("cannot contain an empty string", () -> Fixture.put(b, Fixture.SIMPLE, Item.of("id", "")));
    }

    @Test
    void numbersAndSetsAreValidatedOnConstruction() {
        Fixture.invalid("38 significant digits", () -> AttributeValue.n("1234567890123456789012345678901234567890"));
        Fixture.invalid("Number overflow", () -> AttributeValue.n("1E+126"));
        Fixture.invalid("may not be empty", () -> AttributeValue.ss(java.util.List.of()));
        Fixture.invalid("contains duplicates", () -> AttributeValue.ns(java.util.List.of("1", "1.0")));
    }
}
