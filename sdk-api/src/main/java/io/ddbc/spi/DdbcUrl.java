package io.ddbc.spi;

import io.ddbc.api.DdbcConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * A parsed ddbc connection URL: {@code ddbc:<backend>:<target>[?name=value&...]}.
 *
 * <pre>{@code
 * DdbcUrl.parse("ddbc:embedded:mem?replicas=3&seed=42");          // backend embedded, target mem
 * DdbcUrl.parse("ddbc:aws://eu-west-1");                            // backend aws, target //eu-west-1
 * DdbcUrl.parse("ddbc:aws:?endpoint=http://127.0.0.1:8000&region=us-east-1");
 * DdbcUrl.parse("ddbc:embedded:file:/var/lib/app/ddbc");           // target file:/var/lib/app/ddbc
 * }</pre>
 *
 * Parameter values are percent-decoded. Immutable.
 */
public final class DdbcUrl {
    /** The URL used when nothing is configured. */
    public static final String DEFAULT_URL = "ddbc:embedded:mem";
    /** The system property and {@code ddbc.properties} key naming the URL. */
    public static final String URL_PROPERTY = "ddbc.url";
    /** The environment variable naming the URL. */
    public static final String URL_ENV = "DDBC_URL";

    private final String text;
    private final String backend;
    private final String target;
    private final Map<String, String> parameters;

    private DdbcUrl(String text, String backend, String target, Map<String, String> parameters) {
        this.text = text;
        this.backend = backend;
        this.target = target;
        this.parameters = parameters;
    }

