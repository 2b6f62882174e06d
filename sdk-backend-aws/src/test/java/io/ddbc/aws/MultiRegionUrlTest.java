package io.ddbc.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.DdbcConfigException;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import java.net.URI;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Opening multi-region backends from URLs, and refusing bad ones; no request is sent, so no server is needed. */
class MultiRegionUrlTest {

    private static Backend open(String url) {
        DdbcUrl u = DdbcUrl.parse(url);
        return BackendProviders.find(u, MultiRegionUrlTest.class.getClassLoader()).open(u, new Properties());
    }

    private static DynamoDbClient clientOf(Backend b) {
        return b.unwrap(DynamoDbClient.class);
    }

    @Test
    void regionListGivesOneClientPerRegionHomeFirst() {
        try (Backend b = open("ddbc:aws://us-east-1,eu-west-1?maxConnections=4")) {
            assertEquals(List.of("us-east-1", "eu-west-1"), b.regions());
            assertEquals("aws-global:eu-west-1,us-east-1", b.sessionScope());
            assertFalse(b.supportsPositions());
            assertEquals("us-east-1", clientOf(b).serviceClientConfiguration().region().id(), "the backend serves its home region");
            Backend eu = b.region("eu-west-1");
            assertEquals("eu-west-1", clientOf(eu).serviceClientConfiguration().region().id());
            assertEquals(b.sessionScope(), eu.sessionScope());
            assertEquals(b.regions(), eu.regions());
            assertSame(eu, b.region("eu-west-1"), "one view per region");
            assertSame(eu, eu.region("eu-west-1"));
            Backend home = b.region("us-east-1");
            assertNotSame(b, home, "the home view is a view: closing it must not close the backend");
            assertSame(clientOf(b), clientOf(home));
            assertFalse(b.supportsPositions() || eu.supportsPositions());
        }
    }

    @Test
    void scopeIsTheSameWhateverTheHomeRegion() {
        try (Backend a = open("ddbc:aws://us-east-1,eu-west-1"); Backend b = open("ddbc:aws:?regions=eu-west-1,us-east-1")) {
            assertEquals(a.sessionScope(), b.sessionScope());
            assertEquals(List.of("eu-west-1", "us-east-1"), b.regions());
        }
    }

    @Test
    void endpointsGoToTheirRegionsInOrder() {
        try (Backend b = open("ddbc:aws:?regions=us-east-1,eu-west-1&endpoint=http://127.0.0.1:1,http://127.0.0.1:2")) {
            assertEquals("aws-global:eu-west-1=http://127.0.0.1:2,us-east-1=http://127.0.0.1:1", b.sessionScope());
            assertEquals(URI.create("http://127.0.0.1:1"), clientOf(b).serviceClientConfiguration().endpointOverride().orElseThrow());
            var eu = clientOf(b.region("eu-west-1")).serviceClientConfiguration();
            assertEquals(URI.create("http://127.0.0.1:2"), eu.endpointOverride().orElseThrow());
            assertEquals("eu-west-1", eu.region().id(), "each region's client signs for its region");
        }
    }

    @Test
    void singleRegionUrlsStaySingleRegion() {
        for (String url : List.of("ddbc:aws://eu-west-1", "ddbc:aws:?regions=eu-west-1", "ddbc:aws:?endpoint=http://127.0.0.1:1")) {
            try (Backend b = open(url)) {
                assertEquals(List.of(), b.regions(), url);
                assertTrue(b.sessionScope().startsWith("aws:"), url + " -> " + b.sessionScope());
                DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> b.region("eu-west-1"));
                assertTrue(e.getMessage().contains("single-region"), e.getMessage());
            }
        }
    }

    @Test
    void unknownRegionIsNamedWithTheRegions() {
        try (Backend b = open("ddbc:aws://us-east-1,eu-west-1")) {
            DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> b.region("ap-south-1"));
            assertTrue(e.getMessage().contains("'ap-south-1'") && e.getMessage().contains("[us-east-1, eu-west-1]"), e.getMessage());
        }
    }

    @Test
    void badRegionListsAreRefusedNamingTheirFault() {
        assertMessage("ddbc:aws://us-east-1,Europe", "'Europe' is not a region name");
        assertMessage("ddbc:aws://us-east-1,", "'' is not a region name");
        assertMessage("ddbc:aws://us-east-1,eu-west-1,us-east-1", "names region 'us-east-1' twice");
        assertMessage("ddbc:aws:?regions=eu-west-1,eu-west-1", "URL parameter 'regions' names region 'eu-west-1' twice");
        assertMessage("ddbc:aws:?regions=eu-west-1,mars", "URL parameter 'regions': 'mars' is not a region name");
        assertMessage("ddbc:aws:?regions=us-east-1,eu-west-1&region=us-east-1", "both 'region' and 'regions'");
        assertMessage("ddbc:aws://us-east-1,eu-west-1?regions=eu-west-1,us-east-1", "names its regions twice");
        assertMessage("ddbc:aws://us-east-1,eu-west-1?region=us-east-1", "names two regions");
    }

    @Test
    void endpointCountMustMatchTheRegions() {
        assertMessage("ddbc:aws:?regions=us-east-1,eu-west-1&endpoint=http://127.0.0.1:1",
                "'endpoint' lists 1 endpoint(s) but 'regions' names 2 regions");
        assertMessage("ddbc:aws:?regions=us-east-1,eu-west-1&endpoint=http://127.0.0.1:1,http://127.0.0.1:2,http://127.0.0.1:3",
                "'endpoint' lists 3 endpoint(s)");
        assertMessage("ddbc:aws:?endpoint=http://127.0.0.1:1,http://127.0.0.1:2", "'endpoint' lists 2 endpoint(s) but the URL names one region");
        assertMessage("ddbc:aws:?regions=us-east-1,eu-west-1&endpoint=http://127.0.0.1:1,http://127.0.0.1:1", "'endpoint' names 'http://127.0.0.1:1' twice");
        assertMessage("ddbc:aws:?regions=us-east-1,eu-west-1&endpoint=http://127.0.0.1:1,ftp://x", "'endpoint' = 'ftp://x' must be an http or https URL");
        assertMessage("ddbc:aws:?regions=us-east-1,eu-west-1&endpoint=http://127.0.0.1:1,https://dynamodb.eu-west-1.amazonaws.com",
                "URL parameter 'endpoint': either every region is a standalone endpoint");
    }

    private static void assertMessage(String url, String expected) {
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> open(url).close());
        assertTrue(e.getMessage().contains(expected), url + " -> " + e.getMessage());
        assertFalse(e.isRetryable());
    }
}
