package io.ddbc.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code ddbc.*} properties of the auto-configured client. Every one is optional: without any, the client
 * connects as {@code Ddbc.connect()} does (system property, {@code DDBC_URL}, {@code ddbc.properties}, else the
 * embedded engine).
 *
 * <pre>{@code
 * ddbc.url=ddbc:aws://eu-west-1
 * ddbc.default-consistency=EVENTUAL
 * ddbc.version-attributes.orders=version
 * ddbc.cache.enabled=true
 * ddbc.cache.ttl=5m
 * ddbc.retry.max-attempts=5
 * ddbc.signing-key=${DDBC_SIGNING_KEY}
 * }</pre>
 */
@ConfigurationProperties("ddbc")
public class DdbcProperties {
    /** Connection URL, e.g. ddbc:embedded:mem or ddbc:aws://eu-west-1. Empty: resolved as Ddbc.connect() does. */
    private String url;

    /** Consistency of reads that name none: EVENTUAL, SESSION, STRONG or BOUNDED:<duration>. Empty: the URL's, else EVENTUAL. */
    private String defaultConsistency;

    /** Managed version attribute per table (table name to attribute name), for tables ddbc did not create. */
    private Map<String, String> versionAttributes = new LinkedHashMap<>();

    /**
     * Secret that signs session tokens (HMAC-SHA256 over its UTF-8 bytes). Set the same key on every instance that
     * resumes another's tokens; with a key, unsigned or forged tokens are refused.
     */
    private String signingKey;

    /** The write-through item cache. */
    private final Cache cache = new Cache();

    /** Retries of throttled and unavailable requests. */
    private final Retry retry = new Retry();

    /** The servlet filter that carries the session token in a request and response header. */
    private final Session session = new Session();

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getDefaultConsistency() {
        return defaultConsistency;
    }

    public void setDefaultConsistency(String defaultConsistency) {
        this.defaultConsistency = defaultConsistency;
    }

    public Map<String, String> getVersionAttributes() {
        return versionAttributes;
    }

    public void setVersionAttributes(Map<String, String> versionAttributes) {
        this.versionAttributes = versionAttributes;
    }

    public String getSigningKey() {
        return signingKey;
    }

    public void setSigningKey(String signingKey) {
        this.signingKey = signingKey;
    }

    public Cache getCache() {
        return cache;
    }

    public Retry getRetry() {
        return retry;
    }

    public Session getSession() {
        return session;
    }

    /** {@code ddbc.cache.*}. */
    public static class Cache {
        /** Whether eventual and session reads may be answered from the write-through cache. */
        private boolean enabled;

        /** Most items kept. */
        private long maximumSize = 10_000;

        /** How long an entry may answer eventual reads. */
        private Duration ttl = Duration.ofMinutes(5);

        /** Whether query results are cached too. */
        private boolean queryCache;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public long getMaximumSize() {
            return maximumSize;
        }

        public void setMaximumSize(long maximumSize) {
            this.maximumSize = maximumSize;
        }

        public Duration getTtl() {
            return ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }

        public boolean isQueryCache() {
            return queryCache;
        }

        public void setQueryCache(boolean queryCache) {
            this.queryCache = queryCache;
        }
    }

    /** {@code ddbc.retry.*}; unset values keep ddbc's defaults (8 attempts from 25 ms, at most 1 s apart, 10 s in all). */
    public static class Retry {
        /** Attempts per request, the first included; 1 never retries. */
        private Integer maxAttempts;

        /** First backoff; each later one up to twice the previous, with full jitter. */
        private Duration baseDelay;

        /** Longest single backoff. */
        private Duration maxDelay;

        /** Time budget of all attempts of one request. */
        private Duration timeBudget;

        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getBaseDelay() {
            return baseDelay;
        }

        public void setBaseDelay(Duration baseDelay) {
            this.baseDelay = baseDelay;
        }

        public Duration getMaxDelay() {
            return maxDelay;
        }

        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        public Duration getTimeBudget() {
            return timeBudget;
        }

        public void setTimeBudget(Duration timeBudget) {
            this.timeBudget = timeBudget;
        }
    }

    /** {@code ddbc.session.*}. */
    public static class Session {
        /** Whether a servlet application gets the session filter. */
        private boolean filterEnabled = true;

        /** The request header a session token is resumed from, and the response header the updated token is returned in. */
        private String header = "Ddbc-Session";

        public boolean isFilterEnabled() {
            return filterEnabled;
        }

        public void setFilterEnabled(boolean filterEnabled) {
            this.filterEnabled = filterEnabled;
        }

        public String getHeader() {
            return header;
        }

        public void setHeader(String header) {
            this.header = header;
        }
    }
}
