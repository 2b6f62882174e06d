package io.ddbc.embedded.internal.engine;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Counters the engine keeps for {@code EmbeddedControl.stats()}. Thread-safe and cheap (adders). */
public final class EngineStats {
    private final ConcurrentHashMap<String, LongAdder> operations = new ConcurrentHashMap<>();
    final LongAdder conditionalCheckFailures = new LongAdder();
    final LongAdder transactionsCanceled = new LongAdder();
    final LongAdder idempotentReplays = new LongAdder();
    final DoubleAdder readUnits = new DoubleAdder();
    final DoubleAdder writeUnits = new DoubleAdder();

    void count(String operation) {
        operations.computeIfAbsent(operation, k -> new LongAdder()).increment();
    }

    /** Takes consumed capacity from provisioned throughput; set once by the engine. */
    private volatile java.util.function.Consumer<io.ddbc.api.ConsumedCapacity> consumer = c -> { };

    void onCharge(java.util.function.Consumer<io.ddbc.api.ConsumedCapacity> c) {
        consumer = c;
    }

    void charge(io.ddbc.api.ConsumedCapacity c) {
        readUnits.add(c.readUnits());
        writeUnits.add(c.writeUnits());
        consumer.accept(c);
    }

    /** Operations by DynamoDB name, sorted. */
    public Map<String, Long> operations() {
        Map<String, Long> m = new TreeMap<>();
        operations.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Conditional writes (and transaction actions) whose condition was false. */
    public long conditionalCheckFailures() {
        return conditionalCheckFailures.sum();
    }

    /** Transactions cancelled. */
    public long transactionsCanceled() {
        return transactionsCanceled.sum();
    }

    /** Transactions answered from the idempotency cache. */
    public long idempotentReplays() {
        return idempotentReplays.sum();
    }

    /** Read units consumed overall. */
    public double readUnits() {
        return readUnits.sum();
    }

    /** Write units consumed overall (failed conditional writes included). */
    public double writeUnits() {
        return writeUnits.sum();
    }
}
