package io.ddbc.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.DdbcConfigException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionNamesTest {

    @Test
    void aListIsTrimmedAndKeepsItsOrder() {
        assertEquals(List.of("us-east-1", "eu-west-1", "ap-southeast-12"), RegionNames.parse(" us-east-1, eu-west-1,ap-southeast-12", "x"));
        assertEquals(List.of("us-gov-west-1"), RegionNames.parse("us-gov-west-1", "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "us-east", "US-EAST-1", "mars", "us-east-1,", "us east-1", "u-east-1"})
    void malformedNamesAreRefusedNamingWhereAndWhat(String text) {
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> RegionNames.parse(text, "URL parameter 'regions'"));
        assertTrue(e.getMessage().startsWith("URL parameter 'regions': '") && e.getMessage().contains("is not a region name"), e.getMessage());
    }

    @Test
    void aRegionNamedTwiceIsRefused() {
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> RegionNames.check(Arrays.asList("eu-west-1", "eu-west-1"), "wrap"));
        assertEquals("wrap names region 'eu-west-1' twice", e.getMessage());
        assertThrows(DdbcConfigException.class, () -> RegionNames.check(Arrays.asList("eu-west-1", null), "wrap"));
    }
}
