package io.ddbc.embedded.internal.global;

import java.util.List;

/**
 * The regions of a multi-region embedded engine and their cross-region lag model, from its URL (see
 * {@code EmbeddedBackendProvider}).
 *
 * @param regions region names, home first, validated and distinct
 * @param lagMedianMs median cross-region replication lag, ms (log-normal, σ = 1)
 * @param spikeProbability chance that one record's cross-region lag gets {@code spikeMs} added
 * @param spikeMs the extra lag of a spike, ms
 */
public record RegionSettings(List<String> regions, double lagMedianMs, double spikeProbability, double spikeMs) {
    /** Copies the list. */
    public RegionSettings {
        regions = List.copyOf(regions);
    }
}
