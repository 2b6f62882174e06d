package io.ddbc.core;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.core.internal.ClientConfig;
import io.ddbc.core.internal.CoreClient;
import io.ddbc.core.internal.Connector;
import io.ddbc.spi.Backend;
import io.ddbc.spi.DdbcUrl;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Configures and opens a {@link DdbcClient}. Not thread-safe; the client it builds is.
 *
 * <pre>{@code
 * DdbcClient client = Ddbc.builder()
 *         .url("ddbc:embedded:mem?seed=42")
 *         .defaultConsistency(Consistency.SESSION)
 *         .tableConsistency("audit", Consistency.STRONG)
 *         .versionAttribute("legacy_orders", "rev")          // a table not created through ddbc
 *         .cache(CacheSpec.writeThrough().maximumSize(100_000))
 *         .meterRegistry(registry)
 *         .retry(RetryPolicy.exponential(10, Duration.ofMillis(25)))
 *         .sessionTokenSecret(secretBytes)
 *         .build();
 *
 * DdbcClient global = Ddbc.builder()
 *         .url("ddbc:embedded:mem?regions=us-east-1,eu-west-1")
 *         .homeRegion("eu-west-1")                           // or home=eu-west-1 in the URL
 *         .crossRegionWait(Duration.ofMillis(500))
 *         .writeAffinity(WriteAffinity.byPartitionKey())
 *         .build();
 * }</pre>
 */
public final class DdbcClientBuilder {
    private String url;
    private Backend backend;
    private Consistency defaultConsistency;
    private final Map<String, Consistency> tableConsistency = new LinkedHashMap<>();
    private final Map<String, String> versionAttributes = new LinkedHashMap<>();
    private CacheSpec cache;
    private MeterRegistry registry;
    private RetryPolicy retry = RetryPolicy.defaults();
    private byte[] secret;
    private Properties properties = new Properties();
    private String homeRegion;
    private java.time.Duration crossRegionWait;
    private WriteAffinity writeAffinity;

    DdbcClientBuilder() {
    }

    /**
     * The ddbc URL to connect to (ignored when {@link #backend(Backend)} is given). Without it (and without a
     * backend) the client connects where {@link Ddbc#connect()} does: {@link DdbcUrl#resolveDefault()}.
     */
    public DdbcClientBuilder url(String url) {
        this.url = required(url, "URL");
        return this;
    }

    /**
     * An already-opened backend, e.g. the AWS adapter over the application's own {@code DynamoDbClient}.
     * The application keeps owning it: closing the client does not close it, so several clients may share
     * one backend. (A backend the client opened from a URL is closed with the client.)
     */
    public DdbcClientBuilder backend(Backend backend) {
        this.backend = required(backend, "backend");
        return this;
    }

    /** The consistency of requests that name none (default EVENTUAL, like DynamoDB). */
    public DdbcClientBuilder defaultConsistency(Consistency consistency) {
        this.defaultConsistency = required(consistency, "consistency");
        return this;
    }

    /** The default consistency of one table's reads, overriding the client's default. */
    public DdbcClientBuilder tableConsistency(String table, Consistency consistency) {
        tableConsistency.put(required(table, "table"), required(consistency, "consistency of table '" + table + "'"));
        return this;
    }

    /**
     * Declares the managed version attribute of a table whose spec does not (e.g. an existing AWS table).
     * Otherwise the attribute comes from the table's {@code TableSpec.versionAttribute()}.
     */
    public DdbcClientBuilder versionAttribute(String table, String attribute) {
        if (attribute == null || attribute.isEmpty()) {
            throw new DdbcConfigException("Version attribute of table '" + table + "' must not be empty");
        }
        versionAttributes.put(required(table, "table"), attribute);
        return this;
    }

    /** Enables the write-through cache. */
    public DdbcClientBuilder cache(CacheSpec spec) {
        this.cache = required(spec, "cache spec");
        return this;
    }

    /** Records the client's meters in this registry; without one nothing is recorded. */
    public DdbcClientBuilder meterRegistry(MeterRegistry registry) {
        this.registry = required(registry, "meter registry");
        return this;
    }

    /** How retryable failures are retried (default {@link RetryPolicy#defaults()}). */
    public DdbcClientBuilder retry(RetryPolicy policy) {
        this.retry = required(policy, "retry policy");
        return this;
    }

