package io.ddbc.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The plain multi-threaded harness: N client threads run one operation in a loop, first for a warm-up,
 * then for a timed window (the same absolute deadlines for all threads); the result is the sum of the
 * threads' operations per second over the window. Threads are joined before it returns (none leaks);
 * the first failure of any thread stops the others and is rethrown.
 */
final class Harness {
    /** One operation of one client thread; {@code rnd} is that thread's own generator. */
    interface Op {
        void run(SplittableRandom rnd) throws Exception;
    }

    private Harness() {
    }

    static double opsPerSecond(int threads, Duration warmup, Duration window, long seed, Op op) {
        DoubleAdder rate = new DoubleAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long warmEnd = System.nanoTime() + warmup.toNanos() + 20_000_000L; // 20 ms for the threads to start
        long end = warmEnd + window.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + t);
            Thread w = new Thread(() -> {
                try {
                    loop(op, rnd, warmEnd, failure);
                    long t0 = System.nanoTime();
                    long n = loop(op, rnd, end, failure);
                    rate.add(n * 1e9 / (System.nanoTime() - t0));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-client-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            try {
                w.join();
            } catch (InterruptedException e) {
                workers.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("harness interrupted", e);
            }
        }
        if (failure.get() != null) throw new IllegalStateException("a client thread failed (seed " + seed + ")", failure.get());
        return rate.sum();
    }

    /** Runs until the deadline (checked every 16 operations, so the clock costs little); returns the count. */
    private static long loop(Op op, SplittableRandom rnd, long deadline, AtomicReference<Throwable> failure) throws Exception {
        long n = 0;
        while (failure.get() == null && System.nanoTime() < deadline) {
            for (int i = 0; i < 16; i++, n++) op.run(rnd);
        }
        return n;
    }
}
