package io.ddbc.embedded.internal.global;

import io.ddbc.api.Key;
import io.ddbc.api.Positions;
import io.ddbc.api.StaleReadException;
import io.ddbc.embedded.internal.replication.RegionLinks;
import io.ddbc.embedded.internal.storage.TableReplica;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a read in region B must wait for when its positions name partitions of other regions. A position
 * {@code A:table#p = n} means "region A's copy of that partition as of A's log position n". A's copy holds
 * A's own writes and the writes A had applied from every other region C by then (replicated writes are not
 * shipped again, so there is no longer path). So B reflects it once B has applied every write shipped from A
 * with origin position ≤ n, and, for each third region C, every write shipped from C up to the highest origin
 * position A had applied from C by its position n. The local position that reflects all of those is what B's
 * replica must have applied; a write not applied yet makes the read a {@link StaleReadException}.
 * Thread-safe.
 */
final class RegionReads implements RegionLinks {
    /** The channel from one region to another for a table partition, or null. */
    interface Channels {
        Channel get(int from, int to, String table, int partition);
    }

    /** Whether two regions are connected (for messages). */
    interface Links {
        boolean linked(int a, int b);
    }

    private record PartitionRef(int region, String table, int partition) {
    }

    private final int b;
    private final Regions regions;
    private final Channels channels;
    private final Links links;
    /** {@link Positions#hash} of region-qualified partition ids, computed once each (a SHA-256). */
    private final Map<PartitionRef, Long> idHashes = new ConcurrentHashMap<>();

    RegionReads(int b, Regions regions, Channels channels, Links links) {
        this.b = b;
        this.regions = regions;
        this.channels = channels;
        this.links = links;
    }

    @Override
    public long requiredLocal(String table, int partition, Positions min, Key key) {
        long need = 0;
        for (int a = 0; a < regions.size(); a++) {
            long required = a == b ? -1 : required(min, a, table, partition);
            if (required <= 0) continue;
            need = Math.max(need, waitFor(a, table, partition, required, a, required, key));
            for (int c = 0; c < regions.size(); c++) {
                Channel intoA = c == a || c == b ? null : channels.get(c, a, table, partition);
                long origin = intoA == null ? 0 : intoA.originBy(required);
                if (origin > 0) need = Math.max(need, waitFor(c, table, partition, origin, a, required, key));
            }
        }
        return need;
    }

    @Override
    public Positions reflected(String table, int partition, Positions min) {
        Map<Long, Long> out = null;
        for (int a = 0; a < regions.size(); a++) {
            long required = a == b ? -1 : required(min, a, table, partition);
            if (required <= 0) continue;
            if (out == null) out = new HashMap<>();
            out.put(idHash(a, table, partition), required);
        }
        return out == null ? Positions.NONE : Positions.ofHashed(out, -1);
    }

    @Override
    public String region() {
        return regions.name(b);
    }

    /** What {@code min} requires of region {@code a}'s copy of the partition: its exact entry, else the floor. */
    private long required(Positions min, int a, String table, int partition) {
        Long exact = min.asHashedMap().get(idHash(a, table, partition));
        return exact == null ? min.floor() : exact;
    }

    private long idHash(int region, String table, int partition) {
        return idHashes.computeIfAbsent(new PartitionRef(region, table, partition),
                r -> Positions.hash(id(r.region(), r.table(), r.partition())));
    }

    private String id(int region, String table, int partition) {
        return regions.name(region) + ":" + TableReplica.partitionId(table, partition);
    }

    /**
     * The local position reflecting the writes shipped from {@code from} up to {@code origin}, required because
     * the reader asked for region {@code via}'s partition at {@code viaPosition}.
     */
    private long waitFor(int from, String table, int partition, long origin, int via, long viaPosition, Key key) {
        Channel ch = channels.get(from, b, table, partition);
        if (ch == null) return 0;
        long local = ch.localFor(origin);
        if (local != Long.MIN_VALUE) return local;
        String source = regions.name(from);
        String why = from == via ? "" : ", which region " + regions.name(via) + " had applied by its position " + viaPosition;
        throw new StaleReadException(table, key, "Stale read on table '" + table + "'" + (key == null ? "" : ", key " + key)
                + " in region " + regions.name(b) + ": it has not yet applied the writes of region " + source + " up to position "
                + origin + why + " (partition " + id(via, table, partition) + ")" + (links.linked(from, b) ? "" : ", the regions are cut off")
                + "; retry later or read in " + source);
    }
}
