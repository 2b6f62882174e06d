package io.ddbc.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.SessionToken;
import io.ddbc.embedded.EmbeddedControl;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.junit.jupiter.params.provider.Arguments;
import io.ddbc.embedded.EmbeddedBackend;
import io.ddbc.wrapper.testing.Account;
import io.ddbc.wrapper.testing.AccountWorkload;
import io.ddbc.wrapper.testing.AccountWorkload.Outcome;
import io.ddbc.wrapper.testing.LaggingBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The same Enhanced Client code over a lagging engine: it reads its own writes every time through the
 * wrapper, and observably does not without it (fixed seeds; the seed is in every failure message).
 *
 * <p>The lag comes from the embedded engine's own replication ({@code ddbc:embedded:mem?time=virtual&seed=N}:
 * a lagging follower answers some eventual reads, deterministically by seed; another engine URL with
 * {@code -Dddbc.wrapper.lagUrl=...}, the seed is appended) and, as a second source, from the test's
 * {@link LaggingBackend}, which makes the next 0..3 eventual reads of a written key stale.
 */
class EnhancedClientReadYourWritesTest {
    private static final long[] SEEDS = {1, 42, 20261123};
    private static final WrapperOptions OPTIONS = WrapperOptions.builder().versionAttribute("accounts", "version").build();

    /** Where the lag comes from: the embedded engine's own replication (virtual time, seeded), or the test's simulation. */
    enum Lag { ENGINE, SIMULATED }

    /** A lagging backend and a count of the stale answers it gave. */
    record Lagged(Backend backend, LongSupplier staleAnswers) {
    }

    static Lagged lagged(Lag lag, long seed) {
        if (lag == Lag.SIMULATED) {
            LaggingBackend b = new LaggingBackend(EmbeddedBackend.inMemory(4), seed, 3);
            return new Lagged(b, b::staleReads);
        }
        DdbcUrl url = DdbcUrl.parse(System.getProperty("ddbc.wrapper.lagUrl", "ddbc:embedded:mem?time=virtual") + "&seed=" + seed);
        Backend b = BackendProviders.find(url, Lagged.class.getClassLoader()).open(url, new Properties());
        return new Lagged(b, () -> b.unwrap(EmbeddedControl.class).stats().staleReads());
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (Lag lag : Lag.values()) for (long seed : SEEDS) all.add(Arguments.of(lag, seed));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} lag, seed {1}")
    @MethodSource("cases")
    void withoutTheWrapperTheSameCodeReadsStaleData(Lag lag, long seed) {
        Lagged engine = lagged(lag, seed);
        try (EmbeddedDynamoDbClient sdk = EmbeddedDynamoDbClient.over(engine.backend())) {
            AccountWorkload app = new AccountWorkload(DynamoDbEnhancedClient.builder().dynamoDbClient(sdk).build(), "accounts");
            app.createTable();
            Outcome o = app.run(seed, 400, 8);
            System.out.println(lag + " seed " + seed + " without wrapper: " + o + ", engine stale answers " + engine.staleAnswers().getAsLong());
            assertTrue(o.staleReads() > 0, lag + " seed " + seed + ": expected stale reads without the wrapper, got " + o);
        } finally {
            engine.backend().close();
        }
    }

    @ParameterizedTest(name = "{0} lag, seed {1}")
    @MethodSource("cases")
    void throughTheWrapperItReadsItsOwnWritesEveryTime(Lag lag, long seed) {
        Lagged engine = lagged(lag, seed);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        WrapperOptions options = WrapperOptions.builder().versionAttribute("accounts", "version").meterRegistry(registry).build();
        try (DdbcDynamoDbClient wrapped = DdbcDynamoDbClient.wrap(EmbeddedDynamoDbClient.over(engine.backend()), options)) {
            AccountWorkload app = new AccountWorkload(DynamoDbEnhancedClient.builder().dynamoDbClient(wrapped).build(), "accounts");
            app.createTable();
            Outcome o = app.run(seed, 400, 8);
            System.out.println(lag + " seed " + seed + " with wrapper: " + o + ", " + wrapped.stats() + ", engine stale answers "
                    + engine.staleAnswers().getAsLong());
            assertEquals(0, o.staleReads(), lag + " seed " + seed + ": " + o);
            assertEquals(0, o.conflicts(), lag + " seed " + seed + ": " + o);
            assertTrue(o.reads() > 800, lag + " seed " + seed + ": " + o);
            // The engine did answer stale, and the wrapper caught it: upgrades happened, and are metered.
            assertTrue(engine.staleAnswers().getAsLong() > 0, lag + " seed " + seed);
            assertTrue(wrapped.stats().upgrades() > 0, lag + " seed " + seed);
            assertEquals(wrapped.stats().upgrades(), registry.find("ddbc.session.upgrades").counters().stream()
                    .mapToDouble(c -> c.count()).sum(), 0.0, lag + " seed " + seed);
        } finally {
            engine.backend().close();
        }
    }

    /** Eventual first: reads of keys written long ago (all replicas caught up) are not upgraded. */
    @Test
    void keysTheSessionDidNotWriteAreReadEventually() {
        try (DdbcDynamoDbClient wrapped = DdbcDynamoDbClient.wrap(EmbeddedDynamoDbClient.over(lagged(Lag.ENGINE, 7).backend()), OPTIONS)) {
            AccountWorkload app = new AccountWorkload(DynamoDbEnhancedClient.builder().dynamoDbClient(wrapped).build(), "accounts");
            app.createTable();
            var table = DynamoDbEnhancedClient.builder().dynamoDbClient(wrapped).build().table("accounts", TableSchema.fromBean(Account.class));
            for (int i = 0; i < 50; i++) assertEquals(null, table.getItem(Key.builder().partitionValue("bob").sortValue("x" + i).build()));
            assertEquals(0, wrapped.stats().upgrades());
        }
    }

    /** A token handed from one wrapper (say, one web request) to another carries read-your-writes with it. */
    @ParameterizedTest(name = "{0} lag, seed {1}")
    @MethodSource("cases")
    void aTokenCarriesTheSessionToAnotherWrapper(Lag lag, long seed) {
        Lagged lagging = lagged(lag, seed);
        EmbeddedDynamoDbClient sdk = EmbeddedDynamoDbClient.over(lagging.backend());
        DdbcDynamoDbClient writer = DdbcDynamoDbClient.wrap(sdk, OPTIONS);
        DdbcDynamoDbClient reader = DdbcDynamoDbClient.wrap(sdk, OPTIONS);
        var writes = DynamoDbEnhancedClient.builder().dynamoDbClient(writer).build().table("accounts", TableSchema.fromBean(Account.class));
        var reads = DynamoDbEnhancedClient.builder().dynamoDbClient(reader).build().table("accounts", TableSchema.fromBean(Account.class));
        writes.createTable();
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String token;
            Account a = new Account();
            a.setOwner("carol");
            a.setId("a" + i);
            a.setBalance(i);
            try (BoundSession s = writer.session(null)) {
                writes.putItem(a);
                token = s.token().serialize();
            }
            try (BoundSession s = reader.session(SessionToken.parse(token))) {
                Account got = reads.getItem(Key.builder().partitionValue("carol").sortValue("a" + i).build());
                if (got == null || got.getVersion() != 1L) misses.add("a" + i);
            }
        }
        assertTrue(misses.isEmpty(), lag + " seed " + seed + ": reader missed " + misses);
        assertTrue(lagging.staleAnswers().getAsLong() > 0, lag + " seed " + seed + ": the engine never lagged, the test proves nothing");
        lagging.backend().close();
    }


}
