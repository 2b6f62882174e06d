package io.ddbc.reliability.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One step of a simulated workload: pure data, generated from the seed before the run, so that any
 * subset of a run's steps can be replayed (which is what shrinking a failure needs).
 *
 * @param index position in the generated workload (its identity in a reproduction)
 * @param kind what the step does
 * @param slot which session slot runs it (0..{@link #SLOTS}-1; slots below {@link #CLIENTS} are the clients' implicit sessions)
 * @param key the item (or first item) it touches
 * @param other a second item, an AZ, or a duration, depending on the kind
 * @param variant a small choice within the kind (consistency, condition, ...)
 */
public record Op(int index, Kind kind, int slot, int key, int other, int variant) {
    /** Clients over the one engine. */
    public static final int CLIENTS = 3;
    /** Session slots: the clients' implicit sessions, then explicit ones. */
    public static final int SLOTS = 7;
    /** Items in the register table, counters, bank accounts. */
    public static final int ITEMS = 10;
    public static final int COUNTERS = 3;
    public static final int ACCOUNTS = 4;
    /** The three availability zones of the engine. */
    public static final List<String> AZS = List.of("az-a", "az-b", "az-c");

    /** What a step does. */
    public enum Kind {
        PUT(10), UPDATE(8), DELETE(3), GET(16), QUERY(4), SCAN(1), BATCH_GET(3), BATCH_WRITE(3),
        TRANSFER(5), AUDIT(3), MUTATE(4), CAS_READ(3), CAS_WRITE(3), HANDOFF(2), NEW_SESSION(1),
        CRASH(1), RESTART(2), ISOLATE(1), HEAL(2), FAILOVER(1), LAG_SPIKE(1), THROTTLE(1), ADVANCE(3),
        /** The next one or two writes are applied and their answers lost: unknown outcomes. */
        LOSE_ANSWERS(3);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }

        boolean isFault() {
            return ordinal() >= CRASH.ordinal();
        }
    }

    /** A seeded workload of {@code length} steps. */
    public static List<Op> workload(long seed, int length) {
        Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        int total = 0;
        for (Kind k : Kind.values()) total += k.weight;
        List<Op> ops = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            int pick = rnd.nextInt(total);
            Kind kind = Kind.values()[0];
            for (Kind k : Kind.values()) {
                if (pick < k.weight) {
                    kind = k;
                    break;
                }
                pick -= k.weight;
            }
            ops.add(new Op(i, kind, rnd.nextInt(SLOTS), rnd.nextInt(ITEMS), rnd.nextInt(1000), rnd.nextInt(6)));
        }
        return ops;
    }

    @Override
    public String toString() {
        return "#" + index + " " + kind + "(slot " + slot + ", key " + key + ", other " + other + ", variant " + variant + ")";
    }
}