    /**
     * Signs session tokens with HMAC-SHA256 under this secret; {@code resumeSession} and {@code merge} then
     * refuse unsigned or forged tokens with {@code SessionTokenException}.
     *
     * <p>What it protects: with a secret shared by the processes that hand tokens to each other, a resumed
     * token is known to come from one of them, so its exact requirements are enforced in full — e.g. a
     * session query on a global secondary index waits (bounded) until the index shows the versions the
     * token's session wrote. Without a secret anyone can build a well-formed token, so a resumed or merged
     * token's requirements are only hints: they may make reads strong (capacity), never make a read wait or
     * fail; read-your-writes across processes then holds for base-table reads, not for index queries. (On a
     * multi-region backend a token's regions and versions still decide where its session may read, so there an
     * unsigned token can delay or refuse its own session's reads: use a secret when tokens come from outside.)
     * Signing does not encrypt a token or make it expire.
     */
    public DdbcClientBuilder sessionTokenSecret(byte[] secret) {
        if (secret == null || secret.length == 0) throw new DdbcConfigException("Session token secret must not be empty");
        this.secret = secret.clone();
        return this;
    }

    /**
     * The client's home region on a multi-region (global tables) backend: requests made on the client, and
     * sessions opened without a region, read and write there. Default: the URL's {@code home=} parameter,
     * else the backend's first region. Checked when the client is built: a region the backend does not have
     * is a {@code DdbcConfigException} naming it and the regions there are.
     */
    public DdbcClientBuilder homeRegion(String region) {
        this.homeRegion = required(region, "home region");
        return this;
    }

    /**
     * How long a session read on a multi-region backend waits for its home region to catch up with writes
     * the session made (or saw) in another region, before it reads in one of those regions instead
     * (default 2 s; {@link java.time.Duration#ZERO} routes at once). Waiting uses the backend's clock, so
     * under simulated time it costs no real time.
     */
    public DdbcClientBuilder crossRegionWait(java.time.Duration wait) {
        required(wait, "cross-region wait");
        if (wait.isNegative()) throw new DdbcConfigException("The cross-region wait must not be negative (got " + wait + ")");
        this.crossRegionWait = wait;
        return this;
    }

    /**
     * Which region takes each write on a multi-region backend (default {@link WriteAffinity#home()}).
     * {@link WriteAffinity#byPartitionKey()} makes version checks exact across regions.
     */
    public DdbcClientBuilder writeAffinity(WriteAffinity affinity) {
        this.writeAffinity = required(affinity, "write affinity");
        return this;
    }

    /** Extra settings for the backend (e.g. credentials), passed to {@code BackendProvider.open}. */
    public DdbcClientBuilder properties(Properties properties) {
        this.properties = required(properties, "properties");
        return this;
    }

    /** Builder arguments are configuration: a missing one is a configuration error, not a NullPointerException. */
    private static <T> T required(T value, String what) {
        if (value == null) throw new DdbcConfigException("The " + what + " given to the ddbc client builder must not be null");
        return value;
    }

    /**
     * Opens the client.
     *
     * <p>Neither {@link #url(String)} nor {@link #backend(Backend)} given: the URL is
     * {@link DdbcUrl#resolveDefault()} — system property {@code ddbc.url}, then environment variable
     * {@code DDBC_URL}, then {@code ddbc.url} in {@code ddbc.properties} on the classpath, then
     * {@code ddbc:embedded:mem} — exactly as {@link Ddbc#connect()}, which is this method without settings.
     * So one setting switches the backend however the application builds its client.
     *
     * @throws DdbcConfigException if the URL is malformed, names an unknown parameter or backend
     */
    public DdbcClient build() {
        Connector.Connection c = backend != null ? Connector.of(backend) : Connector.open(url != null ? url : DdbcUrl.resolveDefault(),
                properties, Thread.currentThread().getContextClassLoader());
        Consistency consistency = defaultConsistency != null ? defaultConsistency : c.urlConsistency();
        String home = homeRegion != null ? homeRegion : c.urlHome();
        ClientConfig config = new ClientConfig(consistency, tableConsistency, versionAttributes, cache, registry, retry, secret, home,
                crossRegionWait, writeAffinity);
        try {
            return new CoreClient(c.backend(), c.owned(), config);
        } catch (RuntimeException e) {
            // A configuration the client refuses (e.g. an unknown home region) must not leak the backend it opened.
            if (c.owned()) c.backend().close();
            throw e;
        }
    }
}