    /**
     * Parses a URL.
     *
     * @throws DdbcConfigException naming the malformed part
     */
    public static DdbcUrl parse(String url) {
        if (url == null || url.isBlank()) throw new DdbcConfigException("ddbc URL is empty; expected e.g. '" + DEFAULT_URL + "'");
        String text = url.trim();
        if (!text.startsWith("ddbc:")) {
            throw new DdbcConfigException("Malformed ddbc URL '" + text + "': it must start with 'ddbc:' (e.g. '" + DEFAULT_URL + "')");
        }
        String rest = text.substring("ddbc:".length());
        int colon = rest.indexOf(':');
        if (colon <= 0) {
            throw new DdbcConfigException("Malformed ddbc URL '" + text + "': expected 'ddbc:<backend>:<target>', e.g. '" + DEFAULT_URL + "'");
        }
        String backend = rest.substring(0, colon);
        if (!backend.matches("[a-z][a-z0-9-]*")) {
            throw new DdbcConfigException("Malformed ddbc URL '" + text + "': backend name '" + backend
                    + "' must be lower-case letters, digits and '-'");
        }
        String afterBackend = rest.substring(colon + 1);
        int q = afterBackend.indexOf('?');
        String target = q < 0 ? afterBackend : afterBackend.substring(0, q);
        Map<String, String> params = new LinkedHashMap<>();
        if (q >= 0) {
            String query = afterBackend.substring(q + 1);
            if (!query.isEmpty()) {
                for (String pair : query.split("&", -1)) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new DdbcConfigException("Malformed ddbc URL '" + text + "': parameter '" + pair + "' is not name=value");
                    }
                    String name = decode(text, pair.substring(0, eq));
                    String value = decode(text, pair.substring(eq + 1));
                    if (params.put(name, value) != null) {
                        throw new DdbcConfigException("Malformed ddbc URL '" + text + "': parameter '" + name + "' is given twice");
                    }
                }
            }
        }
        return new DdbcUrl(text, backend, target, Collections.unmodifiableMap(params));
    }

    private static String decode(String url, String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new DdbcConfigException("Malformed ddbc URL '" + url + "': bad percent-encoding in '" + s + "'");
        }
    }

    /**
     * The URL to use when none is given: system property {@value #URL_PROPERTY}, then environment
     * variable {@value #URL_ENV}, then {@value #URL_PROPERTY} in {@code ddbc.properties} on the
     * classpath, then {@value #DEFAULT_URL}.
     */
    public static String resolveDefault() {
        return resolveDefault(System::getProperty, System::getenv, Thread.currentThread().getContextClassLoader());
    }

    /** {@link #resolveDefault()} with its sources given, for tests. */
    public static String resolveDefault(Function<String, String> systemProperties, Function<String, String> environment,
                                        ClassLoader classLoader) {
        String fromProperty = systemProperties.apply(URL_PROPERTY);
        if (fromProperty != null && !fromProperty.isBlank()) return fromProperty.trim();
        String fromEnv = environment.apply(URL_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) return fromEnv.trim();
        ClassLoader cl = classLoader != null ? classLoader : DdbcUrl.class.getClassLoader();
        try (InputStream in = cl.getResourceAsStream("ddbc.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String fromFile = p.getProperty(URL_PROPERTY);
                if (fromFile != null && !fromFile.isBlank()) return fromFile.trim();
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new DdbcConfigException("Cannot read ddbc.properties from the classpath: " + e.getMessage(), e);
        }
        return DEFAULT_URL;
    }

    /**
     * Checks every parameter is declared and well-typed.
     *
     * @throws DdbcConfigException naming an unknown parameter (with the accepted ones) or an ill-typed value
     */
    public void validate(Collection<UrlParameter> accepted) {
        Map<String, UrlParameter> byName = new LinkedHashMap<>();
        for (UrlParameter p : accepted) byName.put(p.name(), p);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            UrlParameter p = byName.get(e.getKey());
            if (p == null) {
                throw new DdbcConfigException("Unknown parameter '" + e.getKey() + "' in ddbc URL '" + text + "'; backend '" + backend
                        + "' accepts " + new ArrayList<>(byName.keySet()));
            }
            p.check(e.getValue());
        }
    }

    /** The URL as given. */
    public String text() {
        return text;
    }

    /** The backend name, e.g. {@code embedded}. */
    public String backend() {
        return backend;
    }

    /** What follows the backend name, before {@code ?}: e.g. {@code mem}, {@code //eu-west-1}, or empty. */
    public String target() {
        return target;
    }

    /** The parameters, decoded, in order. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** A parameter's text, or the default. */
    public String get(String name, String defaultValue) {
        return parameters.getOrDefault(name, defaultValue);
    }

    /** An integer parameter, or the default. @throws DdbcConfigException if not an integer */
    public int getInt(String name, int defaultValue) {
        String v = parameters.get(name);
        if (v == null) return defaultValue;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new DdbcConfigException("URL parameter '" + name + "' = '" + v + "' is not an integer");
        }
    }

    /** A long parameter, or the default. @throws DdbcConfigException if not an integer */
    public long getLong(String name, long defaultValue) {
        String v = parameters.get(name);
        if (v == null) return defaultValue;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new DdbcConfigException("URL parameter '" + name + "' = '" + v + "' is not an integer");
        }
    }

    /** A decimal parameter, or the default. @throws DdbcConfigException if not a number */
    public double getDouble(String name, double defaultValue) {
        String v = parameters.get(name);
        if (v == null) return defaultValue;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new DdbcConfigException("URL parameter '" + name + "' = '" + v + "' is not a number");
        }
    }

    /** A boolean parameter, or the default. @throws DdbcConfigException if not true/false */
    public boolean getBoolean(String name, boolean defaultValue) {
        String v = parameters.get(name);
        if (v == null) return defaultValue;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw new DdbcConfigException("URL parameter '" + name + "' = '" + v + "' is not true or false");
    }

    /** A duration parameter, or the default. @throws DdbcConfigException if malformed */
    public Duration getDuration(String name, Duration defaultValue) {
        String v = parameters.get(name);
        if (v == null) return defaultValue;
        try {
            return UrlParameter.parseDuration(v);
        } catch (RuntimeException e) {
            throw new DdbcConfigException("URL parameter '" + name + "' = '" + v + "' is not a duration (e.g. 250ms, 2s, PT1M)");
        }
    }

    /** A comma-separated list parameter, or an empty list. */
    public List<String> getList(String name) {
        String v = parameters.get(name);
        if (v == null || v.isBlank()) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) if (!s.isBlank()) out.add(s.trim());
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DdbcUrl && text.equals(((DdbcUrl) o).text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
