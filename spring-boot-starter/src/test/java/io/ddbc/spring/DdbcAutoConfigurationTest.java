package io.ddbc.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.SessionTokenException;
import io.ddbc.api.TableSpec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configured client: properties applied, the application's registry used, closed with the context. */
class DdbcAutoConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(DdbcAutoConfiguration.class)
    static class App {
        @Bean
        MeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    private static ConfigurableApplicationContext run(String... args) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(args);
    }

    @Test
    void propertiesConfigureTheClient() {
        try (ConfigurableApplicationContext ctx = run("--ddbc.url=ddbc:embedded:mem?replicas=1", "--ddbc.default-consistency=STRONG",
                "--ddbc.version-attributes.orders=rev", "--ddbc.cache.enabled=true", "--ddbc.retry.max-attempts=2",
                "--ddbc.signing-key=k1")) {
            DdbcClient client = ctx.getBean(DdbcClient.class);
            assertEquals(Consistency.STRONG, client.defaultConsistency());
            client.createTable(TableSpec.builder("orders").partitionKey("id", AttributeValue.Type.S).build());
            // the version attribute from the properties is managed: mutate works and counts versions
            client.table("orders").mutate(Key.of("id", "o1"), i -> i.with("n", 1));
            assertEquals(2, client.table("orders").mutate(Key.of("id", "o1"), i -> i.with("n", 2)).version().getAsLong());
            // signed tokens: an unsigned token from another client is refused
            try (ConfigurableApplicationContext other = run("--ddbc.url=ddbc:embedded:mem?replicas=1")) {
                DdbcSession unsigned = other.getBean(DdbcClient.class).newSession();
                assertThrows(SessionTokenException.class, () -> client.resumeSession(unsigned.token()));
            }
            // ddbc's meters are in the application's registry
            client.table("orders").get(Key.of("id", "o1")).execute();
            MeterRegistry registry = ctx.getBean(MeterRegistry.class);
            assertFalse(registry.find("ddbc.requests").meters().isEmpty(), "ddbc meters: " + registry.getMeters());
        }
    }

    @Test
    void theClientIsClosedWithTheContext() {
        DdbcClient client;
        try (ConfigurableApplicationContext ctx = run()) {
            client = ctx.getBean(DdbcClient.class);
            client.createTable(TableSpec.builder("things").partitionKey("id", AttributeValue.Type.S).build());
            client.table("things").put(Item.of("id", "a")).execute();
            assertTrue(ctx.getBeansOfType(DdbcHealthIndicator.class).size() == 1, "the health indicator is registered");
        }
        assertThrows(RuntimeException.class, client::listTables);
    }
}
