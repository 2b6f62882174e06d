package io.ddbc.embedded;

import io.ddbc.api.DdbcConfigException;
import io.ddbc.embedded.internal.global.RegionSettings;
import io.ddbc.embedded.internal.replication.ReplicationSettings;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProvider;
import io.ddbc.spi.DdbcUrl;
import io.ddbc.spi.UrlParameter;
import java.util.List;
import java.util.Properties;

/**
 * Opens the embedded engine for URLs {@code ddbc:embedded:mem[?name=value&...]}; found by
 * {@link java.util.ServiceLoader}. {@code file:} targets (durable engines) are not supported yet.
 *
 * <p>{@code ddbc:embedded:mem} opens a private engine per call. {@code ddbc:embedded:mem:NAME} (like H2's
 * {@code jdbc:h2:mem:NAME}) shares one engine among every client in the JVM that connects with that name: its
 * tables, clock, faults and session scope (tokens pass between those clients). The engine lives until its last
 * client closes, or with {@code keepAlive=jvm} until the JVM exits; a client asking for the name with other
 * parameters is refused with {@link DdbcConfigException}.
 *
 * <p>Parameters (each validated; unknown ones are refused):
 * <ul>
 *   <li>{@code partitions} — hash partitions per table, 1 to 1024 (default 4).</li>
 *   <li>{@code replicas} — 1 (single node: no followers, no lag, no threads) or 3 (default: leader and two
 *       followers in az-a/az-b/az-c; a write is acknowledged once the leader and one follower have it).</li>
 *   <li>{@code seed} — seeds every random choice (replica choice, lags, service latency); default 0 on virtual
 *       time, random on real time.</li>
 *   <li>{@code time} — {@code real} (default; one daemon thread delivers lagging records) or {@code virtual}
 *       (nothing runs on its own; {@code EmbeddedControl.advance/settle} and each operation's service latency
 *       move the clock, so a run is reproducible from its seed).</li>
 *   <li>{@code lagMs} — median replication lag to the lagging follower in ms (default 20; log-normal with σ=1:
 *       about 95% of records within 100 ms, a long tail beyond).</li>
 *   <li>{@code lagSpikeProbability} / {@code lagSpikeMs} — chance (default 0.001) that a record's lag gets
 *       {@code lagSpikeMs} (default 1000) added.</li>
 *   <li>{@code gsiLagMs} — median lag of global secondary index maintenance in ms (default 30, log-normal).</li>
 *   <li>{@code serviceLatencyMs} — virtual time only: mean modelled duration of each operation (default 1,
 *       exponential), by which every operation advances the clock, so long workloads see realistic staleness
 *       without explicit {@code advance()}; 0 turns it off.</li>
 *   <li>{@code regions} — global tables: a comma-separated list of distinct AWS-style region names
 *       ({@link io.ddbc.spi.RegionNames}, e.g. {@code us-east-1,eu-west-1}), home first. Each region is its own
 *       engine with every other parameter above (replicas, lags, faults), all on one clock and one position
 *       counter; tables exist in every region; writes replicate between regions asynchronously, last writer
 *       wins per item (ties: the greater region name), without using the destination's provisioned throughput.
 *       The backend serves the home region; {@code Backend.region(name)} gives the others.</li>
 *   <li>{@code regionLagMs} — with {@code regions}: median cross-region replication lag in ms (default 250;
 *       log-normal with σ=1, most writes well under a second).</li>
 *   <li>{@code regionLagSpikeProbability} / {@code regionLagSpikeMs} — with {@code regions}: chance (default
 *       0.001) that a write's cross-region lag gets {@code regionLagSpikeMs} (default 5000) added.</li>
 * </ul>
 *
 * <pre>{@code
 * Backend backend = new EmbeddedBackendProvider().open(DdbcUrl.parse("ddbc:embedded:mem?time=virtual&seed=42"), new Properties());
 * Backend global = new EmbeddedBackendProvider().open(DdbcUrl.parse("ddbc:embedded:mem?regions=us-east-1,eu-west-1&regionLagMs=400"),
 *         new Properties());
 * }</pre>
 */
