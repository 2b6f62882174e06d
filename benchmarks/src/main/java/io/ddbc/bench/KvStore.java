package io.ddbc.bench;

/** What a workload reads and updates: one record by number. Implementations are thread-safe. */
interface KvStore {
    /** Loads records {@code [0, records)}. */
    void load(int records);

    /** Reads one record (eventually consistent); false if it was not found. */
    boolean read(int record);

    /** Sets one field of one record (YCSB's update). */
    void update(int record, long value);
}
