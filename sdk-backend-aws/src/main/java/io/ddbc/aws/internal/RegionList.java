package io.ddbc.aws.internal;

import io.ddbc.api.DdbcConfigException;
import io.ddbc.spi.DdbcUrl;
import io.ddbc.spi.RegionNames;
import java.util.List;

/**
 * The regions an {@code aws} URL names, home first: from its target ({@code ddbc:aws://us-east-1,eu-west-1}),
 * the {@code regions} parameter or the single-region {@code region} parameter. One place for the rules, so
 * every way of naming regions is checked alike: names like AWS's, none twice, the URL and the parameters agree.
 */
public final class RegionList {
    /** An AWS region name, e.g. {@code eu-west-1} or {@code us-gov-west-1}. */

    private RegionList() {
    }

    /**
     * The regions of the URL in its order; empty when it names none (the SDK's region chain decides).
     *
     * @throws DdbcConfigException naming the malformed or duplicated region and where it was given
     */
    public static List<String> of(DdbcUrl url) {
        List<String> fromTarget = fromTarget(url);
        String region = url.get("region", null);
        String regionsText = url.get("regions", null);
        if (region != null && regionsText != null) {
            throw new DdbcConfigException("aws URL '" + url.text() + "' gives both 'region' and 'regions'; give one of them");
        }
        if (regionsText != null) {
            List<String> fromParameter = parse(url, regionsText, "URL parameter 'regions'");
            if (!fromTarget.isEmpty() && !fromTarget.equals(fromParameter)) {
                throw new DdbcConfigException("aws URL '" + url.text() + "' names its regions twice, differently: " + fromTarget
                        + " and regions=" + regionsText);
            }
            return fromParameter;
        }
        if (region == null) return fromTarget;
        if (fromTarget.isEmpty()) return List.of(region);
        if (fromTarget.size() > 1 || !fromTarget.get(0).equals(region)) {
            throw new DdbcConfigException("aws URL '" + url.text() + "' names two regions: '" + String.join(",", fromTarget)
                    + "' and region=" + region);
        }
        return fromTarget;
    }

    private static List<String> fromTarget(DdbcUrl url) {
        String target = url.target();
        if (target.isEmpty()) return List.of();
        if (!target.startsWith("//") || target.length() == 2) {
            throw new DdbcConfigException("Malformed aws URL '" + url.text()
                    + "': expected ddbc:aws://REGION[,REGION...] or ddbc:aws:?endpoint=...&region=...");
        }
        return parse(url, target.substring(2), "Malformed aws URL '" + url.text() + "'");
    }

    private static List<String> parse(DdbcUrl url, String text, String where) {
        try {
            return RegionNames.parse(text, where);
        } catch (DdbcConfigException e) {
            throw new DdbcConfigException(e.getMessage() + " (" + url.text() + ")");
        }
    }
}
