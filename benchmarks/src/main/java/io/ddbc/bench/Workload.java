package io.ddbc.bench;

import java.util.SplittableRandom;

/**
 * A YCSB-like workload: a read/update mix over one key distribution.
 *
 * @param mix          A (50% reads), B (95%) or C (100%)
 * @param distribution uniform or zipfian
 */
record Workload(Mix mix, Distribution distribution) {
    enum Mix {
        A(0.50), B(0.95), C(1.00);

        final double readFraction;

        Mix(double readFraction) {
            this.readFraction = readFraction;
        }
    }

    enum Distribution { UNIFORM, ZIPFIAN }

    String label() {
        return mix + "_" + distribution.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The harness operation running this workload against a store of {@code records} records. */
    Harness.Op op(KvStore store, int records) {
        KeyChooser keys = distribution == Distribution.UNIFORM ? KeyChooser.uniform(records) : KeyChooser.zipfian(records);
        double reads = mix.readFraction;
        return rnd -> step(store, keys, reads, rnd);
    }

    private static void step(KvStore store, KeyChooser keys, double reads, SplittableRandom rnd) {
        int k = keys.next(rnd);
        if (reads >= 1.0 || rnd.nextDouble() < reads) {
            if (!store.read(k)) throw new IllegalStateException(store + ": record " + k + " not found");
        } else {
            store.update(k, rnd.nextLong());
        }
    }
}
