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

    /** Register items in the token-heavy workload: more than a token keeps exactly, so it folds. */
    public static final int TOKEN_ITEMS = 40;

    /** Which workload a seed runs. */
    public enum Mode {
        /** Few items, every fault: the original workload (its seeds' steps are unchanged). */
        BASE,
        /**
         * Sessions touching {@value #TOKEN_ITEMS} keys over 8 partitions (tokens fold versions into buckets and cap
         * positions), tokens merged between sessions and moved between clients with and without a signing key,
         * session queries on global indexes of a versioned and an unversioned table, updates and deletes with
         * expectVersion.
         */
        TOKENS
    }

    /** What a step does; {@code weight} in the base workload, {@code tokenWeight} in the token-heavy one. */
    public enum Kind {
        PUT(10, 10), UPDATE(8, 6), DELETE(3, 3), GET(16, 14), QUERY(4, 2), SCAN(1, 1), BATCH_GET(3, 3), BATCH_WRITE(3, 2),
        TRANSFER(5, 2), AUDIT(3, 1), MUTATE(4, 3), CAS_READ(3, 2), CAS_WRITE(3, 2), HANDOFF(2, 4), NEW_SESSION(1, 1),
        CRASH(1, 1), RESTART(2, 2), ISOLATE(1, 1), HEAL(2, 2), FAILOVER(1, 1), LAG_SPIKE(1, 2), THROTTLE(1, 1), ADVANCE(3, 3),
        /** The next one or two writes are applied and their answers lost: unknown outcomes. */
        LOSE_ANSWERS(3, 2),
        /** A session takes in another session's token ({@code DdbcSession.merge}). */
        MERGE(0, 5),
        /** A session query on a global index (of the register or the versioned table). */
        GSI_QUERY(0, 8),
        /** A session read of a versioned item, remembering its version for {@link #VWRITE}. */
        VREAD(0, 5),
        /** An update or a delete with expectVersion of the version the session last read. */
        VWRITE(0, 5);

        final int weight;
        final int tokenWeight;

        Kind(int weight, int tokenWeight) {
            this.weight = weight;
            this.tokenWeight = tokenWeight;
        }

        boolean isFault() {
            return ordinal() >= CRASH.ordinal() && ordinal() <= LOSE_ANSWERS.ordinal();
        }

        int weight(Mode mode) {
            return mode == Mode.BASE ? weight : tokenWeight;
        }
    }

    /** A seeded workload of {@code length} steps. */
    public static List<Op> workload(long seed, int length) {
        return workload(seed, length, Mode.BASE);
    }

    /** A seeded workload of {@code length} steps of a mode. */
    public static List<Op> workload(long seed, int length, Mode mode) {
        Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + 17 + (mode == Mode.BASE ? 0 : 1_000_003));
        int total = 0;
        for (Kind k : Kind.values()) total += k.weight(mode);
        int items = mode == Mode.BASE ? ITEMS : TOKEN_ITEMS;
        List<Op> ops = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            int pick = rnd.nextInt(total);
            Kind kind = Kind.values()[0];
            for (Kind k : Kind.values()) {
                if (pick < k.weight(mode)) {
                    kind = k;
                    break;
                }
                pick -= k.weight(mode);
            }
            ops.add(new Op(i, kind, rnd.nextInt(SLOTS), rnd.nextInt(items), rnd.nextInt(1000), rnd.nextInt(6)));
        }
        return ops;
    }

    @Override
    public String toString() {
        return "#" + index + " " + kind + "(slot " + slot + ", key " + key + ", other " + other + ", variant " + variant + ")";
    }
}