public final class EmbeddedBackendProvider implements BackendProvider {
    /** Hash partitions per table. */
    public static final UrlParameter PARTITIONS =
            UrlParameter.of("partitions", UrlParameter.Type.INT, "4", "hash partitions per table (1 to 1024)");
    /** Replicas per partition. */
    public static final UrlParameter REPLICAS = UrlParameter.of("replicas", UrlParameter.Type.INT, "3", "replicas per partition (1 or 3)");
    /** The seed of every random choice. */
    public static final UrlParameter SEED = UrlParameter.of("seed", UrlParameter.Type.LONG, null,
            "seed of replica choice, lags and service latency (default 0 on virtual time, random on real time)");
    /** How long a named engine ({@code mem:NAME}) lives. */
    public static final UrlParameter KEEP_ALIVE = UrlParameter.oneOf("keepAlive", "CLIENTS",
            "named engines (mem:NAME): until the last client closes (clients), or until the JVM exits (jvm)", "CLIENTS", "JVM");
    /** Real or virtual time. */
    public static final UrlParameter TIME = UrlParameter.oneOf("time", "REAL", "real time, or virtual time driven by advance/settle",
            "REAL", "VIRTUAL");
    /** Median replication lag. */
    public static final UrlParameter LAG_MS = UrlParameter.of("lagMs", UrlParameter.Type.DOUBLE, "20",
            "median replication lag to the lagging follower, ms (log-normal, sigma 1)");
    /** Chance of a lag spike per record. */
    public static final UrlParameter LAG_SPIKE_PROBABILITY = UrlParameter.of("lagSpikeProbability", UrlParameter.Type.DOUBLE, "0.001",
            "chance (0 to 1) that a record's replication lag gets lagSpikeMs added");
    /** Extra lag of a spike. */
    public static final UrlParameter LAG_SPIKE_MS = UrlParameter.of("lagSpikeMs", UrlParameter.Type.DOUBLE, "1000",
            "extra replication lag of a spike, ms");
    /** Median GSI lag. */
    public static final UrlParameter GSI_LAG_MS = UrlParameter.of("gsiLagMs", UrlParameter.Type.DOUBLE, "30",
            "median lag of global secondary index maintenance, ms (log-normal, sigma 1)");
    /** Modelled service latency on virtual time. */
    public static final UrlParameter SERVICE_LATENCY_MS = UrlParameter.of("serviceLatencyMs", UrlParameter.Type.DOUBLE, "1",
            "virtual time only: mean modelled duration of each operation, ms (exponential); 0 = none");

    /** The regions of a multi-region engine. */
    public static final UrlParameter REGIONS = UrlParameter.of("regions", UrlParameter.Type.LIST, null,
            "global tables: distinct region names, home first (e.g. us-east-1,eu-west-1)");
    /** Median cross-region lag. */
    public static final UrlParameter REGION_LAG_MS = UrlParameter.of("regionLagMs", UrlParameter.Type.DOUBLE, "250",
            "with regions: median cross-region replication lag, ms (log-normal, sigma 1)");
    /** Chance of a cross-region lag spike per write. */
    public static final UrlParameter REGION_LAG_SPIKE_PROBABILITY = UrlParameter.of("regionLagSpikeProbability", UrlParameter.Type.DOUBLE,
            "0.001", "with regions: chance (0 to 1) that a write's cross-region lag gets regionLagSpikeMs added");
    /** Extra cross-region lag of a spike. */
    public static final UrlParameter REGION_LAG_SPIKE_MS = UrlParameter.of("regionLagSpikeMs", UrlParameter.Type.DOUBLE, "5000",
            "with regions: extra cross-region lag of a spike, ms");

    /** AWS-style region names, e.g. {@code us-east-1} or {@code ap-southeast-2}. */

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public List<UrlParameter> parameters() {
        return List.of(PARTITIONS, REPLICAS, SEED, TIME, LAG_MS, LAG_SPIKE_PROBABILITY, LAG_SPIKE_MS, GSI_LAG_MS, SERVICE_LATENCY_MS,
                REGIONS, REGION_LAG_MS, REGION_LAG_SPIKE_PROBABILITY, REGION_LAG_SPIKE_MS, KEEP_ALIVE);
    }

