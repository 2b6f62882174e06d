package io.ddbc.embedded.internal.global;

import java.util.List;

/** The region names of an engine by number (home is 0), and lookups that name the regions on error. */
final class Regions {
    private final List<String> names;

    Regions(List<String> names) {
        this.names = List.copyOf(names);
    }

    int size() {
        return names.size();
    }

    String name(int i) {
        return names.get(i);
    }

    List<String> names() {
        return names;
    }

    /** The number of a region. @throws io.ddbc.api.DdbcConfigException naming the region and the list */
    int indexOf(String region) {
        int i = region == null ? -1 : names.indexOf(region);
        if (i < 0) {
            throw new io.ddbc.api.DdbcConfigException("Unknown region '" + region + "'; this embedded engine has regions " + names);
        }
        return i;
    }
}
