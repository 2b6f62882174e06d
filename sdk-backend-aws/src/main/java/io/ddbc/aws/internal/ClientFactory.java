package io.ddbc.aws.internal;

import io.ddbc.api.DdbcConfigException;
import io.ddbc.spi.DdbcUrl;
import io.ddbc.spi.UrlParameter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the {@link DynamoDbClient} for an {@code aws} URL: region, endpoint, credentials, HTTP client
 * and retry strategy. Also the single place that declares the URL parameters.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li>HTTP client: the SDK's Apache client, whose connection pool ({@code maxConnections}, default
 *       {@value #DEFAULT_MAX_CONNECTIONS}) keeps connections alive between requests, which matters more
 *       for DynamoDB's small requests than anything else on the client side.</li>
 *   <li>Retries: the SDK retries only connections that could not be made ({@code sdkMaxAttempts},
 *       default {@value #DEFAULT_SDK_MAX_ATTEMPTS} attempts). Throttling and transaction conflicts are
 *       not retried by the SDK: they surface at once as ddbc's retryable exceptions, so the client
 *       core's RetryPolicy is the only one backing off from them (no retries multiplied by retries).</li>
 *   <li>Credentials: {@code profile} if given; else {@code aws.accessKeyId}/{@code aws.secretAccessKey}
 *       from the Properties if given; else the SDK's default chain — for every endpoint, loopback included.
 *       DynamoDB Local started without {@code -sharedDb} keeps one database per access key (and region), so
 *       ddbc must sign with the same keys as the other tools on the machine, or it sees another database. On
 *       a loopback endpoint the chain is its local part (system properties {@code aws.accessKeyId}, environment
 *       {@code AWS_ACCESS_KEY_ID}, the profile files), not the instance or container metadata services, which
 *       cannot apply to a local server and would make every client wait for their timeouts on a machine
 *       without credentials; only when that yields nothing are fixed dummy keys used, as DynamoDB Local
 *       accepts any.</li>
 * </ul>
 */
public final class ClientFactory {
    /** Property holding an access key id (with {@link #SECRET_KEY}: static credentials). */
    public static final String ACCESS_KEY = "aws.accessKeyId";
    /** Property holding a secret access key. */
    public static final String SECRET_KEY = "aws.secretAccessKey";
    /** Property holding a session token for temporary static credentials (optional). */
    public static final String SESSION_TOKEN = "aws.sessionToken";

    static final int DEFAULT_MAX_CONNECTIONS = 50;
    static final int DEFAULT_SDK_MAX_ATTEMPTS = 3;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    /** Every URL parameter of the aws backend. */
    public static final List<UrlParameter> PARAMETERS = List.of(
            UrlParameter.of("region", UrlParameter.Type.STRING, null,
                    "AWS region, e.g. eu-west-1 (or in the URL: ddbc:aws://eu-west-1); default: the SDK's region chain, us-east-1 with an endpoint"),
            UrlParameter.of("regions", UrlParameter.Type.STRING, null,
                    "global tables: comma-separated regions, home first, e.g. us-east-1,eu-west-1 (or in the URL: ddbc:aws://us-east-1,eu-west-1)"),
            UrlParameter.of("endpoint", UrlParameter.Type.STRING, null,
                    "endpoint URL, e.g. http://127.0.0.1:8000 for DynamoDB Local; with several regions one per region, comma-separated, in region order"),
            UrlParameter.of("profile", UrlParameter.Type.STRING, null,
                    "named credentials profile (~/.aws/credentials, ~/.aws/config); default: the SDK's default chain, on any endpoint"),
            UrlParameter.of("connectTimeout", UrlParameter.Type.DURATION, "2s", "TCP connect timeout"),
            UrlParameter.of("socketTimeout", UrlParameter.Type.DURATION, "30s", "socket read timeout"),
            UrlParameter.of("apiCallTimeout", UrlParameter.Type.DURATION, null, "limit for one call including SDK retries; default none"),
            UrlParameter.of("apiCallAttemptTimeout", UrlParameter.Type.DURATION, null, "limit for one HTTP attempt; default none"),
            UrlParameter.of("maxConnections", UrlParameter.Type.INT, Integer.toString(DEFAULT_MAX_CONNECTIONS), "HTTP connection pool size"),
            UrlParameter.of("sdkMaxAttempts", UrlParameter.Type.INT, Integer.toString(DEFAULT_SDK_MAX_ATTEMPTS),
                    "SDK attempts per call for transport errors and 5xx (1 = no SDK retries); throttling is retried by ddbc"));

    private ClientFactory() {
    }

    /** The settings of a URL, checked. */
    public record Settings(Region region, URI endpoint, String profile, Duration connectTimeout, Duration socketTimeout,
                           Duration apiCallTimeout, Duration apiCallAttemptTimeout, int maxConnections, int sdkMaxAttempts) {
    }

    /**
     * Reads and checks a single-region URL's settings.
     *
     * @throws DdbcConfigException naming the parameter at fault, or if the URL names several regions
     */
    public static Settings settings(DdbcUrl url) {
        List<Settings> all = regionalSettings(url);
        if (all.size() > 1) {
            throw new DdbcConfigException("aws URL '" + url.text() + "' names " + all.size() + " regions; open it as a multi-region backend");
        }
        return all.get(0);
    }

    /**
     * Reads and checks a URL's settings, one entry per region in the URL's order (home first): one entry
     * for a single-region URL (whose region may be null: the SDK's region chain), several for
     * {@code ddbc:aws://us-east-1,eu-west-1} or {@code regions=...}, each then with its region and, when
     * endpoints are given, its own endpoint. Every other setting is the same for every region.
     *
     * @throws DdbcConfigException naming the parameter at fault
     */
    public static List<Settings> regionalSettings(DdbcUrl url) {
        List<String> regions = RegionList.of(url);
        List<URI> endpoints = endpointsOf(url, regions);
        int maxConnections = positive(url, "maxConnections", url.getInt("maxConnections", DEFAULT_MAX_CONNECTIONS));
        int attempts = positive(url, "sdkMaxAttempts", url.getInt("sdkMaxAttempts", DEFAULT_SDK_MAX_ATTEMPTS));
        Duration connect = duration(url, "connectTimeout", Duration.ofSeconds(2));
        Duration socket = duration(url, "socketTimeout", Duration.ofSeconds(30));
        Duration call = duration(url, "apiCallTimeout", null);
        Duration attempt = duration(url, "apiCallAttemptTimeout", null);
        String profile = url.get("profile", null);
        int count = Math.max(1, regions.size());
        List<Settings> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String region = regions.isEmpty() ? null : regions.get(i);
            URI endpoint = endpoints.isEmpty() ? null : endpoints.get(i);
            if (region == null && endpoint != null) region = "us-east-1"; // DynamoDB Local ignores it; the signer needs one
            out.add(new Settings(region == null ? null : Region.of(region), endpoint, profile, connect, socket, call, attempt,
                    maxConnections, attempts));
        }
        return List.copyOf(out);
    }

    /** The endpoints of a URL: none, or one per region (one for a URL without regions). */
    private static List<URI> endpointsOf(DdbcUrl url, List<String> regions) {
        String text = url.get("endpoint", null);
        if (text == null) return List.of();
        List<URI> endpoints = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            URI endpoint = endpointOf(part.trim());
            if (endpoints.contains(endpoint)) {
                throw new DdbcConfigException("URL parameter 'endpoint' names '" + endpoint + "' twice; each region needs its own endpoint ("
                        + url.text() + ")");
            }
            endpoints.add(endpoint);
        }
        int expected = Math.max(1, regions.size());
        if (endpoints.size() != expected) {
            throw new DdbcConfigException("URL parameter 'endpoint' lists " + endpoints.size() + " endpoint(s) but "
                    + (regions.size() > 1 ? "'regions' names " + regions.size() + " regions " + regions : "the URL names one region")
                    + ": give one endpoint per region, in region order (" + url.text() + ")");
        }
        return List.copyOf(endpoints);
    }

    /** A client for the settings; the caller owns (closes) it. */
    public static DynamoDbClient build(Settings s, Properties properties) {
        DynamoDbClientBuilder b = DynamoDbClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(s.maxConnections())
                        .connectionTimeout(s.connectTimeout()).socketTimeout(s.socketTimeout()))
                .credentialsProvider(credentials(s, properties))
                .overrideConfiguration(override(s));
        if (s.region() != null) b.region(s.region());
        if (s.endpoint() != null) b.endpointOverride(s.endpoint());
        try {
            return b.build();
        } catch (SdkClientException e) {
            throw new DdbcConfigException("Cannot build the DynamoDB client: " + e.getMessage()
                    + " (set the region in the URL, e.g. ddbc:aws://eu-west-1)", e);
        }
    }

    private static ClientOverrideConfiguration override(Settings s) {
        ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder().retryStrategy(retryStrategy(s.sdkMaxAttempts()));
        if (s.apiCallTimeout() != null) o.apiCallTimeout(s.apiCallTimeout());
        if (s.apiCallAttemptTimeout() != null) o.apiCallAttemptTimeout(s.apiCallAttemptTimeout());
        return o.build();
    }

    /** SDK retries for transport failures and 5xx only; see the class comment. */
    static RetryStrategy retryStrategy(int maxAttempts) {
        // useClientDefaults(false): otherwise the SDK client adds its own conditions, throttling among them
        return StandardRetryStrategy.builder().maxAttempts(maxAttempts).circuitBreakerEnabled(false).useClientDefaults(false)
                .retryOnException(ClientFactory::isTransientTransportFailure).build();
    }

    /**
     * Only failures that prove the request was never sent (the connection could not be made). A 5xx answer,
     * a timeout or a broken connection may come after DynamoDB applied a write, and the SDK cannot tell an
     * idempotent request from one that is not: those surface as {@code BackendUnavailableException} with
     * {@code mayHaveBeenApplied()}, and the client core retries, resolves or refuses them per request.
     */
    static boolean isTransientTransportFailure(Throwable t) {
        return t instanceof SdkClientException && ErrorMapper.neverSent(t);
    }

    static AwsCredentialsProvider credentials(Settings s, Properties p) {
        String access = p == null ? null : p.getProperty(ACCESS_KEY);
        String secret = p == null ? null : p.getProperty(SECRET_KEY);
        if (s.profile() != null) {
            if (access != null || secret != null) {
                throw new DdbcConfigException("Give either the URL parameter 'profile' or the properties " + ACCESS_KEY + "/" + SECRET_KEY
                        + ", not both");
            }
            return ProfileCredentialsProvider.create(s.profile());
        }
        if (access != null || secret != null) {
            if (access == null || secret == null || access.isBlank() || secret.isBlank()) {
                throw new DdbcConfigException("Static AWS credentials need both properties " + ACCESS_KEY + " and " + SECRET_KEY);
            }
            String token = p.getProperty(SESSION_TOKEN);
            return StaticCredentialsProvider.create(token == null
                    ? AwsBasicCredentials.create(access, secret)
                    : software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(access, secret, token));
        }
        if (s.endpoint() != null && LOOPBACK.contains(s.endpoint().getHost())) return new LoopbackCredentials();
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * Credentials for a server on the loopback interface (DynamoDB Local): the local sources of the default chain,
     * in its order, else dummy keys. Resolved once per client: a local server's keys only select its database, and
     * re-reading the profile files on every request would cost for nothing.
     */
    static final class LoopbackCredentials implements AwsCredentialsProvider {
        /** Used only when nothing is configured: DynamoDB Local accepts any key made of letters and digits. */
        static final AwsBasicCredentials FALLBACK = AwsBasicCredentials.create("ddbclocal", "ddbclocal");

        private final AwsCredentialsProvider chain = AwsCredentialsProviderChain.builder().reuseLastProviderEnabled(false)
                .credentialsProviders(SystemPropertyCredentialsProvider.create(), EnvironmentVariableCredentialsProvider.create(),
                        ProfileCredentialsProvider.create())
                .build();
        private volatile AwsCredentials resolved;

        @Override
        public AwsCredentials resolveCredentials() {
            AwsCredentials c = resolved;
            if (c == null) {
                try {
                    c = chain.resolveCredentials();
                } catch (SdkClientException nothingConfigured) {
                    // Not an error on a developer machine: Local needs some key, not a particular one.
                    c = FALLBACK;
                }
                resolved = c;
            }
            return c;
        }

        @Override
        public String toString() {
            return "LoopbackCredentials(system properties, environment, profile, else dummy keys)";
        }
    }

    /**
     * Whether an endpoint is AWS's DynamoDB service (e.g. a VPC or FIPS endpoint: a host under amazonaws.com,
     * amazonaws.com.cn or api.aws) rather than a standalone server such as DynamoDB Local.
     */
    public static boolean isAwsEndpoint(URI endpoint) {
        String host = endpoint.getHost() == null ? "" : endpoint.getHost().toLowerCase(java.util.Locale.ROOT);
        return host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn") || host.endsWith(".api.aws");
    }

    private static URI endpointOf(String text) {
        if (text == null) return null;
        try {
            URI u = new URI(text);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new DdbcConfigException("URL parameter 'endpoint' = '" + text + "' must be an http or https URL, e.g. http://127.0.0.1:8000");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new DdbcConfigException("URL parameter 'endpoint' = '" + text + "' is not a URL: " + e.getMessage(), e);
        }
    }

    private static int positive(DdbcUrl url, String name, int value) {
        if (value < 1) throw new DdbcConfigException("URL parameter '" + name + "' = " + value + " must be at least 1 (" + url.text() + ")");
        return value;
    }

    private static Duration duration(DdbcUrl url, String name, Duration defaultValue) {
        Duration d = url.getDuration(name, defaultValue);
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new DdbcConfigException("URL parameter '" + name + "' = '" + url.get(name, "") + "' must be a positive duration");
        }
        return d;
    }
}
