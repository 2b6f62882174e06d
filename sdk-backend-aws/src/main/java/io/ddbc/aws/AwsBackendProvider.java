package io.ddbc.aws;

import io.ddbc.aws.internal.ClientFactory;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProvider;
import io.ddbc.spi.DdbcUrl;
import io.ddbc.spi.UrlParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Opens {@link AwsBackend}s for {@code ddbc:aws:} URLs; registered for {@link java.util.ServiceLoader},
 * so having {@code ddbc-backend-aws} on the classpath is all it takes.
 *
 * <pre>{@code
 * ddbc:aws://eu-west-1                                            // region; default credentials chain
 * ddbc:aws://eu-west-1?profile=prod&maxConnections=200&apiCallTimeout=5s
 * ddbc:aws:?endpoint=http://127.0.0.1:8000&region=us-east-1       // DynamoDB Local
 * ddbc:aws://us-east-1,eu-west-1                                  // global tables: one client per region, home first
 * ddbc:aws:?regions=us-east-1,eu-west-1&endpoint=http://127.0.0.1:8000,http://127.0.0.1:8001  // one DynamoDB Local per region
 * }</pre>
 *
 * <table>
 *   <caption>URL parameters</caption>
 *   <tr><td>region</td><td>AWS region (or {@code ddbc:aws://REGION}); default: the SDK's region chain, or
 *       {@code us-east-1} when an endpoint is given</td></tr>
 *   <tr><td>regions</td><td>global tables: the regions, home first (or {@code ddbc:aws://us-east-1,eu-west-1}); the
 *       backend then holds one client per region, all with the same settings, and {@link Backend#region(String)}
 *       gives each region's view</td></tr>
 *   <tr><td>endpoint</td><td>endpoint URL, e.g. DynamoDB Local's; with several regions, one per region in region
 *       order, comma-separated</td></tr>
 *   <tr><td>profile</td><td>a named credentials profile from the shared files ({@code ~/.aws/credentials},
 *       {@code ~/.aws/config}, or where {@code AWS_SHARED_CREDENTIALS_FILE} / {@code aws.sharedCredentialsFile}
 *       point); default: the SDK's default chain</td></tr>
 *   <tr><td>connectTimeout, socketTimeout</td><td>HTTP timeouts (default 2s, 30s)</td></tr>
 *   <tr><td>apiCallTimeout, apiCallAttemptTimeout</td><td>SDK call and attempt limits (default none)</td></tr>
 *   <tr><td>maxConnections</td><td>connection pool size of the Apache HTTP client (default 50)</td></tr>
 *   <tr><td>sdkMaxAttempts</td><td>SDK attempts for transport errors and 5xx (default 3); throttling is
 *       left to ddbc's RetryPolicy</td></tr>
 * </table>
 *
 * <p>Credentials: the URL's {@code profile}; else the properties given to {@code open} (e.g. through
 * {@code DdbcClientBuilder.properties}) {@code aws.accessKeyId} and {@code aws.secretAccessKey} (and optionally
 * {@code aws.sessionToken}); else the SDK's default chain — system properties {@code aws.accessKeyId}/
 * {@code aws.secretAccessKey}, environment {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}, the
 * default or {@code AWS_PROFILE} profile, and (not for a loopback endpoint) container and instance
 * credentials. The chain applies to every endpoint, loopback included: DynamoDB Local started without
 * {@code -sharedDb} keeps one database per access key, so ddbc then sees the tables the AWS CLI or an SDK
 * with the same keys created. Only for an endpoint on 127.0.0.1/localhost, and only when the chain yields
 * nothing, are fixed dummy keys used (DynamoDB Local accepts any).
 *
 * <p>The HTTP client is the SDK's Apache client with a connection pool, chosen for throughput: pooled
 * keep-alive connections avoid a TCP (and TLS) handshake per request. To use another HTTP client or
 * any other SDK setting, build the {@link DynamoDbClient} yourself and {@link AwsBackend#wrap} it.
 */
public final class AwsBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return "aws";
    }

    @Override
    public List<UrlParameter> parameters() {
        return ClientFactory.PARAMETERS;
    }

    /**
     * Builds a client for the URL (one per region for a multi-region URL); the backend owns them and closes
     * them on {@link Backend#close()}.
     */
    @Override
    public Backend open(DdbcUrl url, Properties properties) {
        url.validate(parameters());
        List<ClientFactory.Settings> regional = ClientFactory.regionalSettings(url);
        Properties p = properties == null ? new Properties() : properties;
        if (regional.size() == 1) {
            DynamoDbClient client = ClientFactory.build(regional.get(0), p);
            try {
                return new AwsBackend(client, true, AwsBackend.scopeOf(client));
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        }
        return openRegions(regional, p);
    }

    private static Backend openRegions(List<ClientFactory.Settings> regional, Properties p) {
        Map<String, DynamoDbClient> clients = new LinkedHashMap<>();
        Map<String, String> endpoints = new LinkedHashMap<>();
        try {
            for (ClientFactory.Settings s : regional) {
                String region = s.region().id();
                clients.put(region, ClientFactory.build(s, p));
                endpoints.put(region, s.endpoint() == null ? "" : s.endpoint().toString());
            }
            return AwsBackend.multiRegion(clients, true, endpoints, "URL parameter 'endpoint'");
        } catch (RuntimeException e) {
            clients.values().forEach(DynamoDbClient::close);
            throw e;
        }
    }
}
