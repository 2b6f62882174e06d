package io.ddbc.spi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.DdbcConfigException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DdbcUrlTest {

    private static void assertMessage(Throwable e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' missing in: " + e.getMessage());
    }

    private static DdbcConfigException rejected(String url) {
        return assertThrows(DdbcConfigException.class, () -> DdbcUrl.parse(url));
    }

    // ------------------------------------------------------------------------- DESIGN.md examples

    @Test
    void embeddedWithParameters() {
        DdbcUrl u = DdbcUrl.parse("ddbc:embedded:mem?replicas=3&seed=42");
        assertEquals("embedded", u.backend());
        assertEquals("mem", u.target());
        assertEquals(Map.of("replicas", "3", "seed", "42"), u.parameters());
        assertEquals(3, u.getInt("replicas", 1));
        assertEquals(42L, u.getLong("seed", 0));
        assertEquals("ddbc:embedded:mem?replicas=3&seed=42", u.text());
    }

    @Test
    void awsRegion() {
        DdbcUrl u = DdbcUrl.parse("ddbc:aws://eu-west-1");
        assertEquals("aws", u.backend());
        assertEquals("//eu-west-1", u.target());
        assertTrue(u.parameters().isEmpty());
    }

    @Test
    void awsEndpointWithColonsAndSlashesInTheValue() {
        DdbcUrl u = DdbcUrl.parse("ddbc:aws:?endpoint=http://127.0.0.1:8000&region=us-east-1");
        assertEquals("aws", u.backend());
        assertEquals("", u.target());
        assertEquals("http://127.0.0.1:8000", u.get("endpoint", null));
        assertEquals("us-east-1", u.get("region", null));
    }

    @Test
    void embeddedFileTargetKeepsItsColon() {
        DdbcUrl u = DdbcUrl.parse("ddbc:embedded:file:/tmp/x");
        assertEquals("embedded", u.backend());
        assertEquals("file:/tmp/x", u.target());
        assertEquals(DdbcUrl.DEFAULT_URL, DdbcUrl.parse(DdbcUrl.DEFAULT_URL).text());
    }

    @Test
    void parametersArePercentDecoded() {
        DdbcUrl u = DdbcUrl.parse("ddbc:aws:?endpoint=http%3A%2F%2F127.0.0.1%3A8000&profile=a%26b%3Dc&na%6De=x");
        assertEquals("http://127.0.0.1:8000", u.get("endpoint", null));
        assertEquals("a&b=c", u.get("profile", null), "an encoded & does not split parameters");
        assertEquals("x", u.get("name", null), "names are decoded too");
    }

    @Test
    void surroundingSpaceIsIgnoredAndEmptyQueryIsNoParameters() {
        assertEquals("mem", DdbcUrl.parse("  ddbc:embedded:mem \n").target());
        assertTrue(DdbcUrl.parse("ddbc:embedded:mem?").parameters().isEmpty());
    }

    // ------------------------------------------------------------------------------- malformed

    @Test
    void missingPrefixIsRejected() {
        assertMessage(rejected("jdbc:embedded:mem"), "'jdbc:embedded:mem'", "'ddbc:'");
        assertMessage(rejected("embedded:mem"), "'ddbc:'");
    }

    @Test
    void emptyIsRejected() {
        assertMessage(rejected(""), "empty");
        assertThrows(DdbcConfigException.class, () -> DdbcUrl.parse(null));
        assertThrows(DdbcConfigException.class, () -> DdbcUrl.parse("   "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ddbc:", "ddbc::mem", "ddbc:embedded"})
    void missingBackendOrTargetIsRejected(String url) {
        assertMessage(rejected(url), "'" + url + "'", "ddbc:<backend>:<target>");
    }

    @Test
    void badBackendNameIsNamed() {
        assertMessage(rejected("ddbc:Embedded:mem"), "'Embedded'");
        assertMessage(rejected("ddbc:em bedded:mem"), "'em bedded'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"replicas", "=3", "a=1&&b=2", "a=1&"})
    void parameterWithoutNameValueIsNamed(String query) {
        DdbcConfigException e = rejected("ddbc:embedded:mem?" + query);
        assertMessage(e, "name=value");
    }

    @Test
    void parameterWithoutEqualsNamesIt() {
        assertMessage(rejected("ddbc:embedded:mem?seed=1&replicas"), "'replicas'");
    }

    @Test
    void duplicateParameterIsNamed() {
        assertMessage(rejected("ddbc:embedded:mem?seed=1&seed=2"), "'seed'", "twice");
        assertMessage(rejected("ddbc:embedded:mem?seed=1&s%65ed=2"), "'seed'", "twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed=%zz", "seed=%4", "se%g1d=1"})
    void badPercentEncodingIsNamed(String query) {
        assertMessage(rejected("ddbc:embedded:mem?" + query), "percent-encoding");
    }

    // ---------------------------------------------------------------------------------- validate

    private static final List<UrlParameter> ACCEPTED = List.of(
            UrlParameter.of("replicas", UrlParameter.Type.INT, "3", "replicas per partition"),
            UrlParameter.of("seed", UrlParameter.Type.LONG, "0", "random seed"),
            UrlParameter.of("rate", UrlParameter.Type.DOUBLE, "0.1", "stale read rate"),
            UrlParameter.of("strict", UrlParameter.Type.BOOLEAN, "false", "strict mode"),
            UrlParameter.of("lag", UrlParameter.Type.DURATION, "100ms", "replication lag"),
            UrlParameter.of("region", UrlParameter.Type.STRING, null, "region"),
            UrlParameter.oneOf("consistency", "EVENTUAL", "default level", "EVENTUAL", "SESSION", "STRONG"),
            UrlParameter.oneOf("durability", "wal", "how to persist", "wal", "snapshot"));

    @Test
    void validUrlPassesValidation() {
        DdbcUrl u = DdbcUrl.parse("ddbc:embedded:mem?replicas=5&seed=-7&rate=0.25&strict=TRUE&lag=2s&region=x"
                + "&consistency=strong&durability=snapshot");
        assertDoesNotThrow(() -> u.validate(ACCEPTED));
    }

    @Test
    void enumChoicesMatchWhateverCaseTheyAreDeclaredIn() {
        assertDoesNotThrow(() -> DdbcUrl.parse("ddbc:embedded:mem?durability=wal").validate(ACCEPTED));
        assertDoesNotThrow(() -> DdbcUrl.parse("ddbc:embedded:mem?durability=WAL").validate(ACCEPTED));
        assertDoesNotThrow(() -> DdbcUrl.parse("ddbc:embedded:mem?consistency=Session").validate(ACCEPTED));
    }

    @Test
    void unknownParameterListsTheAcceptedOnes() {
        DdbcConfigException e = assertThrows(DdbcConfigException.class,
                () -> DdbcUrl.parse("ddbc:embedded:mem?replica=3").validate(ACCEPTED));
        assertMessage(e, "'replica'", "'embedded'", "replicas", "seed", "lag", "durability");
    }

    @ParameterizedTest
    @CsvSource({"replicas,three", "replicas,3.5", "replicas,99999999999", "seed,1e3", "rate,fast", "strict,yes", "strict,1",
            "lag,soon", "lag,5 parsecs", "consistency,LINEARIZABLE", "durability,paper"})
    void illTypedValuesNameTheParameterAndValue(String name, String value) {
        DdbcConfigException e = assertThrows(DdbcConfigException.class,
                () -> DdbcUrl.parse("ddbc:embedded:mem?" + name + "=" + value.replace(" ", "%20")).validate(ACCEPTED));
        assertMessage(e, "'" + name + "'", "'" + value + "'");
    }

    @Test
    void enumErrorListsTheChoices() {
        assertMessage(assertThrows(DdbcConfigException.class,
                () -> DdbcUrl.parse("ddbc:embedded:mem?consistency=x").validate(ACCEPTED)), "EVENTUAL", "SESSION", "STRONG");
    }

    // ------------------------------------------------------------------------------ typed getters

    @Test
    void typedGettersReturnDefaultsWhenAbsent() {
        DdbcUrl u = DdbcUrl.parse("ddbc:embedded:mem");
        assertEquals(3, u.getInt("replicas", 3));
        assertEquals(9L, u.getLong("seed", 9));
        assertEquals(0.5, u.getDouble("rate", 0.5));
        assertTrue(u.getBoolean("strict", true));
        assertEquals(Duration.ofSeconds(1), u.getDuration("lag", Duration.ofSeconds(1)));
        assertEquals(List.of(), u.getList("zones"));
        assertEquals("d", u.get("region", "d"));
    }

    @Test
    void typedGettersParseValues() {
        DdbcUrl u = DdbcUrl.parse("ddbc:embedded:mem?replicas=5&seed=-1&rate=0.25&strict=False&zones=a,%20b,,c");
        assertEquals(5, u.getInt("replicas", 3));
        assertEquals(-1L, u.getLong("seed", 0));
        assertEquals(0.25, u.getDouble("rate", 0));
        assertFalse(u.getBoolean("strict", true));
        assertEquals(List.of("a", "b", "c"), u.getList("zones"));
    }

    @ParameterizedTest
    @CsvSource({"250ms,250", "2s,2000", "1.5s,1500", "PT1M,60000", "pt2s,2000", "5m,300000", "100,100"})
    void durations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), DdbcUrl.parse("ddbc:embedded:mem?lag=" + text).getDuration("lag", null));
    }

    @Test
    void illTypedGetterNamesTheParameter() {
        DdbcUrl u = DdbcUrl.parse("ddbc:embedded:mem?replicas=x&seed=y&rate=z&strict=maybe&lag=soon");
        assertMessage(assertThrows(DdbcConfigException.class, () -> u.getInt("replicas", 1)), "'replicas'", "'x'");
        assertMessage(assertThrows(DdbcConfigException.class, () -> u.getLong("seed", 1)), "'seed'", "'y'");
        assertMessage(assertThrows(DdbcConfigException.class, () -> u.getDouble("rate", 1)), "'rate'", "'z'");
        assertMessage(assertThrows(DdbcConfigException.class, () -> u.getBoolean("strict", true)), "'strict'", "'maybe'");
        assertMessage(assertThrows(DdbcConfigException.class, () -> u.getDuration("lag", null)), "'lag'", "'soon'");
    }

    @Test
    void equalityIsByText() {
        assertEquals(DdbcUrl.parse("ddbc:embedded:mem?a=1"), DdbcUrl.parse("ddbc:embedded:mem?a=1"));
        assertEquals(DdbcUrl.parse("ddbc:embedded:mem?a=1").hashCode(), DdbcUrl.parse(" ddbc:embedded:mem?a=1").hashCode());
        assertFalse(DdbcUrl.parse("ddbc:embedded:mem?a=1").equals(DdbcUrl.parse("ddbc:embedded:mem?a=2")));
    }

    // ----------------------------------------------------------------------------- resolveDefault

    private static final Function<String, String> NONE = k -> null;

    private static ClassLoader loaderWith(Path dir, String propertiesText) throws IOException {
        if (propertiesText != null) Files.writeString(dir.resolve("ddbc.properties"), propertiesText);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }

    @Test
    void systemPropertyComesFirst(@TempDir Path dir) throws IOException {
        ClassLoader cl = loaderWith(dir, "ddbc.url=ddbc:embedded:file:/from-file\n");
        Function<String, String> props = k -> k.equals("ddbc.url") ? " ddbc:aws://from-property " : null;
        Function<String, String> env = k -> k.equals("DDBC_URL") ? "ddbc:aws://from-env" : null;
        assertEquals("ddbc:aws://from-property", DdbcUrl.resolveDefault(props, env, cl));
    }

    @Test
    void environmentComesSecond(@TempDir Path dir) throws IOException {
        ClassLoader cl = loaderWith(dir, "ddbc.url=ddbc:embedded:file:/from-file\n");
        Function<String, String> blank = k -> "  ";
        Function<String, String> env = k -> k.equals("DDBC_URL") ? "ddbc:aws://from-env" : null;
        assertEquals("ddbc:aws://from-env", DdbcUrl.resolveDefault(blank, env, cl));
    }

    @Test
    void propertiesFileComesThird(@TempDir Path dir) throws IOException {
        ClassLoader cl = loaderWith(dir, "# comment\nddbc.url = ddbc:embedded:file:/from-file\n");
        assertEquals("ddbc:embedded:file:/from-file", DdbcUrl.resolveDefault(NONE, NONE, cl));
    }

    @Test
    void defaultComesLast(@TempDir Path dir) throws IOException {
        assertEquals("ddbc:embedded:mem", DdbcUrl.resolveDefault(NONE, NONE, loaderWith(dir, null)));
        assertEquals("ddbc:embedded:mem", DdbcUrl.resolveDefault(NONE, NONE, loaderWith(dir, "other=1\n")));
    }

    @Test
    void unreadablePropertiesFileIsAConfigError(@TempDir Path dir) throws IOException {
        ClassLoader cl = loaderWith(dir, "ddbc.url=\\u00zz\n");
        assertMessage(assertThrows(DdbcConfigException.class, () -> DdbcUrl.resolveDefault(NONE, NONE, cl)), "ddbc.properties");
    }
}
