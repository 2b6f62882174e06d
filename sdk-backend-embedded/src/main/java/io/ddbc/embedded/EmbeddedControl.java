package io.ddbc.embedded;

/**
 * Control and inspection of the embedded engine, reached with {@code unwrap}. It grows with the engine
 * (replica faults, virtual time and throttling come with the replication layer).
 *
 * <pre>{@code
 * EmbeddedControl control = backend.unwrap(EmbeddedControl.class);
 * System.out.println(control.stats().itemsStored());
 * }</pre>
 */
public interface EmbeddedControl {

    /** A consistent-enough snapshot of the engine's counters (each counter is read atomically). */
    EmbeddedStats stats();
}
