package io.ddbc.spi;

import java.util.List;
import java.util.Properties;

/** Registered through META-INF/services for the provider-discovery tests. */
public final class TestBackendProvider implements BackendProvider {
    static final List<UrlParameter> PARAMETERS = List.of(
            UrlParameter.of("replicas", UrlParameter.Type.INT, "3", "replicas per partition"),
            UrlParameter.of("strict", UrlParameter.Type.BOOLEAN, "false", "strict mode"));

    @Override
    public String name() {
        return "testdb";
    }

    @Override
    public List<UrlParameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public Backend open(DdbcUrl url, Properties properties) {
        url.validate(parameters());
        return new RecordingBackend(url);
    }
}
