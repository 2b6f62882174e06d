package io.ddbc.spi;

import io.ddbc.api.DdbcConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the {@link BackendProvider}s on the classpath, as {@code DriverManager} finds JDBC drivers.
 *
 * <pre>{@code
 * BackendProvider p = BackendProviders.find(DdbcUrl.parse("ddbc:embedded:mem"), getClass().getClassLoader());
 * }</pre>
 */
public final class BackendProviders {
    private BackendProviders() {
    }

    /**
     * Every provider visible to the class loader.
     *
     * @throws DdbcConfigException if a registered provider cannot be loaded
     */
    public static List<BackendProvider> installed(ClassLoader classLoader) {
        List<BackendProvider> out = new ArrayList<>();
        try {
            for (BackendProvider p : ServiceLoader.load(BackendProvider.class, classLoader)) out.add(p);
        } catch (ServiceConfigurationError e) {
            throw new DdbcConfigException("A ddbc backend registered in META-INF/services cannot be loaded: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The provider that accepts the URL.
     *
     * @throws DdbcConfigException naming the URL's backend and the backends that are present
     */
    public static BackendProvider find(DdbcUrl url, ClassLoader classLoader) {
        List<BackendProvider> all = installed(classLoader);
        for (BackendProvider p : all) {
            if (p.acceptsUrl(url)) return p;
        }
        List<String> names = new ArrayList<>();
        for (BackendProvider p : all) names.add(p.name());
        throw new DdbcConfigException("No ddbc backend accepts '" + url.text() + "' (backend '" + url.backend() + "'); present on the classpath: "
                + (names.isEmpty() ? "none — add ddbc-backend-embedded or ddbc-backend-aws" : names));
    }
}
