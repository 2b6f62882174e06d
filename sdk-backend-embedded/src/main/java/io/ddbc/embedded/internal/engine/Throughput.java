package io.ddbc.embedded.internal.engine;

import io.ddbc.api.Billing;
import io.ddbc.api.ConsumedCapacity;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.TableSpec;
import io.ddbc.api.ThrottlingException;
import io.ddbc.embedded.internal.replication.Cluster;
import io.ddbc.spi.MetricsSink;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Provisioned throughput as DynamoDB enforces it: a token bucket per table (and per global index with its
 * own throughput) for reads and one for writes, refilled at the provisioned units per second and holding
 * at most 300 seconds of them (DynamoDB's burst credit; a new table starts with a full bucket). A request
 * is admitted while its buckets hold a positive balance; what it consumes (the capacity DynamoDB reports,
 * failed conditional writes included) is taken afterwards and may leave a debt that the refill repays.
 * On-demand tables are not limited. A throttle storm throttles every request on a table for a while.
 * Buckets read the engine clock, so on virtual time throttling follows {@code advance()} exactly.
 */
final class Throughput {
    /** Seconds of unused capacity a bucket keeps (DynamoDB's burst capacity). */
    static final int BURST_SECONDS = 300;

    private final Cluster cluster;
    private final ConcurrentHashMap<String, Buckets> tables = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> storms = new ConcurrentHashMap<>();
    private final LongAdder throttles = new LongAdder();

    Throughput(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * One token bucket, in exact integer arithmetic: the balance in thousandths of a capacity unit (every
     * capacity figure is a multiple of ½ unit, so charges are exact) and the refill in units × nanoseconds, with
     * the part that does not yet make a whole thousandth carried to the next refill. Floating point refilled
     * 0.005 units per millisecond inexactly, and a residue of 1e-13 left after a read admitted an extra one.
     */
    static final class Bucket {
        /** Thousandths of a unit per unit. */
        private static final long MILLIS_PER_UNIT = 1000;
        /** Units × nanoseconds that make one thousandth of a unit: 1e9 ns per second / 1000. */
        private static final long REFILL_PER_MILLI_UNIT = 1_000_000;

        private final long rate;
        private final long max;
        private long balance;
        private long carry;
        private long last;

        Bucket(long unitsPerSecond, long now) {
            this.rate = unitsPerSecond;
            this.max = unitsPerSecond * BURST_SECONDS * MILLIS_PER_UNIT;
            this.balance = max;
            this.last = now;
        }

        synchronized boolean hasCredit(long now) {
            refill(now);
            return balance > 0;
        }

        synchronized void take(double units, long now) {
            refill(now);
            balance -= Math.round(units * MILLIS_PER_UNIT);
        }

        synchronized double balance(long now) {
            refill(now);
            return balance / (double) MILLIS_PER_UNIT;
        }

        private void refill(long now) {
            long elapsed = now - last;
            if (elapsed <= 0) return;
            last = now;
            if (balance >= max) {
                carry = 0;
                return;
            }
            // Long enough to fill any bucket (and to overflow rate × elapsed): full.
            if (elapsed > (Long.MAX_VALUE - REFILL_PER_MILLI_UNIT) / rate) {
                balance = max;
                carry = 0;
                return;
            }
            long refill = carry + rate * elapsed;
            long gained = refill / REFILL_PER_MILLI_UNIT;
            carry = refill % REFILL_PER_MILLI_UNIT;
            if (gained >= max - balance) {
                balance = max;
                carry = 0;
            } else {
                balance += gained;
            }
        }
    }

    /** A table's buckets: reads and writes of the table, and of each global index with provisioned throughput. */
    private record Buckets(Bucket read, Bucket write, Map<String, Bucket[]> indexes) {
    }

    /** Creates the buckets of a new table (nothing for on-demand). */
    void register(TableSpec spec) {
        long now = cluster.nanoTime();
        Billing b = spec.billing();
        Map<String, Bucket[]> idx = new ConcurrentHashMap<>();
        for (IndexSpec i : spec.globalIndexes()) {
            Billing ib = i.throughput().orElse(null);
            if (ib != null && ib.mode() == Billing.Mode.PROVISIONED) {
                idx.put(i.name(), new Bucket[] {new Bucket(ib.readCapacityUnits(), now), new Bucket(ib.writeCapacityUnits(), now)});
            }
        }
        boolean provisioned = b.mode() == Billing.Mode.PROVISIONED;
        if (!provisioned && idx.isEmpty()) {
            tables.remove(spec.name());
            return;
        }
        tables.put(spec.name(), new Buckets(provisioned ? new Bucket(b.readCapacityUnits(), now) : null,
                provisioned ? new Bucket(b.writeCapacityUnits(), now) : null, idx));
    }

    /** Forgets a deleted table. */
    void remove(String table) {
        tables.remove(table);
        storms.remove(table);
    }

    /** Throttles every request on a table for {@code nanos} from now. */
    void storm(String table, long nanos) {
        storms.put(table, cluster.nanoTime() + nanos);
    }

    /**
     * Admits a request on a table (and index, for reads of an index) or throws ThrottlingException. Writes
     * are also refused while a provisioned global index of the table has no write credit, as DynamoDB
     * throttles base-table writes when an index cannot keep up.
     */
    void admit(TableState table, String index, boolean write) {
        String name = table.name();
        long now = cluster.nanoTime();
        Long storm = storms.get(name);
        if (storm != null && now - storm < 0) throw throttled(name, null, "storm", "ThrottlingException: Rate of requests exceeds the allowed throughput"
                + " (a throttle storm is in effect)");
        Buckets b = tables.get(name);
        if (b == null) return;
        if (write) {
            if (b.write() != null && !b.write().hasCredit(now)) throw provisioned(name, null, "write");
            for (Map.Entry<String, Bucket[]> e : b.indexes().entrySet()) {
                if (!e.getValue()[1].hasCredit(now)) throw provisioned(name, e.getKey(), "write");
            }
            return;
        }
        Bucket[] ib = index == null ? null : b.indexes().get(index);
        if (ib != null) {
            if (!ib[0].hasCredit(now)) throw provisioned(name, index, "read");
        } else if (index == null || table.index(index) == null || !table.index(index).isGlobal()) {
            if (b.read() != null && !b.read().hasCredit(now)) throw provisioned(name, null, "read");
        }
    }

    /** Takes consumed capacity from the buckets it was consumed on. */
    void consume(ConsumedCapacity c) {
        if (tables.isEmpty()) return;
        long now = cluster.nanoTime();
        for (String t : c.tableNames()) {
            Buckets b = tables.get(t);
            if (b == null) continue;
            ConsumedCapacity.Units u = c.table(t);
            if (b.read() != null && u.read() > 0) b.read().take(u.read(), now);
            if (b.write() != null && u.write() > 0) b.write().take(u.write(), now);
            for (Map.Entry<String, ConsumedCapacity.Units> e : c.indexes(t).entrySet()) {
                Bucket[] ib = b.indexes().get(e.getKey());
                if (ib == null) continue;
                if (e.getValue().read() > 0) ib[0].take(e.getValue().read(), now);
                if (e.getValue().write() > 0) ib[1].take(e.getValue().write(), now);
            }
        }
    }

    /** The balance of a table's bucket (index null for the table), or NaN if it has none; for tests and stats. */
    double balance(String table, String index, boolean write) {
        Buckets b = tables.get(table);
        if (b == null) return Double.NaN;
        Bucket bucket = index == null ? (write ? b.write() : b.read()) : b.indexes().containsKey(index) ? b.indexes().get(index)[write ? 1 : 0] : null;
        return bucket == null ? Double.NaN : bucket.balance(cluster.nanoTime());
    }

    /** Requests throttled so far. */
    long throttles() {
        return throttles.sum();
    }

    private ThrottlingException provisioned(String table, String index, String mode) {
        String what = index == null ? "the table" : "global secondary index '" + index + "' of the table";
        return throttled(table, index, "provisioned-" + mode, "ProvisionedThroughputExceededException: The level of configured provisioned throughput for " + what
                + " was exceeded (" + mode + " capacity). Consider increasing your provisioning level with the UpdateTable API");
    }

    private ThrottlingException throttled(String table, String index, String reason, String message) {
        throttles.increment();
        MetricsSink sink = cluster.sink();
        if (sink != null) sink.count("ddbc.throttles", Map.of("table", table, "reason", reason), 1);
        return new ThrottlingException(message + " (table '" + table + "'"
                + (index == null ? "" : ", index '" + index + "'") + ")");
    }
}
