package io.ddbc.embedded.internal.storage;

import io.ddbc.api.AttributeValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Maps a partition key value to a partition by a stable 64-bit hash of its canonical bytes (type tag +
 * UTF-8 for S, normalised decimal text for N so that 1 and 1.0 land together, raw bytes for B). Stable
 * across JVMs and runs, so partition ids and positions are reproducible.
 */
public final class PartitionHasher {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private PartitionHasher() {
    }

    /** The stable hash of a key value (FNV-1a 64 over its canonical bytes, then a finaliser). */
    public static long hash(AttributeValue value) {
        long h = FNV_OFFSET;
        h = mix(h, (byte) value.type().ordinal());
        for (byte b : canonicalBytes(value)) h = mix(h, b);
        // murmur3 finaliser: spreads FNV's low-bit bias so modulo and range splits are even
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** The partition (0..count-1) of a key value. */
    public static int partitionOf(AttributeValue value, int count) {
        return (int) Long.remainderUnsigned(hash(value), count);
    }

    /** The parallel-scan segment (0..totalSegments-1) of a key value: a split of the hash range, like DynamoDB's. */
    public static int segmentOf(AttributeValue value, int totalSegments) {
        long unsigned = hash(value) >>> 1;   // 0 .. 2^63-1
        return (int) ((double) unsigned / ((double) Long.MAX_VALUE + 1) * totalSegments);
    }

    private static long mix(long h, byte b) {
        return (h ^ (b & 0xff)) * FNV_PRIME;
    }

    private static byte[] canonicalBytes(AttributeValue v) {
        switch (v.type()) {
            case S: return v.s().getBytes(StandardCharsets.UTF_8);
            case N: {
                BigDecimal n = v.n();
                String text = n.signum() == 0 ? "0" : n.stripTrailingZeros().toString();
                return text.getBytes(StandardCharsets.UTF_8);
            }
            case B: return v.b();
            default: throw new IllegalArgumentException("not a key type: " + v.type());
        }
    }
}
