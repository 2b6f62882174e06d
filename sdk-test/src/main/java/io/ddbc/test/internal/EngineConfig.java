package io.ddbc.test.internal;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.core.Ddbc;
import io.ddbc.test.DdbcTest;
import java.util.Locale;

/** How one test's embedded engine is opened; the single place that builds its URL. Not for applications. */
public record EngineConfig(long seed, double lagMs, double lagSpikeProbability, double lagSpikeMs, boolean virtualTime,
                           int replicas, int partitions, Consistency consistency, java.util.List<String> regions, double regionLagMs) {

    /** Copies the region list (empty: a single-region engine). */
    public EngineConfig {
        regions = java.util.List.copyOf(regions);
    }

    /** The engine a {@link DdbcTest} asks for, under {@code seed}. */
    public static EngineConfig of(DdbcTest test, long seed) {
        return new EngineConfig(seed, test.lagMs(), test.lagSpikeProbability(), test.lagSpikeMs(), test.virtualTime(),
                test.replicas(), test.partitions(), Consistency.parse(test.consistency()), java.util.List.of(test.regions()),
                test.regionLagMs());
    }

    /** High lag with frequent spikes on virtual time: stale reads are common, so intolerant code fails fast. */
    public static EngineConfig highLag(long seed) {
        return new EngineConfig(seed, 200, 0.05, 2000, true, 3, 4, Consistency.EVENTUAL, java.util.List.of(), 250);
    }

    /** The ddbc URL of this engine (validated by the embedded provider when opened). */
    public String url() {
        String url = String.format(Locale.ROOT, "ddbc:embedded:mem?time=%s&seed=%d&lagMs=%s&lagSpikeProbability=%s&lagSpikeMs=%s&replicas=%d&partitions=%d",
                virtualTime ? "virtual" : "real", seed, lagMs, lagSpikeProbability, lagSpikeMs, replicas, partitions);
        return regions.isEmpty() ? url : url + String.format(Locale.ROOT, "&regions=%s&regionLagMs=%s", String.join(",", regions), regionLagMs);
    }

    /** Opens a fresh engine and a client over it. */
    public DdbcClient connect() {
        return Ddbc.builder().url(url()).defaultConsistency(consistency).build();
    }
}
