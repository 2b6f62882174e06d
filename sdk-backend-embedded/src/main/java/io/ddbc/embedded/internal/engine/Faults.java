package io.ddbc.embedded.internal.engine;

import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.Key;
import io.ddbc.api.ValidationException;
import io.ddbc.embedded.internal.replication.Cluster;
import io.ddbc.embedded.internal.replication.Topology;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fault injection and time control behind {@code EmbeddedControl}. Every fault takes effect before the call
 * returns: leaders in a crashed or isolated AZ fail over at once where a quorum remains, and a returning
 * replica is scheduled to catch up from the log. Each fault is recorded for the stats.
 */
public final class Faults {
    private final Cluster cluster;
    private final Tables tables;
    private final Throughput throughput;
    private final List<String> history = new ArrayList<>();
    private final List<Runnable> recoveryListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    Faults(Cluster cluster, Tables tables, Throughput throughput) {
        this.cluster = cluster;
        this.tables = tables;
        this.throughput = throughput;
    }

    /** Crashes the replicas of an AZ: they stop serving and receiving until restarted (their data is kept). */
    public synchronized void crash(String az) {
        int i = cluster.topology().az(az);
        cluster.topology().crash(i);
        record("crash " + az);
        for (TableState t : tables.all()) t.replicas().repairLeaders();
    }

    /** Restarts a crashed AZ; its replicas catch up from the log after one replication lag. */
    public synchronized void restart(String az) {
        int i = cluster.topology().az(az);
        if (!cluster.topology().crashed(i)) return;
        cluster.topology().restart(i);
        record("restart " + az);
        returning(i);
    }

    /** Cuts an AZ off the network: like a crash for routing and quorum, its data kept. */
    public synchronized void isolate(String az) {
        int i = cluster.topology().az(az);
        cluster.topology().isolate(i);
        record("isolate " + az);
        for (TableState t : tables.all()) t.replicas().repairLeaders();
    }

    /** Reconnects an isolated AZ; its replicas catch up after one replication lag. */
    public synchronized void heal(String az) {
        int i = cluster.topology().az(az);
        if (!"isolated".equals(cluster.topology().status(i))) return;
        cluster.topology().heal(i);
        record("heal " + az);
        returning(i);
    }

    private void returning(int az) {
        if (!cluster.topology().reachable(az)) return;
        for (TableState t : tables.all()) {
            t.replicas().scheduleCatchUp(az);
            t.replicas().repairLeaders();
        }
        for (Runnable r : recoveryListeners) r.run();
    }

    /**
     * Runs {@code listener} whenever a crashed or isolated AZ comes back (partitions that had no quorum may
     * take writes again): the multi-region engine resumes deliveries it had to hold.
     */
    public void onRecovery(Runnable listener) {
        recoveryListeners.add(listener);
    }

    /** Adds {@code extra} to every replication lag sampled during the next {@code window}. */
    public synchronized void lagSpike(Duration extra, Duration window) {
        if (extra == null || window == null || extra.isNegative() || window.isNegative()) {
            throw new ValidationException("lagSpike needs non-negative durations, got extra=" + extra + ", window=" + window);
        }
        cluster.replicationLag().spike(extra.toNanos(), cluster.nanoTime() + window.toNanos());
        record("lagSpike +" + extra.toMillis() + "ms for " + window.toMillis() + "ms");
    }

    /**
     * Promotes the follower with the highest applied position to leader of the key's partition.
     *
     * @throws BackendUnavailableException if no follower is reachable
     */
    public synchronized void failover(String table, Key key) {
        TableState t = tables.get(table);
        if (key == null) throw new ValidationException("failoverLeader needs the key of an item of table '" + table + "', got null");
        t.spec().validateKey(key);
        if (t.replicas().size() == 1) {
            throw new ValidationException("Table '" + table + "' has one replica per partition (replicas=1): there is no follower to promote");
        }
        int p = t.partitionOf(key);
        if (!t.replicas().failover(p)) {
            throw new BackendUnavailableException("Cannot fail over table '" + table + "', partition " + table + "#" + p
                    + ": no reachable follower");
        }
        record("failover " + table + "#" + p + " -> " + Topology.AZS.get(t.replicas().leaderNumber(p)));
    }

    /** Throttles every request on a table for {@code duration} (a throttle storm). */
    public synchronized void throttle(String table, Duration duration) {
        tables.get(table);
        if (duration == null || duration.isNegative()) {
            throw new ValidationException("throttle needs a non-negative duration, got " + duration + " (table '" + table + "')");
        }
        throughput.storm(table, duration.toNanos());
        record("throttle " + table + " for " + duration.toMillis() + "ms");
    }

    /** Virtual time: moves the clock, running replication that falls due. */
    public void advance(Duration d) {
        if (!cluster.scheduler().isVirtual()) {
            throw new DdbcConfigException("advance() needs virtual time: open the engine with 'ddbc:embedded:mem?time=virtual&seed=N'");
        }
        if (d == null || d.isNegative()) throw new ValidationException("advance needs a non-negative duration, got " + d);
        cluster.scheduler().advance(d.toNanos());
    }

    /** Applies everything pending now (virtual time moves to the last delivery). */
    public void settle() {
        cluster.scheduler().settle();
    }

    /** Faults injected so far, in order. */
    public synchronized List<String> history() {
        return List.copyOf(history);
    }

    private void record(String what) {
        history.add(what);
    }
}
