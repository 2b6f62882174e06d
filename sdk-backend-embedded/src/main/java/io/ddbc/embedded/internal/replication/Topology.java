package io.ddbc.embedded.internal.replication;

import io.ddbc.api.ValidationException;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The availability zones and their fault state. Replica {@code i} of every partition lives in AZ {@code i}
 * (az-a, az-b, az-c). A replica is reachable when its AZ is neither crashed nor isolated. Thread-safe.
 */
public final class Topology {
    /** The AZ names, by replica number. */
    public static final List<String> AZS = List.of("az-a", "az-b", "az-c");
    private static final int UP = 0;
    private static final int CRASHED = 1;
    private static final int ISOLATED = 2;
    private final int replicas;
    private final AtomicIntegerArray state;

    /** @param replicas 1 or 3 */
    public Topology(int replicas) {
        this.replicas = replicas;
        this.state = new AtomicIntegerArray(replicas);
    }

    /** Replicas per partition. */
    public int replicas() {
        return replicas;
    }

    /** Replicas needed for writes and strong reads: a majority. */
    public int quorum() {
        return replicas / 2 + 1;
    }

    /** The replica number of an AZ name. @throws ValidationException naming the AZs of this engine */
    public int az(String name) {
        int i = AZS.indexOf(name);
        if (i < 0 || i >= replicas) {
            throw new ValidationException("Unknown availability zone '" + name + "'; this engine has " + AZS.subList(0, replicas));
        }
        return i;
    }

    /** Whether a replica can be reached. */
    public boolean reachable(int az) {
        return state.get(az) == UP;
    }

    /** Whether a replica's AZ is crashed. */
    public boolean crashed(int az) {
        return state.get(az) == CRASHED;
    }

    /** "up", "crashed" or "isolated". */
    public String status(int az) {
        int s = state.get(az);
        return s == UP ? "up" : s == CRASHED ? "crashed" : "isolated";
    }

    void set(int az, boolean crashed, boolean isolated) {
        state.set(az, crashed ? CRASHED : isolated ? ISOLATED : UP);
    }

    /** Marks an AZ crashed. */
    public void crash(int az) {
        set(az, true, false);
    }

    /** Marks an AZ isolated (unless crashed). */
    public void isolate(int az) {
        state.compareAndSet(az, UP, ISOLATED);
    }

    /** Brings a crashed AZ back (an isolated one stays isolated). */
    public void restart(int az) {
        state.compareAndSet(az, CRASHED, UP);
    }

    /** Reconnects an isolated AZ. */
    public void heal(int az) {
        state.compareAndSet(az, ISOLATED, UP);
    }
}
