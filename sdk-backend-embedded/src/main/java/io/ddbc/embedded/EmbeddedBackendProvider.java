package io.ddbc.embedded;

import io.ddbc.api.DdbcConfigException;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProvider;
import io.ddbc.spi.DdbcUrl;
import io.ddbc.spi.UrlParameter;
import java.util.List;
import java.util.Properties;

/**
 * Opens the embedded engine for URLs {@code ddbc:embedded:mem[?partitions=N]}; found by
 * {@link java.util.ServiceLoader}. {@code file:} targets (durable engines) are not supported yet.
 *
 * <pre>{@code
 * Backend backend = new EmbeddedBackendProvider().open(DdbcUrl.parse("ddbc:embedded:mem?partitions=8"), new Properties());
 * }</pre>
 */
public final class EmbeddedBackendProvider implements BackendProvider {
    /** Hash partitions per table. */
    public static final UrlParameter PARTITIONS =
            UrlParameter.of("partitions", UrlParameter.Type.INT, "4", "hash partitions per table (1 to 1024)");

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public List<UrlParameter> parameters() {
        return List.of(PARTITIONS);
    }

    @Override
    public Backend open(DdbcUrl url, Properties properties) {
        url.validate(parameters());
        String target = url.target();
        if (target.startsWith("file:")) {
            throw new DdbcConfigException("ddbc URL '" + url + "': durable 'file:' targets are not supported yet; use 'ddbc:embedded:mem'");
        }
        if (!target.equals("mem")) {
            throw new DdbcConfigException("ddbc URL '" + url + "': unknown embedded target '" + target + "'; expected 'mem'");
        }
        int partitions = url.getInt(PARTITIONS.name(), Integer.parseInt(PARTITIONS.defaultValue()));
        if (partitions < 1 || partitions > 1024) {
            throw new DdbcConfigException("URL parameter 'partitions' = " + partitions + " must be 1 to 1024 (ddbc URL '" + url + "')");
        }
        return EmbeddedBackend.inMemory(partitions);
    }
}
