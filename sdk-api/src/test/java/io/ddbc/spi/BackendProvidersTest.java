package io.ddbc.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DescribeTableRequest;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendProvidersTest {

    private final ClassLoader loader = getClass().getClassLoader();

    @Test
    void theTestProviderIsInstalled() {
        assertTrue(BackendProviders.installed(loader).stream().anyMatch(p -> p instanceof TestBackendProvider));
    }

    @Test
    void findReturnsTheProviderForItsBackendNameAndOpenGivesAWorkingBackend() {
        DdbcUrl url = DdbcUrl.parse("ddbc:testdb:mem?replicas=2");
        BackendProvider p = BackendProviders.find(url, loader);
        assertInstanceOf(TestBackendProvider.class, p);
        Backend backend = p.open(url, new Properties());
        RecordingBackend recording = backend.unwrap(RecordingBackend.class);
        assertSame(backend, recording);
        assertEquals(2, recording.url.getInt("replicas", 3));
        new DescribeTableRequest("tbl").sendTo(backend);
        assertEquals("describeTable", recording.calls.get(0));
        assertNull(backend.unwrap(String.class));
        backend.close();
        assertTrue(recording.closed);
    }

    @Test
    void unknownBackendListsThePresentOnes() {
        DdbcConfigException e = assertThrows(DdbcConfigException.class,
                () -> BackendProviders.find(DdbcUrl.parse("ddbc:cassandra:x"), loader));
        assertTrue(e.getMessage().contains("testdb"), e.getMessage());
        assertTrue(e.getMessage().contains("'cassandra'"), e.getMessage());
        assertTrue(e.getMessage().contains("ddbc:cassandra:x"), e.getMessage());
    }

    @Test
    void noProvidersAtAllSaysWhatToAdd(@TempDir Path dir) throws IOException {
        ClassLoader empty = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
        DdbcConfigException e = assertThrows(DdbcConfigException.class,
                () -> BackendProviders.find(DdbcUrl.parse("ddbc:embedded:mem"), empty));
        assertTrue(e.getMessage().contains("ddbc-backend-embedded"), e.getMessage());
    }

    @Test
    void openRejectsUnknownParameters() {
        DdbcUrl url = DdbcUrl.parse("ddbc:testdb:mem?replica=2");
        DdbcConfigException e = assertThrows(DdbcConfigException.class,
                () -> BackendProviders.find(url, loader).open(url, new Properties()));
        assertTrue(e.getMessage().contains("'replica'") && e.getMessage().contains("replicas"), e.getMessage());
    }

    @Test
    void aBrokenRegistrationIsAConfigError(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(BackendProvider.class.getName()), "io.ddbc.nowhere.MissingProvider\n");
        ClassLoader broken = new URLClassLoader(new URL[] {dir.toUri().toURL()}, loader);
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> BackendProviders.installed(broken));
        assertTrue(e.getMessage().contains("META-INF/services"), e.getMessage());
    }
}
