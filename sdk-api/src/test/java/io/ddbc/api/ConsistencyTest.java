package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsistencyTest {

    @Test
    void parsesTheThreeLevelsCaseInsensitively() {
        assertSame(Consistency.EVENTUAL, Consistency.parse("eventual"));
        assertSame(Consistency.SESSION, Consistency.parse(" Session "));
        assertSame(Consistency.STRONG, Consistency.parse("STRONG"));
    }

    @Test
    void parsesBoundedStalenessInMillisOrIso() {
        Consistency ms = Consistency.parse("bounded:250");
        assertEquals(Consistency.Level.BOUNDED, ms.level());
        assertEquals(Duration.ofMillis(250), ms.maxStaleness());
        assertEquals(Duration.ofSeconds(2), Consistency.parse("BOUNDED:PT2S").maxStaleness());
        assertEquals(Consistency.bounded(Duration.ofMillis(250)), ms);
        assertEquals(Consistency.bounded(Duration.ofMillis(250)).hashCode(), ms.hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "linearizable", "bounded:", "bounded:abc", "bounded:-5", "bounded:P"})
    void rejectsOtherTextNamingIt(String text) {
        ValidationException e = assertThrows(ValidationException.class, () -> Consistency.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void rejectsNullAndNegativeBounds() {
        assertThrows(ValidationException.class, () -> Consistency.parse(null));
        assertThrows(ValidationException.class, () -> Consistency.bounded(Duration.ofMillis(-1)));
        assertThrows(ValidationException.class, () -> Consistency.bounded(null));
    }

    @Test
    void toStringRoundTripsThroughParseForPlainLevels() {
        for (Consistency c : new Consistency[] {Consistency.EVENTUAL, Consistency.SESSION, Consistency.STRONG}) {
            assertSame(c, Consistency.parse(c.toString()));
        }
    }
}
