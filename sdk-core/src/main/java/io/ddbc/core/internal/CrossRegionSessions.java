package io.ddbc.core.internal;

import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Key;
import io.ddbc.api.PagedRequest;
import io.ddbc.api.StaleReadException;
import io.ddbc.api.TransactGetRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Sessions on a multi-region backend. Session reads — one mechanism for GetItem, Query and Scan pages,
 * BatchGetItem and TransactGetItems — and the writes that build on a region's state ({@link #write}). A
 * session whose token names only its home region (or none) reads exactly as on a single-region backend. Otherwise the read must <em>prove</em> that the region serving it has the session's
 * writes from other regions (the paths' strict checks: the backend's positions where it has them, item
 * versions on versioned tables, and a refusal where nothing can be compared):
 * <ol>
 *   <li>in the home region; if it has not caught up, again with backoff through the backend's clock, for up
 *       to the client's cross-region wait;</li>
 *   <li>then in each other region the token names, in name order (a region the token names alone always
 *       has the session's writes);</li>
 *   <li>else {@link StaleReadException} naming the table, key, home region, token regions and what each
 *       region lacked. Never a silently stale answer.</li>
 * </ol>
 * STRONG and EVENTUAL reads are not routed: STRONG is strong within the home region only (as DynamoDB
 * global tables are), EVENTUAL may be stale anyway. A {@code minVersion} read is routed like a session read.
 * A batch or transactional read is routed as a whole, so its STRONG tables are then strong within the region
 * that served it. Without positions, a token's hashed version buckets (old keys) may ask more than the session
 * wrote: that can route a read needlessly, never answer it stale.
 */
final class CrossRegionSessions {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(10);
    private static final Duration MAX_PAUSE = Duration.ofMillis(200);

    private final Regions regions;
    private final Duration wait;

    CrossRegionSessions(Regions regions, Duration wait) {
        this.regions = regions;
        this.wait = wait;
    }

    <R> R read(DdbcRequest<R> request, Ctx ctx) {
        String home = ctx.home();
        Engine homeEngine = regions.engine(home);
        Set<String> known = ctx.session().token().regions();
        boolean foreign = known.stream().anyMatch(r -> !r.equals(home));
        if (!needsProof(request, ctx, homeEngine, foreign)) {
            R r = homeEngine.execute(request, ctx);
            ctx.session().visited(home);
            return r;
        }
        return first(home, others(known, home), region -> attempt(region, request, ctx, known), "read", tableOf(request), keyOf(request), ctx);
    }

    /**
     * A write whose effect depends on the state of the region that takes it (an update, a conditional write, any
     * write to a versioned table, a transaction doing any of these), by a session that knows writes made in other
     * regions: the region must first prove, by {@code probe} (a session read of the items), that it has them —
     * else the write would build on an older item (a version number going back, an increment lost to last
     * writer wins). The write then goes to {@code region} once it has caught up (waiting as reads do), or to a
     * region the token names that has; else {@link StaleReadException}. Without a probe the write goes
     * straight to {@code region}.
     */
    <R> R write(DdbcRequest<R> write, DdbcRequest<?> probe, String table, Key key, String region, Ctx ctx) {
        Set<String> known = ctx.session().token().regions();
        String target = region;
        if (probe != null && known.stream().anyMatch(r -> !r.equals(region))) {
            target = first(region, others(known, region), r -> {
                attempt(r, probe, ctx, known);
                return r;
            }, "write", table, key, ctx);
        }
        ctx.session().visited(target);
        return regions.engine(target).execute(write, ctx);
    }

    private static List<String> others(Set<String> known, String region) {
        return known.stream().filter(r -> !r.equals(region)).toList();
    }

    /**
     * The attempt in {@code start} (waited for up to the cross-region wait), else in each of {@code others} once;
     * else {@link StaleReadException} saying what each region lacked.
     */
    private <R> R first(String start, List<String> others, Function<String, R> attempt, String what, String table, Key key, Ctx ctx) {
        Engine startEngine = regions.engine(start);
        Lacks lacks = new Lacks();
        R r = waitingIn(start, attempt, startEngine, lacks);
        if (r != null) return r;
        for (String region : others) {
            try {
                R routed = attempt.apply(region);
                startEngine.metrics.crossRegion("routed");
                return routed;
            } catch (StaleReadException | BackendUnavailableException e) {
                lacks.add(region, e);
            }
        }
        startEngine.metrics.crossRegion("refused");
        String why = "Session " + what + " refused: region '" + start + "' (home region '" + ctx.home()
                + "') has not caught up with the session's writes from regions " + ctx.session().token().regions() + " within "
                + wait.toMillis() + " ms, and no region could take it: " + lacks;
        // A version requirement (minVersion, or a version the session knows) stays visible to the caller.
        StaleReadException best = lacks.freshestVersioned();
        if (best != null) throw new StaleReadException(table, key, best.requiredVersion(), best.seenVersion(), "(" + why + ")");
        throw new StaleReadException(table, key, why);
    }

    /** The attempt in one region, waiting for it to catch up; null (with why in {@code lacks}) if it did not. */
    private <R> R waitingIn(String region, Function<String, R> attempt, Engine engine, Lacks lacks) {
        Duration waited = Duration.ZERO;
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                R r = attempt.apply(region);
                engine.metrics.crossRegion(waited.isZero() ? "caught_up" : "waited");
                return r;
            } catch (StaleReadException | BackendUnavailableException e) {
                boolean more = NotCaughtUp.waitable(e) && !(e instanceof BackendUnavailableException) && waited.compareTo(wait) < 0;
                if (!more) {
                    lacks.add(region + (waited.isZero() ? "" : " (after " + waited.toMillis() + " ms)"), e);
                    return null;
                }
                Duration step = pause.compareTo(wait.minus(waited)) < 0 ? pause : wait.minus(waited);
                engine.backend.pause(step);
                waited = waited.plus(step);
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) < 0 ? pause.multipliedBy(2) : MAX_PAUSE;
            }
        }
    }

    /**
     * One read in one region. It proves the region has caught up unless the token names that region alone:
     * a region always has its own writes, so the ordinary session path is enough there.
     */
    private <R> R attempt(String region, DdbcRequest<R> request, Ctx ctx, Set<String> known) {
        boolean alone = known.size() == 1 && known.contains(region);
        R r = regions.engine(region).execute(request, ctx.strict(!alone));
        ctx.session().visited(region);
        return r;
    }

    /**
     * Whether a read must prove its region has caught up: a session read (SESSION consistency; TransactGet
     * when the context reads SESSION) of a session that knows other regions' writes, or a non-STRONG
     * {@code minVersion} read.
     */
    private static boolean needsProof(DdbcRequest<?> request, Ctx ctx, Engine e, boolean foreign) {
        if (request instanceof GetRequest g) {
            Consistency c = e.resolve(g.consistency(), g.tableName(), ctx);
            if (c.level() == Consistency.Level.STRONG) return false;
            return g.minVersion().orElse(0) > 0 || foreign && session(c);
        }
        return foreign && sessionRead(request, ctx, e);
    }

    private static boolean sessionRead(DdbcRequest<?> request, Ctx ctx, Engine e) {
        if (request instanceof PagedRequest<?> p) return session(e.resolve(p.consistency(), p.tableName(), ctx));
        if (request instanceof BatchGetRequest b) {
            return b.tables().entrySet().stream().anyMatch(t -> session(e.resolve(t.getValue().consistency(), t.getKey(), ctx)));
        }
        TransactGetRequest t = (TransactGetRequest) request;
        return !t.gets().isEmpty() && session(e.resolve(null, t.gets().get(0).tableName(), ctx));
    }

    private static boolean session(Consistency c) {
        return c.level() == Consistency.Level.SESSION;
    }

    private static String tableOf(DdbcRequest<?> r) {
        if (r instanceof GetRequest g) return g.tableName();
        if (r instanceof PagedRequest<?> p) return p.tableName();
        if (r instanceof BatchGetRequest b) return String.join(",", b.tables().keySet());
        TransactGetRequest t = (TransactGetRequest) r;
        return t.gets().stream().map(TransactGetRequest.Get::tableName).distinct().reduce((a, b) -> a + "," + b).orElse("-");
    }

    private static Key keyOf(DdbcRequest<?> r) {
        return r instanceof GetRequest g ? g.key() : null;
    }

    /** Why each region could not take a request, and the freshest version any of them had. */
    private static final class Lacks {
        private final List<String> reasons = new ArrayList<>();
        private StaleReadException freshestVersioned;

        void add(String region, RuntimeException e) {
            reasons.add(region + ": " + e.getMessage());
            if (e instanceof StaleReadException s && s.requiredVersion() >= 0
                    && (freshestVersioned == null || s.seenVersion() > freshestVersioned.seenVersion())) {
                freshestVersioned = s;
            }
        }

        StaleReadException freshestVersioned() {
            return freshestVersioned;
        }

        @Override
        public String toString() {
            return String.join("; ", reasons);
        }
    }
}
