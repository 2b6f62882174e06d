package io.ddbc.embedded.internal.global;

import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.KeyAttribute;
import io.ddbc.api.Positions;
import io.ddbc.api.ResourceNotFoundException;
import io.ddbc.api.StaleReadException;
import io.ddbc.embedded.ReplicationConflict;
import io.ddbc.embedded.internal.engine.Engine;
import io.ddbc.embedded.internal.engine.TableState;
import io.ddbc.embedded.internal.replication.LagModel;
import io.ddbc.embedded.internal.replication.RegionLinks;
import io.ddbc.embedded.internal.replication.Scheduler;
import io.ddbc.embedded.internal.storage.ItemKey;
import io.ddbc.embedded.internal.storage.LogRecord;
import io.ddbc.embedded.internal.storage.TableReplica;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Cross-region replication of a multi-region engine, as DynamoDB global tables (2019.11.21) do it: every
 * write committed by a region's own clients is shipped, item by item, to every other region over a FIFO
 * {@link Channel} per (origin, destination, table partition), due after a sampled cross-region lag. At the
 * destination it is applied under the partition's leader lock through the region's own commit path (its
 * followers and indexes get it; it is not shipped again) — unless the destination already holds a write
 * with a later last-writer-wins stamp, in which case it is discarded. Replicated writes consume no
 * provisioned throughput at the destination.
 *
 * <p>Each region keeps an {@link ItemClock} per item (tombstones included), so it can tell a conflict —
 * two writes neither of which had seen the other — from a plain later update; conflicts are reported once
 * per pair. Isolating a region holds its channels both ways (writes stay queued); healing resumes them.
 *
 * <p>Thread-safety: item clocks of a region's partition are guarded by that partition's leader lock;
 * channels synchronize on themselves (innermost lock); deliveries run on the shared scheduler.
 */
public final class Replicator {
    private final Regions regions;
    private final List<Engine> engines;
    private final Scheduler scheduler;
    private final LagModel lag;
    private final long epoch;
    private final long tickNanos;
    private final ConcurrentHashMap<ChannelKey, Channel> channels = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TableState, List<Map<ItemKey, ItemClock>>> clocks = new ConcurrentHashMap<>();
    private final AtomicIntegerArray isolated;
    private final LongAdder[] replicated;
    private final List<ReplicationConflict> conflicts = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private final List<String> history = new ArrayList<>();

    private record ChannelKey(int from, int to, String table, int partition) {
    }

    /**
     * @param engines one engine per region, in region order, all on {@code scheduler}
     * @param lag the cross-region lag model
     * @param epoch the engine clock's origin: stamps are reported as time since it
     */
    Replicator(Regions regions, List<Engine> engines, Scheduler scheduler, LagModel lag, long epoch, long tickNanos) {
        this.regions = regions;
        this.engines = List.copyOf(engines);
        this.scheduler = scheduler;
        this.lag = lag;
        this.epoch = epoch;
        this.tickNanos = tickNanos;
        this.isolated = new AtomicIntegerArray(regions.size());
        this.replicated = new LongAdder[regions.size()];
        for (int i = 0; i < replicated.length; i++) replicated[i] = new LongAdder();
    }

    // ----------------------------------------------------------------------------- shipping

    /** Ships a write committed by region {@code r}'s clients. Called under the partition's leader lock in {@code r}. */
    void committed(int r, TableState table, LogRecord record) {
        ItemClock clock = clock(table, record.partition(), record.key());
        long now = scheduler.nanoTime();
        long[] vector = clock.localWrite(r, now - epoch);
        Shipment s = new Shipment(record, clock.timestamp(), r, vector, 0);
        for (int b = 0; b < regions.size(); b++) {
            if (b == r) continue;
            Channel ch = channels.computeIfAbsent(new ChannelKey(r, b, table.name(), record.partition()),
                    k -> new Channel(k.from(), k.to(), k.table(), k.partition(),
                            regions.name(k.from()) + ":" + TableReplica.partitionId(k.table(), k.partition())));
            schedule(ch, ch.offer(s, now, lag.sampleNanos(now), linked(r, b)));
        }
    }

    private ItemClock clock(TableState table, int partition, ItemKey key) {
        List<Map<ItemKey, ItemClock>> parts = clocks.computeIfAbsent(table, t -> {
            List<Map<ItemKey, ItemClock>> l = new ArrayList<>();
            for (int p = 0; p < t.partitionCount(); p++) l.add(new HashMap<>());
            return l;
        });
        return parts.get(partition).computeIfAbsent(key, k -> new ItemClock(regions));
    }

    private void schedule(Channel ch, Long due) {
        if (due != null) scheduler.schedule(due, () -> deliver(ch));
    }

    private boolean linked(int a, int b) {
        return isolated.get(a) == 0 && isolated.get(b) == 0;
    }

    // ---------------------------------------------------------------------------- delivering

    /**
     * Applies a channel's due writes at the destination, in order. Held (not rescheduled) while the regions
     * are cut off or the destination partition has no quorum; {@link #heal} and recovery resume it.
     */
    private void deliver(Channel ch) {
        ch.delivering();
        if (ch.isClosed() || !linked(ch.from, ch.to)) return;
        TableState t;
        try {
            t = engines.get(ch.to).tables().get(ch.table);
        } catch (ResourceNotFoundException e) {
            return;
        }
        long now;
        ReentrantLock lock = t.lock(ch.partition);
        lock.lock();
        try {
            if (!t.available(ch.partition)) return;
            now = scheduler.nanoTime();
            Shipment s;
            while ((s = ch.dueHead(now)) != null) ch.done(s, apply(ch.to, t, s));
        } catch (BackendUnavailableException e) {
            return;   // a fault took the quorum away meanwhile: nothing was applied; recovery resumes the channel
        } finally {
            lock.unlock();
        }
        schedule(ch, ch.claimNext(now + tickNanos));
    }

