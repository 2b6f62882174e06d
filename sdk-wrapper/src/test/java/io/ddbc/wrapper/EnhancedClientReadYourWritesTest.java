package io.ddbc.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.SessionToken;
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
 * <p>The lag comes from {@link LaggingBackend} over the embedded engine. Once the engine models
 * replication lag itself (branch engine-repl), pass its URL with {@code -Dddbc.wrapper.lagUrl=ddbc:embedded:...}
 * to run the wrapper half against it as well.
 */
class EnhancedClientReadYourWritesTest {
    private static final long[] SEEDS = {1, 42, 20261123};
    private static final WrapperOptions OPTIONS = WrapperOptions.builder().versionAttribute("accounts", "version").build();

    /** A fresh lagging engine as an SDK client. */
    private static EmbeddedDynamoDbClient laggingSdk(long seed, LaggingBackend[] out) {
        LaggingBackend lagging = new LaggingBackend(EmbeddedBackend.inMemory(4), seed, 3);
        if (out != null) out[0] = lagging;
        return EmbeddedDynamoDbClient.over(lagging);
    }

    static Stream<Long> seeds() {
        return java.util.Arrays.stream(SEEDS).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withoutTheWrapperTheSameCodeReadsStaleData(long seed) {
        LaggingBackend[] lag = new LaggingBackend[1];
        try (EmbeddedDynamoDbClient sdk = laggingSdk(seed, lag)) {
            AccountWorkload app = new AccountWorkload(DynamoDbEnhancedClient.builder().dynamoDbClient(sdk).build(), "accounts");
            app.createTable();
            Outcome o = app.run(seed, 400, 8);
            System.out.println("seed " + seed + " without wrapper: " + o + ", engine stale reads " + lag[0].staleReads());
            assertTrue(o.staleReads() > 0, "seed " + seed + ": expected stale reads without the wrapper, got " + o);
            assertTrue(lag[0].staleReads() > 0, "seed " + seed);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void throughTheWrapperItReadsItsOwnWritesEveryTime(long seed) {
        LaggingBackend[] lag = new LaggingBackend[1];
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        WrapperOptions options = WrapperOptions.builder().versionAttribute("accounts", "version").meterRegistry(registry).build();
        try (DdbcDynamoDbClient wrapped = DdbcDynamoDbClient.wrap(laggingSdk(seed, lag), options)) {
            AccountWorkload app = new AccountWorkload(DynamoDbEnhancedClient.builder().dynamoDbClient(wrapped).build(), "accounts");
            app.createTable();
            Outcome o = app.run(seed, 400, 8);
            System.out.println("seed " + seed + " with wrapper: " + o + ", " + wrapped.stats() + ", engine stale answers " + lag[0].staleReads());
            assertEquals(0, o.staleReads(), "seed " + seed + ": " + o);
            assertEquals(0, o.conflicts(), "seed " + seed + ": " + o);
            assertTrue(o.reads() > 800, "seed " + seed + ": " + o);
            // The engine did answer stale, and the wrapper caught it: upgrades happened, and are metered.
            assertTrue(lag[0].staleReads() > 0, "seed " + seed);
            assertTrue(wrapped.stats().upgrades() > 0, "seed " + seed);
            assertEquals(wrapped.stats().upgrades(), registry.find("ddbc.session.upgrades").counters().stream()
                    .mapToDouble(c -> c.count()).sum(), 0.0, "seed " + seed);
        }
    }

    /** Eventual first: reads of keys written long ago (all replicas caught up) are not upgraded. */
    @Test
    void keysTheSessionDidNotWriteAreReadEventually() {
        try (DdbcDynamoDbClient wrapped = DdbcDynamoDbClient.wrap(laggingSdk(7, null), OPTIONS)) {
            AccountWorkload app = new AccountWorkload(DynamoDbEnhancedClient.builder().dynamoDbClient(wrapped).build(), "accounts");
            app.createTable();
            var table = DynamoDbEnhancedClient.builder().dynamoDbClient(wrapped).build().table("accounts", TableSchema.fromBean(Account.class));
            for (int i = 0; i < 50; i++) assertEquals(null, table.getItem(Key.builder().partitionValue("bob").sortValue("x" + i).build()));
            assertEquals(0, wrapped.stats().upgrades());
        }
    }

    /** A token handed from one wrapper (say, one web request) to another carries read-your-writes with it. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aTokenCarriesTheSessionToAnotherWrapper(long seed) {
        LaggingBackend lagging = new LaggingBackend(EmbeddedBackend.inMemory(4), seed, 3);
        EmbeddedDynamoDbClient sdk = EmbeddedDynamoDbClient.over(lagging);
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
        assertTrue(misses.isEmpty(), "seed " + seed + ": reader missed " + misses);
        assertTrue(lagging.staleReads() > 0, "seed " + seed + ": the engine never lagged, the test proves nothing");
    }

    /** Optional: the wrapper over an engine URL that models lag itself (see the class comment). */
    @Test
    void overAnEngineUrlWithLagWhenGiven() {
        String url = System.getProperty("ddbc.wrapper.lagUrl");
        if (url == null) return;
        try (DdbcDynamoDbClient wrapped = DdbcDynamoDbClient.wrap(EmbeddedDynamoDbClient.open(url), OPTIONS)) {
            AccountWorkload app = new AccountWorkload(DynamoDbEnhancedClient.builder().dynamoDbClient(wrapped).build(), "accounts");
            app.createTable();
            Outcome o = app.run(42, 400, 8);
            assertEquals(0, o.staleReads(), url + ": " + o);
            assertNotNull(wrapped.stats());
        }
    }

}
