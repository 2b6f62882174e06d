package io.ddbc.test;

import io.ddbc.api.Key;
import io.ddbc.embedded.EmbeddedControl;
import io.ddbc.embedded.EmbeddedStats;
import java.time.Duration;
import java.util.Objects;

/**
 * The faults an application must survive, over one test's embedded engine, plus the seed it runs under.
 *
 * <pre>{@code
 * control.lagNextWrites(Duration.ofSeconds(2));                // writes of the next 2 s replicate 2 s late
 * bank.deposit(session, "alice", 500);
 * control.failoverLeader(BankService.TABLE, Key.of("id", "alice"));
 * control.throttle(BankService.TABLE, Duration.ofMillis(50));  // the retry policy must ride it out
 * control.settle();                                            // now every replica agrees
 * }</pre>
 */
public final class TestControl {
    private final EmbeddedControl engine;
    private final long seed;

    /** A control over an engine opened with {@code seed}. */
    public TestControl(EmbeddedControl engine, long seed) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.seed = seed;
    }

    /** The seed of this engine: pass it as {@code -Dddbc.seed} to replay a run. */
    public long seed() {
        return seed;
    }

    /** The engine's own control, for faults not wrapped here (crashReplica, isolateAz, ...). */
    public EmbeddedControl engine() {
        return engine;
    }

    /** Writes during the next {@code lag} of engine time reach the lagging follower {@code lag} later than usual. */
    public void lagNextWrites(Duration lag) {
        lagNextWrites(lag, lag);
    }

    /** Writes during the next {@code window} of engine time reach the lagging follower {@code extra} later than usual. */
    public void lagNextWrites(Duration extra, Duration window) {
        engine.lagSpike(extra, window);
    }

    /** Promotes a follower to leader of the partition holding {@code key}; acknowledged writes survive. */
    public void failoverLeader(String table, Key key) {
        engine.failoverLeader(table, key);
    }

    /**
     * Applies each of the next {@code writes} writes and loses its answer, as a timeout after DynamoDB applied
     * the write would: the application's write path must neither apply it twice nor lose it.
     *
     * <pre>{@code
     * control.loseNextWriteAnswers(1);
     * bank.deposit(session, "alice", 500);    // acknowledged once, applied once
     * }</pre>
     */
    public void loseNextWriteAnswers(int writes) {
        engine.loseWriteResponses(writes);
    }

    /** Loses the answer of each applied write with {@code probability}, drawn from this test's seed; 0 turns it off. */
    public void loseWriteAnswers(double probability) {
        engine.loseWriteResponses(probability, seed);
    }

    /** Throttles every request on {@code table} for {@code duration} of engine time. */
    public void throttle(String table, Duration duration) {
        engine.throttle(table, duration);
    }

    /** Applies every pending replication and index update now. */
    public void settle() {
        engine.settle();
    }

    /** Moves virtual time forward. */
    public void advance(Duration duration) {
        engine.advance(duration);
    }

    /** The engine's counters (stale reads served, throttles, ...). */
    public EmbeddedStats stats() {
        return engine.stats();
    }

    /**
     * Cuts a region off from the others (global tables): it still serves its own clients, its writes and the
     * others' queue up until {@link #healRegion(String)}.
     */
    public void isolateRegion(String region) {
        engine.isolateRegion(region);
    }

    /** Reconnects a region isolated by {@link #isolateRegion(String)}; queued writes replicate (after {@link #settle()}). */
    public void healRegion(String region) {
        engine.healRegion(region);
    }

    /** Every write lost to last writer wins so far: concurrent writes to one item in two regions. */
    public java.util.List<io.ddbc.embedded.ReplicationConflict> replicationConflicts() {
        return engine.replicationConflicts();
    }
}
