package io.ddbc.embedded.internal.storage;

import io.ddbc.api.Item;
import io.ddbc.api.Positions;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One replica's copy of one partition (of a table or of an index): entries sorted by key, and the
 * highest log sequence number applied. Reads are lock-free; writes come only through
 * {@link TableReplica#apply}, in log order per table partition.
 *
 * @param <K> {@link ItemKey} for table partitions, {@link IndexKey} for index partitions
 */
public final class SortedStore<K extends Comparable<K>> {
    private final String id;
    /** {@link Positions#hash} of the id, computed once: it is a SHA-256 and results carry it on every request. */
    private final long idHash;
    private final ConcurrentSkipListMap<K, Item> entries = new ConcurrentSkipListMap<>();
    private final AtomicLong appliedSeq = new AtomicLong();

    /** @param id the partition id, e.g. {@code accounts#3} or {@code accounts.by_email#1} */
    public SortedStore(String id) {
        this.id = id;
        this.idHash = Positions.hash(id);
    }

    /** This partition at a position, as results report it. */
    public Positions positionsAt(long seq) {
        return Positions.ofHashed(Map.of(idHash, seq), -1);
    }

    /** What {@code required} demands of this partition ({@link Positions#required}, without re-hashing the id). */
    public long requiredBy(Positions required) {
        Long p = required.asHashedMap().get(idHash);
        return p == null ? required.floor() : Math.max(p, -1);
    }

    /** The partition id used in {@link io.ddbc.api.Positions}. */
    public String id() {
        return id;
    }

    /** The highest sequence number applied here (0 before any write). */
    public long appliedSeq() {
        return appliedSeq.get();
    }

    /** The entries, sorted; a live, thread-safe view. */
    public ConcurrentNavigableMap<K, Item> entries() {
        return entries;
    }

    /** The entry of a key, or null. */
    public Item get(K key) {
        return entries.get(key);
    }

    /** Number of entries. */
    public int size() {
        return entries.size();
    }

    void put(K key, Item value) {
        entries.put(key, value);
    }

    void remove(K key) {
        entries.remove(key);
    }

    /** Raises the applied position (index partitions receive records from several table partitions). */
    void advanceTo(long seq) {
        appliedSeq.accumulateAndGet(seq, Math::max);
    }
}
