package io.ddbc.embedded.internal.global;

import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DeleteTableRequest;
import io.ddbc.api.TableDescription;
import io.ddbc.embedded.ReplicationConflict;
import io.ddbc.embedded.internal.engine.CommitLog;
import io.ddbc.embedded.internal.engine.Engine;
import io.ddbc.embedded.internal.engine.TableState;
import io.ddbc.embedded.internal.replication.Cluster;
import io.ddbc.embedded.internal.replication.LagModel;
import io.ddbc.embedded.internal.replication.ReplicationSettings;
import io.ddbc.embedded.internal.replication.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A multi-region engine (global tables): one regional {@link Engine} per region — each its own
 * three-replica engine with its own AZs and faults — all on one {@link Scheduler} (one clock, virtual or
 * real; one thread on real time) and one sequence counter, so positions compare across regions. Tables are
 * global: created and deleted in every region at once. Writes replicate between regions through the
 * {@link Replicator}. Thread-safe.
 */
public final class GlobalEngine implements AutoCloseable {
    /** Spreads the engine's seed over regions; region 0 keeps the seed itself. */
    private static final long SEED_STRIDE = 0x9E3779B97F4A7C15L;

    private final Regions regions;
    private final List<Engine> engines = new ArrayList<>();
    private final Scheduler scheduler;
    private final Replicator replicator;
    private final long epoch;

    /**
     * @param partitions hash partitions per table
     * @param settings replication within each region (replicas, seed, time, lags)
     * @param regionSettings the regions and the cross-region lag model
     */
    public GlobalEngine(int partitions, ReplicationSettings settings, RegionSettings regionSettings) {
        this.regions = new Regions(regionSettings.regions());
        this.scheduler = settings.virtualTime() ? Scheduler.virtualTime() : Scheduler.realTime("ddbc-embedded-replication");
        AtomicLong sequence = new AtomicLong();
        for (int i = 0; i < regions.size(); i++) {
            Cluster cluster = new Cluster(settings, scheduler, regions.name(i), settings.seed() + i * SEED_STRIDE);
            engines.add(new Engine(partitions, cluster, new CommitLog(sequence)));
        }
        this.epoch = scheduler.nanoTime();
        LagModel lag = new LagModel(new Random(settings.seed() ^ 0x5DEECE66DL), regionSettings.lagMedianMs(),
                regionSettings.spikeProbability(), regionSettings.spikeMs());
        this.replicator = new Replicator(regions, engines, scheduler, lag, epoch, engines.get(0).cluster().deliveryTickNanos());
        for (int i = 0; i < engines.size(); i++) {
            int region = i;
            Engine e = engines.get(i);
            e.log().listen((table, record) -> replicator.committed(region, table, record));
            e.cluster().link(replicator.links(region));
            e.faults().onRecovery(() -> replicator.recovered(region));
        }
    }

    /** The region names, home first. */
    public List<String> regions() {
        return regions.names();
    }

    /**
     * The number of a region.
     *
     * @throws io.ddbc.api.DdbcConfigException naming the region and the regions there are
     */
    public int indexOf(String region) {
        return regions.indexOf(region);
    }

    /** The engine of region {@code i}. */
    public Engine engine(int i) {
        return engines.get(i);
    }

    /** The clock origin shared by every region (stamps and {@code now()} count from it). */
    public long epoch() {
        return epoch;
    }

    /** Creates a global table: in every region; answers as region {@code via} sees it. */
    public synchronized TableDescription createTable(CreateTableRequest request, int via) {
        TableDescription answer = null;
        for (int i = 0; i < engines.size(); i++) {
            TableDescription d = engines.get(i).createTable(request);
            if (i == via) answer = d;
        }
        return answer;
    }

    /** Deletes a global table in every region, with the writes still on their way between regions. */
    public synchronized TableDescription deleteTable(DeleteTableRequest request, int via) {
        List<TableState> states = new ArrayList<>();
        for (Engine e : engines) states.add(e.tables().get(request.tableName()));
        TableDescription answer = null;
        for (int i = 0; i < engines.size(); i++) {
            TableDescription d = engines.get(i).deleteTable(request);
            if (i == via) answer = d;
        }
        replicator.forget(request.tableName(), states);
        return answer;
    }

    /** Cuts a region off from every other region, both ways (it still serves its own clients). */
    public void isolateRegion(String region) {
        replicator.isolate(regions.indexOf(region));
    }

    /** Reconnects an isolated region; held writes are delivered. */
    public void healRegion(String region) {
        replicator.heal(regions.indexOf(region));
    }

    /** Conflicting concurrent writes resolved by last-writer-wins so far. */
    public List<ReplicationConflict> conflicts() {
        return replicator.conflicts();
    }

    /** Writes from other regions applied in region {@code i}. */
    public long replicatedWrites(int i) {
        return replicator.replicatedWrites(i);
    }

    /** Writes on their way to region {@code i}. */
    public long pendingInto(int i) {
        return replicator.pendingInto(i);
    }

    /** Whether region {@code i} is cut off. */
    public boolean isIsolated(int i) {
        return replicator.isIsolated(i);
    }

    /** Region faults injected so far (isolate and heal), in order. */
    public List<String> regionFaults() {
        return replicator.history();
    }

    /** Stops every region and the shared scheduler (pending deliveries are dropped). Idempotent. */
    @Override
    public void close() {
        for (Engine e : engines) e.close();
        scheduler.close();
    }
}
