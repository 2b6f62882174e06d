package io.ddbc.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.DdbcConfigException;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Opening backends from URLs; no request is sent, so no server is needed. */
class AwsBackendProviderTest {

    private static Backend open(String url, Properties p) {
        DdbcUrl u = DdbcUrl.parse(url);
        return BackendProviders.find(u, AwsBackendProviderTest.class.getClassLoader()).open(u, p);
    }

    @Test
    void serviceLoaderFindsTheProvider() {
        assertInstanceOf(AwsBackendProvider.class, BackendProviders.find(DdbcUrl.parse("ddbc:aws://eu-west-1"), getClass().getClassLoader()));
    }

    @Test
    void regionUrlScopesToTheRegion() {
        try (Backend b = open("ddbc:aws://eu-west-1?maxConnections=4&apiCallTimeout=5s", new Properties())) {
            assertEquals("aws:eu-west-1", b.sessionScope());
            DynamoDbClient client = b.unwrap(DynamoDbClient.class);
            assertNotNull(client);
            assertEquals("eu-west-1", client.serviceClientConfiguration().region().id());
        }
    }

    @Test
    void endpointUrlScopesToTheEndpoint() {
        try (Backend b = open("ddbc:aws:?endpoint=http://127.0.0.1:1&region=us-west-2", new Properties())) {
            assertEquals("aws:http://127.0.0.1:1", b.sessionScope());
            assertEquals("us-west-2", b.unwrap(DynamoDbClient.class).serviceClientConfiguration().region().id());
        }
        try (Backend b = open("ddbc:aws:?endpoint=http://127.0.0.1:1", new Properties())) {
            assertEquals("us-east-1", b.unwrap(DynamoDbClient.class).serviceClientConfiguration().region().id());
        }
    }

    @Test
    void wrapTakesScopeFromTheClient() {
        try (DynamoDbClient c = DynamoDbClient.builder().region(software.amazon.awssdk.regions.Region.AP_SOUTHEAST_2)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create()).build()) {
            assertEquals("aws:ap-southeast-2", AwsBackend.wrap(c).sessionScope());
        }
    }

    @Test
    void badUrlsNameTheirFault() {
        assertMessage("ddbc:aws://Europe", "'Europe' is not a region name");
        assertMessage("ddbc:aws:eu-west-1", "expected ddbc:aws://REGION");
        assertMessage("ddbc:aws://eu-west-1?region=us-east-1", "names two regions");
        assertMessage("ddbc:aws:?endpoint=ftp://x", "'endpoint' = 'ftp://x' must be an http or https URL");
        assertMessage("ddbc:aws://eu-west-1?maxConnections=0", "'maxConnections' = 0 must be at least 1");
        assertMessage("ddbc:aws://eu-west-1?connectTimeout=0s", "'connectTimeout'");
        assertMessage("ddbc:aws://eu-west-1?replicas=3", "Unknown parameter 'replicas'");
        assertMessage("ddbc:aws://eu-west-1?apiCallTimeout=soon", "apiCallTimeout");
    }

    private static void assertMessage(String url, String expected) {
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> open(url, new Properties()).close());
        assertTrue(e.getMessage().contains(expected), url + " -> " + e.getMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    void credentialsConflictsAreRejected() {
        Properties both = new Properties();
        both.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        DdbcConfigException half = assertThrows(DdbcConfigException.class, () -> open("ddbc:aws://eu-west-1", both));
        assertTrue(half.getMessage().contains("aws.secretAccessKey"), half.getMessage());
        both.setProperty("aws.secretAccessKey", "secret");
        DdbcConfigException withProfile = assertThrows(DdbcConfigException.class, () -> open("ddbc:aws://eu-west-1?profile=prod", both));
        assertTrue(withProfile.getMessage().contains("profile"), withProfile.getMessage());
        try (Backend b = open("ddbc:aws://eu-west-1", both)) {
            assertEquals("aws:eu-west-1", b.sessionScope());
        }
    }
}
