package io.ddbc.wrapper.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the wrapper counts: requests it passed through without being able to honour the session
 * (per operation), session reads upgraded to strong, and strong read-backs of written versions. Kept
 * locally for {@code stats()} and, with a registry, as Micrometer counters. Thread-safe.
 */
public final class Counters {
    /** Meter names. */
    public static final String UNHONOURED = "ddbc.wrapper.unhonoured";
    public static final String UPGRADES = "ddbc.session.upgrades";
    public static final String READ_BACKS = "ddbc.wrapper.read_backs";

    private final MeterRegistry registry;
    private final Map<String, LongAdder> unhonoured = new ConcurrentHashMap<>();
    private final LongAdder upgrades = new LongAdder();
    private final LongAdder readBacks = new LongAdder();

    public Counters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A request passed through that the session could not make read-your-writes (PartiQL, eventual Scan...). */
    public void unhonoured(String operation) {
        unhonoured.computeIfAbsent(operation, k -> new LongAdder()).increment();
        if (registry != null) Counter.builder(UNHONOURED).description("Requests passed through that the session could not make read-your-writes").tag("op", operation).register(registry).increment();
    }

    public void upgrade(String operation) {
        upgrades.increment();
        if (registry != null) Counter.builder(UPGRADES).description("Session reads re-read strongly because the eventual answer was older than the session").tag("op", operation).register(registry).increment();
    }

    public void readBack(String operation) {
        readBacks.increment();
        if (registry != null) Counter.builder(READ_BACKS).description("Strong read-backs of a written version the response did not carry").tag("op", operation).register(registry).increment();
    }

    public Map<String, Long> unhonoured() {
        Map<String, Long> out = new TreeMap<>();
        unhonoured.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long upgrades() {
        return upgrades.sum();
    }

    public long readBacks() {
        return readBacks.sum();
    }
}
