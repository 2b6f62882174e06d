package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The regions a token remembers: a set that survives serialization and merges by union. */
class SessionTokenRegionsTest {

    @Test
    void aSingleRegionTokenListsNoRegions() {
        assertTrue(SessionToken.empty("embedded", null).regions().isEmpty());
    }

    @Test
    void regionsAreASortedSetThatSurvivesSerialization() {
        SessionToken t = SessionToken.empty("g", null).withRegion("us-east-1").withRegion("eu-west-1").withRegion("us-east-1");
        assertEquals(List.of("eu-west-1", "us-east-1"), List.copyOf(t.regions()));
        assertEquals("eu-west-1,us-east-1", t.region());
        assertEquals(t.regions(), SessionToken.parse(t.serialize()).regions());
    }

    @Test
    void addingAKnownRegionChangesNothing() {
        SessionToken t = SessionToken.empty("g", "us-east-1");
        assertSame(t, t.withRegion("us-east-1"));
    }

    @Test
    void mergeUnitesRegions() {
        SessionToken a = SessionToken.empty("g", null).withRegion("us-east-1");
        SessionToken b = SessionToken.empty("g", null).withRegion("ap-south-1").withRegion("us-east-1");
        assertEquals(List.of("ap-south-1", "us-east-1"), List.copyOf(a.merge(b).regions()));
        assertEquals(List.of("us-east-1"), List.copyOf(a.merge(SessionToken.empty("g", null)).regions()));
    }

    @Test
    void badRegionNamesAreRefusedByName() {
        SessionToken t = SessionToken.empty("g", null);
        SessionTokenException comma = assertThrows(SessionTokenException.class, () -> t.withRegion("a,b"));
        assertTrue(comma.getMessage().contains("'a,b'"), comma.getMessage());
        assertThrows(SessionTokenException.class, () -> t.withRegion(""));
    }

    @Test
    void tooManyRegionsForTheBoundAreRefused() {
        SessionToken t = SessionToken.empty("g", null);
        for (int i = 0; i < 8; i++) t = t.withRegion("region-number-" + i);
        SessionToken full = t;
        SessionTokenException e = assertThrows(SessionTokenException.class, () -> full.withRegion("one-region-too-many"));
        assertTrue(e.getMessage().contains("region list"), e.getMessage());
    }
}