    /**
     * Applies or discards one shipped write at region {@code b} by last-writer-wins, reporting a conflict when
     * the write it beats (or that beats it) was concurrent with it. Caller holds the partition lock.
     *
     * @return the local position that reflects the write
     */
    private long apply(int b, TableState t, Shipment s) {
        int p = s.record().partition();
        ItemKey key = s.record().key();
        ItemClock clock = clock(t, p, key);
        if (clock.beatenBy(s.timestamp(), s.origin())) {
            if (clock.incomingMissedCurrent(s.vector())) {
                conflict(t, key, s.origin(), s.timestamp(), clock.region(), clock.timestamp(), t.leaderStore(p).get(key), b);
            }
            LogRecord local = engines.get(b).log().commitReplicated(t, p, key, s.record().newImage());
            clock.applied(s.timestamp(), s.origin(), s.vector());
            replicated[b].increment();
            return local.seq();
        }
        if (clock.currentMissed(s.timestamp(), s.origin())) {
            conflict(t, key, clock.region(), clock.timestamp(), s.origin(), s.timestamp(), s.record().newImage(), b);
        }
        clock.received(s.vector());
        return t.leaderStore(p).appliedSeq();
    }

    private void conflict(TableState t, ItemKey itemKey, int kept, long keptTs, int lost, long lostTs, Item lostImage, int detectedIn) {
        String id = t.name() + "|" + itemKey + "|" + kept + "@" + keptTs + "|" + lost + "@" + lostTs;
        Key key = t.spec().keyOf(itemKey.asItem(t.spec().partitionKey().name(),
                t.spec().sortKey().map(KeyAttribute::name).orElse(null)));
        ReplicationConflict c = new ReplicationConflict(t.name(), key, regions.name(kept), Duration.ofNanos(keptTs), regions.name(lost),
                Duration.ofNanos(lostTs), Optional.ofNullable(lostImage), regions.name(detectedIn));
        synchronized (conflicts) {
            if (reported.add(id)) conflicts.add(c);
        }
    }

    // -------------------------------------------------------------------------------- reading

    /** What a read in region {@code b} must wait for from the other regions (see {@link RegionLinks}). */
    RegionLinks links(int b) {
        return new RegionLinks() {
            @Override
            public long requiredLocal(String table, int partition, Positions min, Key key) {
                long need = 0;
                for (int a = 0; a < regions.size(); a++) {
                    if (a == b) continue;
                    Channel ch = channels.get(new ChannelKey(a, b, table, partition));
                    if (ch == null) continue;
                    long local = ch.localRequirement(min);
                    if (local == Long.MIN_VALUE) throw stale(ch, min, key);
                    need = Math.max(need, local);
                }
                return need;
            }

            @Override
            public String region() {
                return regions.name(b);
            }
        };
    }

    private StaleReadException stale(Channel ch, Positions min, Key key) {
        String from = regions.name(ch.from);
        return new StaleReadException(ch.table, key, "Stale read on table '" + ch.table + "'" + (key == null ? "" : ", key " + key)
                + " in region " + regions.name(ch.to) + ": it has not yet applied the writes of region " + from + " up to position "
                + ch.requiredBy(min) + " (partition " + ch.sourceId + ")" + (linked(ch.from, ch.to) ? "" : ", the regions are cut off")
                + "; retry later or read in " + from);
    }

    // ---------------------------------------------------------------------------------- faults

    /** Cuts a region off from every other region both ways: its channels hold their writes. */
    void isolate(int r) {
        isolated.set(r, 1);
        record("isolateRegion " + regions.name(r));
    }

    /** Reconnects a region: its held channels resume (writes already due are delivered at once). */
    void heal(int r) {
        if (isolated.getAndSet(r, 0) == 0) return;
        record("healRegion " + regions.name(r));
        for (Channel ch : channels.values()) if (ch.from == r || ch.to == r) resume(ch);
    }

    /** Resumes the channels into a region whose partitions may have regained a quorum. */
    void recovered(int b) {
        for (Channel ch : channels.values()) if (ch.to == b) resume(ch);
    }

    private void resume(Channel ch) {
        if (linked(ch.from, ch.to)) schedule(ch, ch.claimNext(scheduler.nanoTime()));
    }

    /** Drops the channels and item clocks of a deleted table (the given states, one per region). */
    void forget(String table, List<TableState> states) {
        channels.entrySet().removeIf(e -> {
            if (!e.getKey().table().equals(table)) return false;
            e.getValue().close();
            return true;
        });
        for (TableState t : states) clocks.remove(t);
    }

    private void record(String fault) {
        synchronized (history) {
            history.add(fault);
        }
    }

    // ---------------------------------------------------------------------------------- stats

    /** Writes from other regions applied in region {@code b} (discarded ones not counted). */
    long replicatedWrites(int b) {
        return replicated[b].sum();
    }

    /** Writes shipped to region {@code b} and not yet applied or discarded there. */
    long pendingInto(int b) {
        long n = 0;
        for (Channel ch : channels.values()) if (ch.to == b) n += ch.pending();
        return n;
    }

    /** Whether a region is cut off. */
    boolean isIsolated(int r) {
        return isolated.get(r) != 0;
    }

    /** The conflicts reported so far, in detection order. */
    List<ReplicationConflict> conflicts() {
        synchronized (conflicts) {
            return List.copyOf(conflicts);
        }
    }

    /** Region faults injected so far, in order. */
    List<String> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }
}
