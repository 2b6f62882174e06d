package io.ddbc.spi;

import java.util.List;
import java.util.Properties;

/**
 * Opens backends for URLs, found with {@link java.util.ServiceLoader} exactly as
 * {@code java.sql.DriverManager} finds drivers: a backend module lists its provider in
 * {@code META-INF/services/io.ddbc.spi.BackendProvider}, and putting it on the classpath is all an
 * application does.
 *
 * <pre>{@code
 * public final class EmbeddedBackendProvider implements BackendProvider {
 *     public String name() { return "embedded"; }
 *     public List<UrlParameter> parameters() { return List.of(UrlParameter.of("seed", UrlParameter.Type.LONG, "0", "random seed")); }
 *     public Backend open(DdbcUrl url, Properties p) { return new EmbeddedBackend(url); }
 * }
 * }</pre>
 */
public interface BackendProvider {

    /** The backend name: the part after {@code ddbc:} in its URLs, e.g. {@code embedded}. */
    String name();

    /** Whether this provider opens the URL; by default, when the URL's backend is {@link #name()}. */
    default boolean acceptsUrl(DdbcUrl url) {
        return name().equals(url.backend());
    }

    /** The URL parameters this backend understands (unknown ones are rejected before {@link #open}). */
    List<UrlParameter> parameters();

    /**
     * Opens a backend.
     *
     * @param url the parsed URL, already validated against {@link #parameters()}
     * @param properties extra settings (e.g. credentials) given to the client builder; may be empty
     * @throws io.ddbc.api.DdbcConfigException if the URL's target is not usable
     */
    Backend open(DdbcUrl url, Properties properties);
}
