package io.ddbc.core.internal;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.ValidationException;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProvider;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import io.ddbc.spi.UrlParameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Opens a backend for a URL the way DriverManager opens a JDBC connection. */
public final class Connector {
    /** The URL parameters the core itself understands, on top of the backend's. */
    public static final List<UrlParameter> CORE_PARAMETERS = List.of(
            UrlParameter.oneOf("consistency", "EVENTUAL", "the client's default read consistency", "EVENTUAL", "SESSION", "STRONG"),
            UrlParameter.of("home", UrlParameter.Type.STRING, null, "the client's home region on a multi-region backend, e.g. eu-west-1"
                    + " (default: the backend's first region)"));

    /** An opened backend and the core settings found in its URL. */
    public record Connection(Backend backend, Consistency urlConsistency, boolean owned, String urlHome) {
        /** A connection whose URL named no home region. */
        public Connection(Backend backend, Consistency urlConsistency, boolean owned) {
            this(backend, urlConsistency, owned, null);
        }
    }

    private Connector() {
    }

    /** Wraps a backend the application opened itself (and closes itself). */
    public static Connection of(Backend backend) {
        return new Connection(backend, Consistency.EVENTUAL, false);
    }

    /**
     * Parse, find the provider, validate every parameter, open.
     *
     * @throws DdbcConfigException naming the bad part
     */
    public static Connection open(String text, Properties properties, ClassLoader classLoader) {
        if (text == null) throw new DdbcConfigException("No ddbc URL given: call url(...) or backend(...) on the builder, e.g. url(\""
                + DdbcUrl.DEFAULT_URL + "\")");
        DdbcUrl url = DdbcUrl.parse(text);
        BackendProvider provider = BackendProviders.find(url, classLoader != null ? classLoader : Connector.class.getClassLoader());
        List<UrlParameter> accepted = new ArrayList<>(provider.parameters());
        accepted.addAll(CORE_PARAMETERS);
        url.validate(accepted);
        Consistency consistency = parseConsistency(url);
        Backend backend = provider.open(withoutCoreParameters(url), properties);
        if (backend == null) throw new DdbcConfigException("Backend '" + provider.name() + "' returned no backend for '" + url.text() + "'");
        return new Connection(backend, consistency, true, url.parameters().get("home"));
    }

    private static Consistency parseConsistency(DdbcUrl url) {
        String c = url.get("consistency", "EVENTUAL");
        try {
            return Consistency.parse(c);
        } catch (ValidationException e) {
            throw new DdbcConfigException("URL parameter 'consistency' = '" + c + "' in '" + url.text() + "': " + e.getMessage());
        }
    }

    /** The URL the backend sees: its own parameters only, so a backend that re-validates is not confused. */
    static DdbcUrl withoutCoreParameters(DdbcUrl url) {
        if (CORE_PARAMETERS.stream().noneMatch(p -> url.parameters().containsKey(p.name()))) return url;
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> e : url.parameters().entrySet()) {
            if (CORE_PARAMETERS.stream().anyMatch(p -> p.name().equals(e.getKey()))) continue;
            query.append(query.length() == 0 ? "" : "&").append(encode(e.getKey())).append('=').append(encode(e.getValue()));
        }
        String base = "ddbc:" + url.backend() + ":" + url.target();
        return DdbcUrl.parse(query.length() == 0 ? base : base + "?" + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
