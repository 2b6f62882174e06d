package io.ddbc.bench;

import java.util.SplittableRandom;

/**
 * Picks record numbers in {@code [0, records)}: uniformly, or zipfian like YCSB's scrambled zipfian
 * (constant 0.99; the popular ranks are hashed over the key space so hot keys spread over partitions).
 * Immutable and thread-safe; each thread passes its own generator.
 */
interface KeyChooser {
    int next(SplittableRandom rnd);

    static KeyChooser uniform(int records) {
        return rnd -> rnd.nextInt(records);
    }

    static KeyChooser zipfian(int records) {
        return new Zipfian(records, 0.99);
    }

    /** Gray et al., "Quickly generating billion-record synthetic databases" (as in YCSB's ZipfianGenerator). */
    final class Zipfian implements KeyChooser {
        private final int n;
        private final double theta;
        private final double alpha;
        private final double zetan;
        private final double eta;

        Zipfian(int n, double theta) {
            this.n = n;
            this.theta = theta;
            this.alpha = 1.0 / (1.0 - theta);
            this.zetan = zeta(n, theta);
            this.eta = (1 - Math.pow(2.0 / n, 1 - theta)) / (1 - zeta(2, theta) / zetan);
        }

        private static double zeta(long n, double theta) {
            double sum = 0;
            for (long i = 1; i <= n; i++) sum += 1 / Math.pow(i, theta);
            return sum;
        }

        @Override
        public int next(SplittableRandom rnd) {
            double u = rnd.nextDouble();
            double uz = u * zetan;
            long rank;
            if (uz < 1.0) rank = 0;
            else if (uz < 1.0 + Math.pow(0.5, theta)) rank = 1;
            else rank = (long) (n * Math.pow(eta * u - eta + 1, alpha));
            return (int) Math.floorMod(fnv(Math.min(rank, n - 1)), (long) n);
        }

        /** FNV-1a over the rank's bytes: the scrambling YCSB applies. */
        private static long fnv(long v) {
            long h = 0xCBF29CE484222325L;
            for (int i = 0; i < 8; i++) {
                h ^= v & 0xFF;
                h *= 0x100000001B3L;
                v >>>= 8;
            }
            return h;
        }
    }
}
