package io.ddbc.aws;

import io.ddbc.api.DdbcConfigException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regions of a multi-region {@link AwsBackend}: their names (home first) and one view per region.
 * Shared by the backend and its views; the views are added once, before the backend is published, and
 * never change.
 */
final class Regions {
    private final List<String> names;
    private final boolean independentEndpoints;
    private final Map<String, AwsBackend> views = new LinkedHashMap<>();

    /**
     * @param names the regions, home first
     * @param independentEndpoints true when each region is its own endpoint (e.g. one DynamoDB Local per region), so
     *                             there is no global-table service to create replicas: tables are created in each
     */
    Regions(List<String> names, boolean independentEndpoints) {
        this.names = List.copyOf(names);
        this.independentEndpoints = independentEndpoints;
    }

    void add(String region, AwsBackend view) {
        views.put(region, view);
    }

    List<String> names() {
        return names;
    }

    String home() {
        return names.get(0);
    }

    boolean independentEndpoints() {
        return independentEndpoints;
    }

    /** Every view, home first. */
    Iterable<AwsBackend> views() {
        return views.values();
    }

    AwsBackend view(String region) {
        AwsBackend view = views.get(region);
        if (view == null) {
            throw new DdbcConfigException("The aws backend has no region '" + region + "'; its regions are " + names);
        }
        return view;
    }
}
