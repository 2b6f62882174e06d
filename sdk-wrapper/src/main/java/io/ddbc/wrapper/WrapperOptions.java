package io.ddbc.wrapper;

import io.ddbc.core.CacheSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link DdbcDynamoDbClient} keeps its sessions and what it records. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * WrapperOptions options = WrapperOptions.builder()
 *         .versionAttribute("orders", "version")      // the @DynamoDbVersionAttribute of the table's bean
 *         .sessionScope(SessionScope.PER_THREAD)
 *         .meterRegistry(registry)
 *         .cache(CacheSpec.writeThrough().maximumSize(10_000))
 *         .build();
 * }</pre>
 */
public final class WrapperOptions {
    private final SessionScope sessionScope;
    private final Map<String, String> versionAttributes;
    private final MeterRegistry registry;
    private final String tokenScope;
    private final CacheSpec cache;

    private WrapperOptions(Builder b) {
        this.cache = b.cache;
        this.sessionScope = b.sessionScope;
        this.versionAttributes = Map.copyOf(b.versionAttributes);
        this.registry = b.registry;
        this.tokenScope = b.tokenScope;
    }

    /** Default options: one session per wrapper, no versioned tables, no meters. */
    public static WrapperOptions defaults() {
        return builder().build();
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Where a session lives when none is bound explicitly. */
    public SessionScope sessionScope() {
        return sessionScope;
    }

    /** The version attribute of {@code table}, if declared. */
    public Optional<String> versionAttribute(String table) {
        return Optional.ofNullable(versionAttributes.get(table));
    }

    /** The meter registry, if any. */
    public Optional<MeterRegistry> meterRegistry() {
        return Optional.ofNullable(registry);
    }

    /** The write-through cache settings, if a cache is on. */
    public Optional<CacheSpec> cache() {
        return Optional.ofNullable(cache);
    }

    /** The scope written into session tokens; tokens of another scope are refused. */
    public String tokenScope() {
        return tokenScope;
    }

    /** Builds {@link WrapperOptions}. Not thread-safe. */
    public static final class Builder {
        private SessionScope sessionScope = SessionScope.PER_WRAPPER;
        private final Map<String, String> versionAttributes = new LinkedHashMap<>();
        private MeterRegistry registry;
        private String tokenScope = "dynamodb";
        private CacheSpec cache;

        private Builder() {
        }

        /** Where sessions live (default {@link SessionScope#PER_WRAPPER}). */
        public Builder sessionScope(SessionScope scope) {
            this.sessionScope = Objects.requireNonNull(scope, "sessionScope");
            return this;
        }

        /**
         * Declares the numeric attribute that the application increments on every write of {@code table}
         * (the Enhanced Client's {@code @DynamoDbVersionAttribute}). The session compares it to decide
         * whether an eventual read is new enough; without it, keys the session wrote are read strongly.
         */
        public Builder versionAttribute(String table, String attribute) {
            versionAttributes.put(Objects.requireNonNull(table, "table"), Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /** Records {@code ddbc.wrapper.*} meters into {@code registry}. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = registry;
            return this;
        }

        /**
         * The scope name of tokens (default {@code "dynamodb"}); give wrappers over different databases
         * different scopes so that a token of one is refused by the other.
         */
        public Builder tokenScope(String scope) {
            this.tokenScope = Objects.requireNonNull(scope, "tokenScope");
            return this;
        }

        /**
         * Turns on ddbc-core's write-through item cache ({@link CacheSpec}): writes through the wrapper keep it
         * current, eventual GetItems without a projection are answered from it when new enough for the session.
         */
        public Builder cache(CacheSpec spec) {
            this.cache = spec;
            return this;
        }

        public WrapperOptions build() {
            return new WrapperOptions(this);
        }
    }
}
