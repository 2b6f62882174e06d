package io.ddbc.spi;

import io.ddbc.api.DdbcConfigException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules for region names in multi-region URLs and APIs, shared by every backend: AWS-style names
 * ({@code us-east-1}), each named once.
 *
 * <pre>{@code
 * List<String> regions = RegionNames.parse("us-east-1,eu-west-1", "URL parameter 'regions'");
 * }</pre>
 */
public final class RegionNames {
    /** An AWS-style region name: two letters, dash-separated words, a final number. */
    public static final Pattern PATTERN = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    private RegionNames() {
    }

    /**
     * The names of a comma-separated list, in order, trimmed and checked.
     *
     * @param where what to name in an error, e.g. {@code "URL parameter 'regions'"}
     * @throws DdbcConfigException naming {@code where} and the malformed or repeated region
     */
    public static List<String> parse(String commaSeparated, String where) {
        List<String> names = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) names.add(part.trim());
        check(names, where);
        return List.copyOf(names);
    }

    /**
     * Checks region names given as a list.
     *
     * @param where what to name in an error, e.g. {@code "AwsBackend.wrapRegions"}
     * @throws DdbcConfigException naming {@code where} and the malformed or repeated region
     */
    public static void check(List<String> names, String where) {
        List<String> seen = new ArrayList<>(names.size());
        for (String name : names) {
            if (name == null || !PATTERN.matcher(name).matches()) {
                throw new DdbcConfigException(where + ": '" + name + "' is not a region name like eu-west-1 (lower-case letters and"
                        + " dashes, then a number)");
            }
            if (seen.contains(name)) throw new DdbcConfigException(where + " names region '" + name + "' twice");
            seen.add(name);
        }
    }
}
