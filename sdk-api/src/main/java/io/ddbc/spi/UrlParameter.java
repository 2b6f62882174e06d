package io.ddbc.spi;

import io.ddbc.api.DdbcConfigException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A documented URL parameter: its name, type, default and meaning. Backends and the core declare
 * theirs; {@link DdbcUrl#validate} rejects unknown or ill-typed parameters with a message that lists
 * what is accepted.
 *
 * <pre>{@code
 * UrlParameter replicas = UrlParameter.of("replicas", UrlParameter.Type.INT, "3", "replicas per partition (1 or 3)");
 * }</pre>
 *
 * @param name the parameter name
 * @param type how the value is parsed
 * @param defaultValue the default as text, or null
 * @param description what it does, for help texts and error messages
 * @param choices the accepted values of an {@link Type#ENUM}, upper case; empty otherwise
 */
public record UrlParameter(String name, Type type, String defaultValue, String description, List<String> choices) {

    /** How a parameter's text is parsed. */
    public enum Type {
        /** Any text. */ STRING,
        /** A 32-bit integer. */ INT,
        /** A 64-bit integer. */ LONG,
        /** A decimal number. */ DOUBLE,
        /** {@code true} or {@code false}. */ BOOLEAN,
        /** Milliseconds ({@code 250}), a unit ({@code 250ms}, {@code 2s}, {@code 5m}) or ISO-8601 ({@code PT2S}). */ DURATION,
        /** One of {@link UrlParameter#choices()}, case-insensitive. */ ENUM,
        /** A comma-separated list. */ LIST
    }

    /** Copies the choices. */
    public UrlParameter {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** A parameter of a non-enum type. */
    public static UrlParameter of(String name, Type type, String defaultValue, String description) {
        return new UrlParameter(name, type, defaultValue, description, List.of());
    }

    /** An enum parameter. */
    public static UrlParameter oneOf(String name, String defaultValue, String description, String... choices) {
        return new UrlParameter(name, Type.ENUM, defaultValue, description, List.of(choices));
    }

    /**
     * Checks a value against the type.
     *
     * @throws DdbcConfigException naming the parameter, the value and the type expected
     */
    public void check(String value) {
        try {
            switch (type) {
                case INT: Integer.parseInt(value); break;
                case LONG: Long.parseLong(value); break;
                case DOUBLE: Double.parseDouble(value); break;
                case BOOLEAN:
                    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) throw new IllegalArgumentException();
                    break;
                case DURATION: parseDuration(value); break;
                case ENUM:
                    // Choices match in any case, whatever case they were declared in.
                    if (choices.stream().noneMatch(value::equalsIgnoreCase)) {
                        throw new DdbcConfigException("URL parameter '" + name + "' = '" + value + "' is not one of " + choices);
                    }
                    break;
                default:
            }
        } catch (DdbcConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DdbcConfigException("URL parameter '" + name + "' = '" + value + "' is not a valid " + type.name().toLowerCase(Locale.ROOT)
                    + " (" + description + ")");
        }
    }

    /** Parses a duration as accepted by {@link Type#DURATION}. @throws IllegalArgumentException if malformed */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) return Duration.parse(t.toUpperCase(Locale.ROOT));
        if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        if (t.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        if (t.endsWith("m")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)) * 60);
        return Duration.ofMillis(Long.parseLong(t));
    }
}
