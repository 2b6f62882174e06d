package io.ddbc.embedded;

import io.ddbc.api.Key;
import java.time.Duration;

/**
 * Control and inspection of the embedded engine, reached with {@code unwrap}: its counters, virtual time,
 * and fault injection. Every fault takes effect before the call returns and shows in {@link #stats()}.
 * AZs are named {@code az-a}, {@code az-b}, {@code az-c} (replica 1, 2, 3 of every partition).
 *
 * <p>In a multi-region engine the clock ({@link #advance}, {@link #settle}, {@link #now}) is shared by every
 * region and drives cross-region replication too; AZ faults and {@link #stats()} are those of the region whose
 * view was unwrapped ({@code backend.region("eu-west-1").unwrap(EmbeddedControl.class)}; the backend itself
 * is the home region); region faults and {@link #replicationConflicts()} are engine-wide.
 *
 * <pre>{@code
 * EmbeddedControl control = client.unwrap(EmbeddedControl.class);   // ddbc:embedded:mem?time=virtual&seed=7
 * control.crashReplica("az-b");
 * control.advance(Duration.ofMillis(200));                          // replication falls due meanwhile
 * control.restartReplica("az-b");
 * control.settle();                                                  // every replica caught up
 * System.out.println(control.stats().staleReads());
 * }</pre>
 */
public interface EmbeddedControl {

    /** A consistent-enough snapshot of the engine's counters (each counter is read atomically). */
    EmbeddedStats stats();

    /**
     * Virtual time only: moves the clock forward, applying each replication delivery at its own instant.
     *
     * @throws io.ddbc.api.DdbcConfigException on real time
     */
    void advance(Duration duration);

    /**
     * Applies every pending replication delivery and index update now (virtual time moves to the last one),
     * cross-region deliveries included — except writes held to or from an isolated region.
     */
    void settle();

    /** The engine clock: virtual time since start, or real elapsed time since the engine opened. */
    Duration now();

    /**
     * Crashes the replicas in an AZ: they stop serving and receiving. Partitions led there fail over to the
     * follower with the highest applied position when two replicas remain reachable; otherwise writes and
     * strong reads on them fail with {@link io.ddbc.api.BackendUnavailableException}.
     */
    void crashReplica(String az);

    /** Restarts a crashed AZ; its replicas catch up from the log after a replication lag. */
    void restartReplica(String az);

    /** Cuts an AZ off: for routing and quorum like a crash. */
    void isolateAz(String az);

    /** Reconnects an isolated AZ; its replicas catch up from the log after a replication lag. */
    void healAz(String az);

    /** Adds {@code extra} to every replication lag sampled during the next {@code window}. */
    void lagSpike(Duration extra, Duration window);

    /**
     * Promotes the follower with the highest applied position to leader of the partition holding
     * {@code key}. No acknowledged write is lost: each reached a follower, in log order, before it was acknowledged.
     */
    void failoverLeader(String table, Key key);

    /** Throttles every request on a table for {@code duration} (a throttle storm). */
    void throttle(String table, Duration duration);

    /**
     * Applies each of the next {@code writes} writes (put, update, delete, batch write, transaction) and then
     * loses its answer: the caller gets {@link io.ddbc.api.BackendUnavailableException} with
     * {@code mayHaveBeenApplied()} true, as after a timeout once DynamoDB had applied the write. This is how
     * tests produce unknown outcomes; a write that fails (a false condition, a cancelled transaction) loses no answer.
     * Counts add up with earlier calls; 0 cancels the ones still pending.
     *
     * <pre>{@code
     * control.loseWriteResponses(1);
     * accounts.mutate(key, a -> a.with("n", a.getLong("n") + 1));   // applied once, resolved by reading back
     * }</pre>
     *
     * @throws io.ddbc.api.ValidationException if {@code writes} is negative
     */
    void loseWriteResponses(int writes);

    /**
     * From now on loses the answer of each applied write with probability {@code probability}, drawn from a
     * generator seeded with {@code seed} (so a seeded run loses the same answers); 0 turns it off.
     *
     * @throws io.ddbc.api.ValidationException if {@code probability} is not within 0 to 1
     */
    void loseWriteResponses(double probability, long seed);

    /** How many write answers {@link #loseWriteResponses} has lost so far. */
    long lostWriteResponses();

    /**
     * Multi-region engine: cuts a region off from every other region, both ways. Writes made meanwhile stay
     * queued in both directions; the region keeps serving its own clients (reads there that require writes of
     * other regions throw {@link io.ddbc.api.StaleReadException}). {@link #settle()} skips the held writes.
     *
     * <pre>{@code
     * EmbeddedControl control = backend.unwrap(EmbeddedControl.class);  // ddbc:embedded:mem?regions=us-east-1,eu-west-1&time=virtual
     * control.isolateRegion("eu-west-1");
     * // ... concurrent writes in both regions ...
     * control.healRegion("eu-west-1");
     * control.settle();                                                  // every region holds the same data
     * control.replicationConflicts().forEach(System.out::println);       // what last-writer-wins discarded
     * }</pre>
     *
     * @throws io.ddbc.api.DdbcConfigException if the engine is single-region or has no such region (naming the regions)
     */
    void isolateRegion(String region);

    /**
     * Reconnects an isolated region: the writes held in both directions are delivered (those already due at
     * once). Nothing if the region is not isolated.
     *
     * @throws io.ddbc.api.DdbcConfigException if the engine is single-region or has no such region
     */
    void healRegion(String region);

    /**
     * Multi-region engine: adds {@code extra} to the cross-region lag of every write made during the next
     * {@code window} (in any region), e.g. to widen the window in which concurrent writes conflict.
     *
     * @throws io.ddbc.api.DdbcConfigException if the engine is single-region
     * @throws io.ddbc.api.ValidationException if a duration is negative
     */
    void regionLagSpike(Duration extra, Duration window);

    /**
     * Multi-region engine: every pair of concurrent writes to one item in two regions that last-writer-wins
     * resolved by discarding one, in detection order (empty on a single-region engine). A write made after its
     * region had received the write it replaces is an ordinary update, not a conflict.
     */
    java.util.List<ReplicationConflict> replicationConflicts();

    /**
     * What one AZ's replica of a table holds now: per partition (list index = partition number) its items in
     * key order, exactly as stored. For tests that compare every replica after {@link #settle()} (a read goes
     * to a replica the engine chooses; this names the replica). Has no effect on the engine: no replication
     * is applied, no capacity used, and a crashed or isolated replica shows what it had applied. In a
     * multi-region engine, the AZ of this view's region.
     *
     * <pre>{@code
     * control.settle();
     * assertEquals(control.replicaItems("orders", "az-a"), control.replicaItems("orders", "az-b"));
     * }</pre>
     *
     * @throws io.ddbc.api.ValidationException if the AZ is not one of this engine's (naming them)
     * @throws io.ddbc.api.ResourceNotFoundException if there is no such table
     */
    java.util.List<java.util.List<io.ddbc.api.Item>> replicaItems(String table, String az);
}
