package io.ddbc.embedded.internal.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The engine's clock and its queue of delayed work (follower catch-up, GSI maintenance).
 *
 * <p>Real time: {@link System#nanoTime()} and one daemon thread that runs events when they fall due;
 * {@link #close()} stops it. Virtual time: a clock that moves only through {@link #advance(long)} and
 * {@link #settle()}, on the caller's thread — nothing runs on its own, so a run driven from one thread
 * is a pure function of its seed. Events due at the same instant run in the order they were scheduled.
 * Events run one at a time (whichever thread runs them).
 */
public final class Scheduler implements AutoCloseable {
    private final boolean virtual;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Held while an event runs, so events never run concurrently. */
    private final ReentrantLock runner = new ReentrantLock();
    private final AtomicLong failures = new AtomicLong();
    private final Thread thread;
    /** Virtual nanoseconds; guarded by {@link #lock} for writes, volatile for reads. */
    private volatile long virtualNanos;
    private long order;
    private volatile boolean closed;

    private record Event(long due, long order, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private Scheduler(boolean virtual, String threadName) {
        this.virtual = virtual;
        if (virtual || threadName == null) {
            thread = null;
        } else {
            thread = new Thread(this::runLoop, threadName);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** A virtual clock starting at 0. */
    public static Scheduler virtualTime() {
        return new Scheduler(true, null);
    }

    /**
     * Real time, with its daemon thread named {@code threadName}; null for no thread (an engine that never
     * schedules anything, e.g. a single node: then only {@link #settle()} runs events).
     */
    public static Scheduler realTime(String threadName) {
        return new Scheduler(false, threadName);
    }

    /** Whether time is virtual. */
    public boolean isVirtual() {
        return virtual;
    }

    /** Now, in nanoseconds (virtual: since the engine started; real: {@link System#nanoTime()}). */
    public long nanoTime() {
        return virtual ? virtualNanos : System.nanoTime();
    }

    /** Events scheduled and not yet run. */
    public int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Events that threw (they are logged here rather than killing the scheduler). */
    public long failures() {
        return failures.get();
    }

    /** Runs {@code action} at {@code dueNanos} (on this clock) or soon after. */
    public void schedule(long dueNanos, Runnable action) {
        lock.lock();
        try {
            Event e = new Event(dueNanos, order++, action);
            queue.add(e);
            if (queue.peek() == e) changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Virtual time: moves the clock forward by {@code nanos}, running every event that falls due on the way
     * at its own instant. Real time: runs the events already due.
     */
    public void advance(long nanos) {
        if (!virtual) {
            runUntil(System.nanoTime(), false);
            return;
        }
        runUntil(virtualNanos + nanos, true);
    }

    /** Runs every pending event now (virtual: the clock moves to the last one's instant if later). */
    public void settle() {
        runUntil(Long.MAX_VALUE, false);
    }

    private void runUntil(long target, boolean moveClock) {
        while (true) {
            Event e;
            lock.lock();
            try {
                e = queue.peek();
                if (e == null || e.due - target > 0 && target != Long.MAX_VALUE) break;
                queue.poll();
                if (virtual && e.due > virtualNanos) virtualNanos = e.due;
            } finally {
                lock.unlock();
            }
            run(e);
        }
        if (moveClock) {
            lock.lock();
            try {
                if (target > virtualNanos) virtualNanos = target;
            } finally {
                lock.unlock();
            }
        }
    }

    private void run(Event e) {
        runner.lock();
        try {
            e.action().run();
        } catch (RuntimeException ex) {
            failures.incrementAndGet();
        } finally {
            runner.unlock();
        }
    }

    private void runLoop() {
        List<Event> due = new ArrayList<>();
        while (!closed) {
            lock.lock();
            try {
                while (!closed && (queue.isEmpty() || queue.peek().due - System.nanoTime() > 0)) {
                    if (queue.isEmpty()) {
                        changed.await();
                    } else {
                        changed.awaitNanos(queue.peek().due - System.nanoTime());
                    }
                }
                long now = System.nanoTime();
                while (!queue.isEmpty() && queue.peek().due - now <= 0) due.add(queue.poll());
            } catch (InterruptedException ex) {
                return;
            } finally {
                lock.unlock();
            }
            for (Event e : due) run(e);
            due.clear();
        }
    }

    /** Stops the real-time thread (pending events are dropped) and waits for it. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (thread == null) return;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
