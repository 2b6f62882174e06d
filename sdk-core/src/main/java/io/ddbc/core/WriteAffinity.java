package io.ddbc.core;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Key;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Which region takes the writes of an item, on a multi-region (global tables) backend. Immutable and
 * thread-safe.
 *
 * <p>Global tables replicate asynchronously and resolve concurrent writes to one item by <em>last writer
 * wins</em>: a condition (and so a managed-version check) is evaluated only against the state of the
 * region that takes the write. Two sessions writing the same item in two regions can therefore both pass
 * their version check, and replication then silently keeps one of the two writes. Routing every write of
 * an item to one <em>owner</em> region makes version checks see one order of writes again, so
 * {@code expectVersion} and {@code mutate} detect conflicts exactly ({@code VersionConflictException}),
 * whichever region the writing session lives in — at the price of a cross-region round trip for writes
 * whose owner is far away.
 *
 * <pre>{@code
 * DdbcClient client = Ddbc.builder()
 *         .url("ddbc:embedded:mem?regions=us-east-1,eu-west-1")
 *         .homeRegion("eu-west-1")
 *         .writeAffinity(WriteAffinity.byPartitionKey())          // every client agrees on each item's owner
 *         .build();
 * // or: WriteAffinity.of((table, key) -> key.partitionValue().s().startsWith("EU") ? "eu-west-1" : "us-east-1")
 * }</pre>
 *
 * <p>Transactions are regional in DynamoDB: all items of one transaction must have the same owner region,
 * else the transaction is refused with a {@code ValidationException}. Batch writes are split by owner.
 */
public final class WriteAffinity {
    /** How an affinity picks a region; {@code regions} is the client's region list in name order. */
    private interface Rule {
        String regionFor(String table, Key key, String home, List<String> sortedRegions);
    }

    private static final WriteAffinity HOME = new WriteAffinity("home", (t, k, home, all) -> home);
    private static final WriteAffinity BY_PARTITION_KEY = new WriteAffinity("byPartitionKey",
            (t, k, home, all) -> all.get(Math.floorMod(stableHash(t, k.partitionValue()), all.size())));

    private final String name;
    private final Rule rule;

    private WriteAffinity(String name, Rule rule) {
        this.name = name;
        this.rule = rule;
    }

    /**
     * The default: writes go to the home region of the session (or of the client, for requests made on the
     * client). Conditions and versions are checked in that region only; concurrent writes in two regions
     * are resolved by last writer wins.
     */
    public static WriteAffinity home() {
        return HOME;
    }

    /**
     * Each item is owned by one region, chosen by a stable hash of the table name and the partition key value
     * over the region names in sorted order, so every client of the same regions agrees on the owner without
     * coordination. All items of a partition key share an owner, so a transaction on one partition key is
     * always allowed.
     */
    public static WriteAffinity byPartitionKey() {
        return BY_PARTITION_KEY;
    }

    /**
     * A custom owner: {@code (table, key) -> region}. It must return one of the client's regions; any other
     * value is refused with {@code DdbcConfigException} when the write is made. It must be deterministic and
     * the same in every client, or version checks lose their single order again.
     */
    public static WriteAffinity of(BiFunction<String, Key, String> owner) {
        Objects.requireNonNull(owner, "owner");
        return new WriteAffinity("custom", (t, k, home, all) -> owner.apply(t, k));
    }

    /** Whether this is {@link #home()}: no key needs to be looked at. */
    public boolean isHome() {
        return this == HOME;
    }

    /**
     * The region that takes writes of {@code key} in {@code table}.
     *
     * @param home the writer's home region
     * @param sortedRegions every region of the client, in name order
     * @return a region name (not checked here: a custom rule may return anything)
     */
    public String regionFor(String table, Key key, String home, List<String> sortedRegions) {
        return rule.regionFor(table, key, home, sortedRegions);
    }

    /** A hash that never changes between JVMs or versions: SHA-256 of table, a separator and the key value. */
    private static int stableHash(String table, AttributeValue partitionValue) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(table.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(partitionValue.type().name().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(canonical(partitionValue));
            byte[] d = sha.digest();
            return ((d[0] & 0xff) << 24) | ((d[1] & 0xff) << 16) | ((d[2] & 0xff) << 8) | (d[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Key values are S, N or B; numbers compare by value, so 1 and 1.0 are the same key and the same owner. */
    private static byte[] canonical(AttributeValue v) {
        return switch (v.type()) {
            case N -> v.n().stripTrailingZeros().toPlainString().getBytes(StandardCharsets.UTF_8);
            case B -> v.b();
            default -> v.s().getBytes(StandardCharsets.UTF_8);
        };
    }

    @Override
    public String toString() {
        return "WriteAffinity." + name;
    }
}