    @Override
    public Backend open(DdbcUrl url, Properties properties) {
        url.validate(parameters());
        String target = url.target();
        if (target.startsWith("file:")) {
            throw new DdbcConfigException("ddbc URL '" + url + "': durable 'file:' targets are not supported yet; use 'ddbc:embedded:mem'");
        }
        if (target.startsWith("mem:")) {
            String name = target.substring("mem:".length());
            if (!NAME.matcher(name).matches()) {
                throw new DdbcConfigException("ddbc URL '" + url + "': engine name '" + name + "' must be 1 to 64 letters, digits, '_', '-' or '.'");
            }
            boolean jvm = url.get(KEEP_ALIVE.name(), "clients").equalsIgnoreCase("jvm");
            java.util.Map<String, String> settings = new java.util.HashMap<>(url.parameters());
            settings.remove(KEEP_ALIVE.name());
            return NamedEngines.open(name, settings, jvm, url.text(), () -> openEngine(url));
        }
        if (!target.equals("mem")) {
            throw new DdbcConfigException("ddbc URL '" + url + "': unknown embedded target '" + target + "'; expected 'mem' or 'mem:NAME'");
        }
        if (url.get(KEEP_ALIVE.name(), null) != null) {
            throw new DdbcConfigException("URL parameter 'keepAlive' applies to named engines only, e.g. 'ddbc:embedded:mem:orders?keepAlive=jvm'"
                    + " (ddbc URL '" + url + "')");
        }
        return openEngine(url);
    }

    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private static EmbeddedBackend openEngine(DdbcUrl url) {
        int partitions = url.getInt(PARTITIONS.name(), Integer.parseInt(PARTITIONS.defaultValue()));
        if (partitions < 1 || partitions > 1024) {
            throw new DdbcConfigException("URL parameter 'partitions' = " + partitions + " must be 1 to 1024 (ddbc URL '" + url + "')");
        }
        ReplicationSettings settings = settings(url);
        RegionSettings regions = regionSettings(url);
        return regions == null ? EmbeddedBackend.create(partitions, settings) : EmbeddedBackend.createGlobal(partitions, settings, regions);
    }

    /** The regions and cross-region lag of a URL, validated; null without {@code regions}. */
    static RegionSettings regionSettings(DdbcUrl url) {
        String text = url.get(REGIONS.name(), null);
        if (text == null) {
            for (UrlParameter p : List.of(REGION_LAG_MS, REGION_LAG_SPIKE_PROBABILITY, REGION_LAG_SPIKE_MS)) {
                if (url.get(p.name(), null) != null) {
                    throw new DdbcConfigException("URL parameter '" + p.name() + "' needs 'regions' (a multi-region engine), e.g. "
                            + "'ddbc:embedded:mem?regions=us-east-1,eu-west-1&" + p.name() + "=...' (ddbc URL '" + url + "')");
                }
            }
            return null;
        }
        java.util.List<String> names;
        try {
            names = io.ddbc.spi.RegionNames.parse(text, "URL parameter 'regions' = '" + text + "'");
        } catch (DdbcConfigException e) {
            throw new DdbcConfigException(e.getMessage() + " (ddbc URL '" + url + "')");
        }
        double spikeP = nonNegative(url, REGION_LAG_SPIKE_PROBABILITY);
        if (spikeP > 1) {
            throw new DdbcConfigException("URL parameter 'regionLagSpikeProbability' = " + spikeP + " must be 0 to 1 (ddbc URL '" + url + "')");
        }
        return new RegionSettings(names, nonNegative(url, REGION_LAG_MS), spikeP, nonNegative(url, REGION_LAG_SPIKE_MS));
    }

    /** The replication settings of a URL, validated. */
    static ReplicationSettings settings(DdbcUrl url) {
        int replicas = url.getInt(REPLICAS.name(), 3);
        if (replicas != 1 && replicas != 3) {
            throw new DdbcConfigException("URL parameter 'replicas' = " + replicas + " must be 1 or 3 (ddbc URL '" + url + "')");
        }
        boolean virtual = url.get(TIME.name(), "real").equalsIgnoreCase("virtual");
        long seed = url.getLong(SEED.name(), virtual ? 0 : System.nanoTime());
        double lag = nonNegative(url, LAG_MS);
        double spikeP = nonNegative(url, LAG_SPIKE_PROBABILITY);
        if (spikeP > 1) throw new DdbcConfigException("URL parameter 'lagSpikeProbability' = " + spikeP + " must be 0 to 1 (ddbc URL '" + url + "')");
        double spikeMs = nonNegative(url, LAG_SPIKE_MS);
        double gsiLag = nonNegative(url, GSI_LAG_MS);
        double latency = nonNegative(url, SERVICE_LATENCY_MS);
        if (replicas == 1) return new ReplicationSettings(1, seed, virtual, 0, 0, 0, 0, latency);
        return new ReplicationSettings(3, seed, virtual, lag, spikeP, spikeMs, gsiLag, latency);
    }

    private static double nonNegative(DdbcUrl url, UrlParameter p) {
        double v = url.getDouble(p.name(), Double.parseDouble(p.defaultValue()));
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new DdbcConfigException("URL parameter '" + p.name() + "' = " + v + " must be a finite number ≥ 0 (ddbc URL '" + url + "')");
        }
        return v;
    }
}
