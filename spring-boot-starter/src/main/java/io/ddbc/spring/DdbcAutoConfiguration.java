package io.ddbc.spring;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.core.CacheSpec;
import io.ddbc.core.Ddbc;
import io.ddbc.core.DdbcClientBuilder;
import io.ddbc.core.RetryPolicy;
import io.ddbc.spi.Backend;
import io.ddbc.spi.DdbcUrl;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Auto-configures one {@link DdbcClient} from {@link DdbcProperties}, closed with the application context. It
 * records its meters in the application's {@link MeterRegistry} if there is one; with Spring Boot's health module
 * it adds the {@code ddbc} health indicator; in a servlet application it adds {@link DdbcSessionFilter} and a
 * request-scoped {@link DdbcSession} that controllers inject.
 *
 * <p>A {@link Backend} bean, if the application defines one, is used instead of the URL (and left to its owner to
 * close) — e.g. one embedded engine shared by several application contexts in a test.
 *
 * <pre>{@code
 * @RestController
 * class Accounts {
 *     private final DdbcSession session;                       // this request's, from the Ddbc-Session header
 *     Accounts(DdbcSession session) { this.session = session; }
 *
 *     @GetMapping("/accounts/{id}")
 *     String balance(@PathVariable String id) {
 *         return session.table("accounts").get(Key.of("id", id)).execute().item().map(Item::toString).orElse("none");
 *     }
 * }
 * }</pre>
 */
@AutoConfiguration
@ConditionalOnClass(DdbcClient.class)
@EnableConfigurationProperties(DdbcProperties.class)
public class DdbcAutoConfiguration {

    /** The client; {@code close} runs when the context closes. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public DdbcClient ddbcClient(DdbcProperties properties, ObjectProvider<MeterRegistry> registry, ObjectProvider<Backend> backend) {
        return builder(properties, registry.getIfAvailable(), backend.getIfAvailable()).build();
    }

    /** The builder the properties describe; public so that an application's own client bean can start from it. */
    public static DdbcClientBuilder builder(DdbcProperties p, MeterRegistry registry, Backend backend) {
        DdbcClientBuilder b = Ddbc.builder();
        if (backend != null) b.backend(backend);
        // Without ddbc.url: the system property, DDBC_URL, ddbc.properties, else the embedded engine, as Ddbc.connect().
        else b.url(hasText(p.getUrl()) ? p.getUrl() : DdbcUrl.resolveDefault());
        if (hasText(p.getDefaultConsistency())) b.defaultConsistency(Consistency.parse(p.getDefaultConsistency()));
        p.getVersionAttributes().forEach(b::versionAttribute);
        if (hasText(p.getSigningKey())) b.sessionTokenSecret(p.getSigningKey().getBytes(StandardCharsets.UTF_8));
        DdbcProperties.Cache c = p.getCache();
        if (c.isEnabled()) {
            b.cache(CacheSpec.writeThrough().maximumSize(c.getMaximumSize()).ttl(c.getTtl()).queryCache(c.isQueryCache()));
        }
        DdbcProperties.Retry r = p.getRetry();
        if (r.getMaxAttempts() != null || r.getBaseDelay() != null || r.getMaxDelay() != null || r.getTimeBudget() != null) {
            RetryPolicy d = RetryPolicy.defaults();
            RetryPolicy policy = RetryPolicy.exponential(r.getMaxAttempts() != null ? r.getMaxAttempts() : d.maxAttempts(),
                            r.getBaseDelay() != null ? r.getBaseDelay() : d.baseDelay())
                    .maxDelay(r.getMaxDelay() != null ? r.getMaxDelay() : d.maxDelay())
                    .timeBudget(r.getTimeBudget() != null ? r.getTimeBudget() : d.timeBudget());
            b.retry(policy);
        }
        if (registry != null) b.meterRegistry(registry);
        return b;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    /** The {@code ddbc} health indicator ({@code management.health.ddbc.enabled=false} turns it off). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("ddbc")
    static class Health {
        @Bean
        @ConditionalOnMissingBean(name = "ddbcHealthIndicator")
        DdbcHealthIndicator ddbcHealthIndicator(DdbcClient client) {
            return new DdbcHealthIndicator(client);
        }
    }

    /** The session filter and the request's session, in servlet applications ({@code ddbc.session.filter-enabled=false} turns them off). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = {"jakarta.servlet.Filter", "org.springframework.web.filter.OncePerRequestFilter"})
    @ConditionalOnBooleanProperty(name = "ddbc.session.filter-enabled", matchIfMissing = true)
    static class Web {
        @Bean
        @ConditionalOnMissingBean
        DdbcSessionFilter ddbcSessionFilter(DdbcClient client, DdbcProperties properties) {
            return new DdbcSessionFilter(client, properties.getSession().getHeader());
        }

        /**
         * The current request's session, as the filter resumed it: a proxy, so singletons can hold it and each
         * request reaches its own.
         */
        @Bean
        @Scope(value = WebApplicationContext.SCOPE_REQUEST, proxyMode = ScopedProxyMode.INTERFACES)
        DdbcSession ddbcRequestSession(DdbcClient client) {
            Object s = RequestContextHolder.currentRequestAttributes().getAttribute(DdbcSessionFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            // Outside the filter (e.g. an error dispatch) a request still gets a session, just a fresh one.
            return s instanceof DdbcSession session ? session : client.newSession();
        }
    }
}
