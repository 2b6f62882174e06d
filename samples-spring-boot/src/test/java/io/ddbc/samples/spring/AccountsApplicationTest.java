package io.ddbc.samples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.DdbcClient;
import io.ddbc.embedded.EmbeddedBackendProvider;
import io.ddbc.spi.Backend;
import io.ddbc.spi.DdbcUrl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the service, each its own Spring context and web server on a random 127.0.0.1 port, over one
 * lagging embedded engine (as two processes over one DynamoDB table), driven by a real HTTP client: a deposit on
 * one instance, then a read on the other with the session token from the response sees it.
 */
class AccountsApplicationTest {
    private static final String HEADER = "Ddbc-Session";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private Backend backend;
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;

    @BeforeEach
    void start() {
        // Real time, with a follower that lags: an eventual read right after a write can miss it.
        backend = new EmbeddedBackendProvider().open(DdbcUrl.parse("ddbc:embedded:mem?lagMs=200&seed=11"), new Properties());
        first = instance();
        second = instance();
    }

    private ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(AccountsApplication.class)
                // the shared engine, as a Backend bean: the starter uses it instead of a URL
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("ddbcBackend", backend))
                .run("--server.address=127.0.0.1", "--server.port=0", "--ddbc.signing-key=shared-test-key",
                        "--spring.main.banner-mode=off", "--spring.jmx.enabled=false");
    }

    @AfterEach
    void stop() {
        if (second != null) second.close();
        if (first != null) first.close();
        if (backend != null) backend.close();
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDepositOnOneInstanceIsReadOnAnotherWithTheSessionToken() throws Exception {
        for (int i = 0; i < 25; i++) {
            String id = "acct-" + i;
            HttpResponse<String> deposit = send(HttpRequest.newBuilder(uri(first, "/accounts/" + id + "/deposits?amount=" + (i + 1)))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, deposit.statusCode(), deposit.body());
            String token = deposit.headers().firstValue(HEADER).orElseThrow(() -> new AssertionError("no " + HEADER + " header"));

            HttpResponse<String> read = send(HttpRequest.newBuilder(uri(second, "/accounts/" + id)).header(HEADER, token).GET());
            assertEquals(200, read.statusCode(), "read of " + id + " on the other instance: " + read.body());
            assertTrue(read.body().contains("\"balance\":" + (i + 1)), read.body());
            assertTrue(read.body().contains("\"version\":1"), read.body());
            // the token comes back, ready for the next request
            assertTrue(read.headers().firstValue(HEADER).isPresent());
        }
    }

    @Test
    void aForgedTokenIsRefusedAndHealthAndMetricsAreServed() throws Exception {
        HttpResponse<String> forged = send(HttpRequest.newBuilder(uri(second, "/accounts/x")).header(HEADER, "not-a-token").GET());
        assertEquals(400, forged.statusCode(), forged.body());

        HttpResponse<String> health = send(HttpRequest.newBuilder(uri(first, "/actuator/health/ddbc")).GET());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"status\":\"UP\"") && health.body().contains("\"tables\":1"), health.body());

        send(HttpRequest.newBuilder(uri(first, "/accounts/m/deposits?amount=1")).POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> meters = send(HttpRequest.newBuilder(uri(first, "/actuator/metrics")).GET());
        assertTrue(meters.body().contains("ddbc."), "ddbc's meters in the application's registry: " + meters.body());
    }

    @Test
    void theClientClosesWithItsContext() {
        DdbcClient client = first.getBean(DdbcClient.class);
        assertNotNull(client.listTables());
        first.close();
        assertThrows(RuntimeException.class, client::listTables);
        first = null;
    }
}
