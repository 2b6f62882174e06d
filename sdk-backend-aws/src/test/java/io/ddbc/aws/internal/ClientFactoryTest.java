package io.ddbc.aws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.spi.DdbcUrl;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class ClientFactoryTest {

    private static ClientFactory.Settings settings(String url) {
        return ClientFactory.settings(DdbcUrl.parse(url));
    }

    @Test
    void defaultsAndParsedValues() {
        ClientFactory.Settings s = settings("ddbc:aws://eu-central-1?connectTimeout=250ms&apiCallAttemptTimeout=3s&sdkMaxAttempts=1");
        assertEquals("eu-central-1", s.region().id());
        assertEquals(Duration.ofMillis(250), s.connectTimeout());
        assertEquals(Duration.ofSeconds(30), s.socketTimeout());
        assertEquals(Duration.ofSeconds(3), s.apiCallAttemptTimeout());
        assertEquals(null, s.apiCallTimeout());
        assertEquals(ClientFactory.DEFAULT_MAX_CONNECTIONS, s.maxConnections());
        assertEquals(1, s.sdkMaxAttempts());
    }

    @Test
    void awsEndpointsAreToldFromStandaloneServers() {
        for (String aws : List.of("https://dynamodb.eu-west-1.amazonaws.com", "https://dynamodb-fips.us-east-1.amazonaws.com",
                "https://vpce-0a1b.dynamodb.us-east-1.vpce.amazonaws.com", "https://dynamodb.cn-north-1.amazonaws.com.cn",
                "https://dynamodb.us-east-1.api.aws")) {
            assertTrue(ClientFactory.isAwsEndpoint(java.net.URI.create(aws)), aws);
        }
        for (String local : List.of("http://127.0.0.1:8000", "http://localhost:8000", "http://dynamodb.internal:8000", "http://amazonaws.com.evil.example")) {
            assertFalse(ClientFactory.isAwsEndpoint(java.net.URI.create(local)), local);
        }
    }

    @Test
    void multiRegionSettingsShareEverythingButRegionAndEndpoint() {
        List<ClientFactory.Settings> all = ClientFactory.regionalSettings(DdbcUrl.parse(
                "ddbc:aws://us-east-1,eu-west-1?endpoint=http://127.0.0.1:1,http://127.0.0.1:2&maxConnections=7&socketTimeout=3s"));
        assertEquals(List.of("us-east-1", "eu-west-1"), all.stream().map(s -> s.region().id()).toList());
        assertEquals(List.of("http://127.0.0.1:1", "http://127.0.0.1:2"), all.stream().map(s -> s.endpoint().toString()).toList());
        for (ClientFactory.Settings s : all) {
            assertEquals(7, s.maxConnections());
            assertEquals(Duration.ofSeconds(3), s.socketTimeout());
        }
        assertThrows(io.ddbc.api.DdbcConfigException.class, () -> settings("ddbc:aws://us-east-1,eu-west-1"),
                "the single-region reader refuses a multi-region URL");
    }

    @Test
    void credentialsPrecedence() {
        Properties keys = new Properties();
        keys.setProperty(ClientFactory.ACCESS_KEY, "AKIDEXAMPLE");
        keys.setProperty(ClientFactory.SECRET_KEY, "wJalrXUtnFEMI");
        AwsCredentials given = ClientFactory.credentials(settings("ddbc:aws://eu-west-1"), keys).resolveCredentials();
        assertEquals("AKIDEXAMPLE", given.accessKeyId());
        assertEquals("wJalrXUtnFEMI", given.secretAccessKey());

        AwsCredentials local = ClientFactory.credentials(settings("ddbc:aws:?endpoint=http://localhost:8000"), new Properties()).resolveCredentials();
        assertTrue(local.accessKeyId().matches("[A-Za-z0-9]+"), "DynamoDB Local accepts only letters and digits");

        assertInstanceOf(ProfileCredentialsProvider.class, ClientFactory.credentials(settings("ddbc:aws://eu-west-1?profile=prod"), new Properties()));
        assertInstanceOf(DefaultCredentialsProvider.class, ClientFactory.credentials(settings("ddbc:aws://eu-west-1"), new Properties()));
        assertInstanceOf(DefaultCredentialsProvider.class,
                ClientFactory.credentials(settings("ddbc:aws:?endpoint=https://dynamodb.eu-west-1.amazonaws.com"), new Properties()));
    }

    @Test
    void sdkRetriesOnlyRequestsThatWereNeverSent() {
        assertTrue(ClientFactory.isTransientTransportFailure(SdkClientException.create("connect", new java.net.ConnectException("refused"))));
        // A reset connection or a 500 may come after DynamoDB applied a write: the core decides per request.
        assertFalse(ClientFactory.isTransientTransportFailure(SdkClientException.create("io", new IOException("reset"))));
        assertFalse(ClientFactory.isTransientTransportFailure(error("InternalServerError", 500)));
        assertFalse(ClientFactory.isTransientTransportFailure(error("ProvisionedThroughputExceededException", 400)));
        assertFalse(ClientFactory.isTransientTransportFailure(error("ThrottlingException", 400)));
        assertFalse(ClientFactory.isTransientTransportFailure(error("ValidationException", 400)));
        assertFalse(ClientFactory.isTransientTransportFailure(SdkClientException.create("Unable to load credentials")));
    }

    /** The strategy as the built client holds it: throttling and a 500 get no retry token, a refused connection does. */
    @Test
    void builtClientRetriesOnlyRefusedConnections() {
        try (var client = ClientFactory.build(settings("ddbc:aws:?endpoint=http://127.0.0.1:1&sdkMaxAttempts=3"), new Properties())) {
            RetryStrategy strategy = client.serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow();
            assertThrows(TokenAcquisitionFailedException.class, () -> refresh(strategy, error("ProvisionedThroughputExceededException", 400)));
            assertThrows(TokenAcquisitionFailedException.class, () -> refresh(strategy, error("ThrottlingException", 400)));
            assertThrows(TokenAcquisitionFailedException.class, () -> refresh(strategy, error("InternalServerError", 500)));
            assertNotNull(refresh(strategy, SdkClientException.create("connect", new java.net.ConnectException("refused"))));
        }
    }

    private static Object refresh(RetryStrategy strategy, Throwable failure) {
        var token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("test")).token();
        return strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
    }

    private static DynamoDbException error(String code, int status) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
}
