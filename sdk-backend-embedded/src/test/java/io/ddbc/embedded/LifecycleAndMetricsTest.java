package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Billing;
import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DdbcException;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TableSpec;
import io.ddbc.api.ThrottlingException;
import io.ddbc.api.UpdateRequest;
import io.ddbc.spi.MetricsSink;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The replication thread's lifecycle, close(), and the metrics the engine reports through a MetricsSink. */
class LifecycleAndMetricsTest {

    private static long replicationThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("ddbc-embedded-replication") && t.isAlive()).count();
    }

    @Test
    void closeStopsTheReplicationThreadAndLaterRequestsFail() {
        long before = replicationThreads();
        EmbeddedBackend b = Replicated.open("ddbc:embedded:mem?replicas=3");
        assertEquals(before + 1, replicationThreads(), "one daemon thread per real-time replicated backend");
        b.createTable(new CreateTableRequest(TableSpec.builder("accounts").partitionKey("id", AttributeValue.Type.S).build()));
        b.put(PutRequest.builder("accounts", Item.of("id", "a")).build());
        b.close();
        b.close();
        assertEquals(before, replicationThreads(), "close() joined the thread");
        DdbcException e = Fixture.fails(DdbcException.class, "client closed", () -> b.put(PutRequest.builder("accounts", Item.of("id", "b")).build()));
        assertFalse(e.isRetryable());
        Fixture.fails(DdbcException.class, "client closed", () -> b.settle());
        try (EmbeddedBackend single = Replicated.open("ddbc:embedded:mem?replicas=1")) {
            assertEquals(before, replicationThreads(), "a single node owns no thread");
        }
        try (EmbeddedBackend virtual = Replicated.open("ddbc:embedded:mem?time=virtual")) {
            assertEquals(before, replicationThreads(), "virtual time owns no thread");
        }
    }

    @Test
    void realTimeReplicationCatchesUpOnItsOwn() throws InterruptedException {
        try (EmbeddedBackend b = Replicated.open("ddbc:embedded:mem?replicas=3&lagMs=2&seed=4")) {
            b.createTable(new CreateTableRequest(TableSpec.builder("accounts").partitionKey("id", AttributeValue.Type.S).build()));
            for (int i = 0; i < 100; i++) b.put(PutRequest.builder("accounts", Item.of("id", "k" + i)).build());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (b.stats().replicationLag().values().stream().mapToLong(Long::longValue).sum() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(Map.of("az-a", 0L, "az-b", 0L, "az-c", 0L), b.stats().replicationLag());
            Fixture.fails(io.ddbc.api.DdbcConfigException.class, "needs virtual time", () -> b.advance(Duration.ofSeconds(1)));
        }
    }

    /** Records what the engine reports. */
    private static final class RecordingSink implements MetricsSink {
        final Map<String, Supplier<Number>> gauges = new ConcurrentHashMap<>();
        final Map<String, Double> counts = new ConcurrentHashMap<>();

        @Override
        public void gauge(String name, Map<String, String> tags, Supplier<Number> value) {
            gauges.put(name + tags, value);
        }

        @Override
        public void count(String name, Map<String, String> tags, double amount) {
            counts.merge(name + new java.util.TreeMap<>(tags), amount, Double::sum);
        }
    }

    @Test
    void metricsReportLagStaleReadsAndThrottles() {
        RecordingSink sink = new RecordingSink();
        try (EmbeddedBackend b = Replicated.virtual(1, "&partitions=1&serviceLatencyMs=0")) {
            b.bindMetrics(sink);
            b.createTable(new CreateTableRequest(TableSpec.builder("tiny").partitionKey("id", AttributeValue.Type.S)
                    .billing(Billing.provisioned(1, 1)).build()));
            b.put(PutRequest.builder(Replicated.ACCOUNTS, Item.of("id", "alice", "balance", 0)).build());
            b.settle();
            b.update(UpdateRequest.builder(Replicated.ACCOUNTS, Key.of("id", "alice")).expression("SET balance = :b").value(":b", 500).build());
            long lagging = sink.gauges.get("ddbc.embedded.replication.lag{az=az-b}").get().longValue()
                    + sink.gauges.get("ddbc.embedded.replication.lag{az=az-c}").get().longValue();
            assertEquals(1, lagging, "one follower lags by one record");
            assertEquals(0, sink.gauges.get("ddbc.embedded.replication.lag{az=az-a}").get().longValue(), "the leader never lags");
            assertEquals(0, sink.gauges.get("ddbc.embedded.gsi.lag{}").get().longValue());
            for (int i = 0; i < 30; i++) Replicated.read(b, "alice", Consistency.EVENTUAL);
            double stale = sink.counts.getOrDefault("ddbc.embedded.stale_reads{table=accounts}", 0.0);
            assertTrue(stale > 0, "stale reads counted");
            assertEquals(b.stats().staleReads(), (long) stale);
            for (int i = 0; i < 301; i++) {
                try {
                    b.put(PutRequest.builder("tiny", Item.of("id", "x")).build());
                } catch (ThrottlingException e) {
                    break;
                }
            }
            assertEquals(1.0, sink.counts.get("ddbc.throttles{reason=provisioned-write, table=tiny}"));
        }
    }
}
