package io.ddbc.core.internal;

import io.ddbc.api.Consistency;
import io.ddbc.api.ConsumedCapacity;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Positions;
import io.ddbc.api.ServedBy;
import io.ddbc.api.StaleReadException;
import io.ddbc.api.ValidationException;
import io.ddbc.core.internal.TableCatalog.TableInfo;
import java.util.Map;

/**
 * GetItem with consistency routing, sessions, minimum versions and the cache.
 *
 * <ul>
 *   <li>STRONG: a strong read, which refreshes the cache.</li>
 *   <li>EVENTUAL: the cache within its TTL, else an eventual read.</li>
 *   <li>SESSION on a backend with positions: an eventual read carrying the session's positions (the
 *       backend answers from a replica that has caught up). Without positions: an eventual read, re-read
 *       strongly when the item's version is older than the session knows (or the item is missing while
 *       the session knows a version); on an unversioned table, keys the session wrote are read strongly
 *       at once, other keys eventually. Cache hits only when the entry is at least as new as the session
 *       requires.</li>
 *   <li>{@code minVersion(n)}: eventual (or session), then strong, then {@link StaleReadException}.</li>
 * </ul>
 */
final class ReadPath {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReadPath.class);
    private final Engine engine;

    ReadPath(Engine engine) {
        this.engine = engine;
    }

    GetResult get(GetRequest r, Ctx ctx) {
        TableInfo t = engine.catalog.info(r.tableName());
        long minVersion = r.minVersion().orElse(0);
        if (minVersion > 0 && !t.versioned()) {
            throw new ValidationException("minVersion on table '" + r.tableName() + "', which has no managed version attribute");
        }
        Consistency.Level level = engine.resolve(r.consistency(), r.tableName(), ctx).level();
        GetResult result;
        if (level == Consistency.Level.STRONG) {
            result = strong(r, t, minVersion, false);
            // STRONG always refreshes the cache (not inside strong(): it also runs in the cache's loader).
            if (engine.itemCache != null && r.projection() == null) engine.itemCache.offer(r.tableName(), r.key(), entryOf(result));
        } else {
            result = relaxed(r, t, level == Consistency.Level.SESSION, ctx.session(), minVersion, ctx.strict());
        }
        observe(ctx.session(), t, r, result);
        return unasked(r, t, result);
    }

    /**
     * EVENTUAL or SESSION (BOUNDED was resolved to STRONG). {@code strict}: this region must prove it has the
     * session's writes from other regions — the backend's positions check does, a version the session knows
     * must be met even by the strong read, and an unversioned key the session wrote cannot be proved at all
     * without positions (see {@link CrossRegionSessions}); the cache is not used for session reads.
     */
    private GetResult relaxed(GetRequest r, TableInfo t, boolean session, SessionState s, long minVersion, boolean strict) {
        // With positions the backend itself answers from a caught-up replica; versions are compared only
        // where there are no positions (a token's hashed version buckets would cause needless upgrades).
        long known = session && !engine.positions() ? s.knownVersion(r.tableName(), r.key()) : 0;
        if (session && known > 0 && !t.versioned() && !engine.positions()) {
            // Cross-region (strict) even a folded bucket is refused here: CrossRegionSessions then routes the read to a
            // region the token names, which has the session's writes — a routing cost, as a folded key may be one the
            // session wrote, and only an answer from such a region is not stale.
            if (strict) {
                throw NotCaughtUp.unverifiable(r.tableName(), r.key(), "the session wrote this unversioned item in another region,"
                        + " and without positions or versions this region cannot show it has that write");
            }
            // No version to compare on this backend: a key the session wrote is read strongly.
            engine.metrics.sessionUpgrade("GetItem");
            LOG.debug("session read of table '{}' key {}: the session wrote this unversioned item, reading strongly", r.tableName(), r.key());
            return strong(r, t, 0, false);
        }
        long need = Math.max(minVersion, known);
        Positions min = session && engine.positions() ? s.token().positions() : Positions.NONE;
        long required = strict && session ? need : minVersion;
        // A cached entry's positions are this region's; they cannot show another region's writes arrived.
        if (engine.itemCache == null || r.projection() != null || strict && session) return checked(r, t, need, required, min);
        return cached(r, t, need, minVersion, min, session ? s : null);
    }

    private GetResult cached(GetRequest r, TableInfo t, long need, long minVersion, Positions min, SessionState session) {
        ItemCache cache = engine.itemCache;
        ItemCache.Entry e = cache.get(r.tableName(), r.key());
        if (e != null && acceptable(e, need, session)) return hit(e);
        if (e == null) {
            boolean[] loadedHere = new boolean[1];
            GetResult[] loaded = new GetResult[1];
            e = cache.load(r.tableName(), r.key(), () -> entryOf(loaded[0] = checked(r, t, need, minVersion, min)), loadedHere);
            if (loadedHere[0]) return loaded[0];
            if (acceptable(e, need, session)) return hit(e);
        }
        GetResult fresh = checked(r, t, need, minVersion, min);
        cache.offer(r.tableName(), r.key(), entryOf(fresh));
        return fresh;
    }

    /** Whether a cache entry may answer: new enough for the version needed and the session's positions. */
    private boolean acceptable(ItemCache.Entry e, long need, SessionState session) {
        if (need > 0 && e.version() < need) return false;
        return session == null || !engine.positions() || covers(e.positions(), session.token().positions());
    }

    /** Whether positions reflect everything {@code required} asks of their partitions. */
    static boolean covers(Positions have, Positions required) {
        if (required.isEmpty()) return true;
        if (have.isEmpty()) return false;
        for (Map.Entry<Long, Long> p : have.asHashedMap().entrySet()) {
            Long exact = required.asHashedMap().get(p.getKey());
            if (p.getValue() < (exact != null ? exact : required.floor())) return false;
        }
        return true;
    }

    /** An eventual read (with positions), upgraded to strong if older than {@code need}. */
    private GetResult checked(GetRequest r, TableInfo t, long need, long minVersion, Positions min) {
        GetResult first = withVersion(t, engine.send(backendGet(r, t, Consistency.EVENTUAL, min), true));
        if (need == 0 || !t.versioned() || first.version().orElse(0) >= need) return first;
        LOG.debug("read of table '{}' key {} found version {} but needs {}: reading strongly", r.tableName(), r.key(),
                first.version().orElse(0), need);
        return strong(r, t, minVersion, true);
    }

    private GetResult strong(GetRequest r, TableInfo t, long minVersion, boolean upgrade) {
        if (upgrade) engine.metrics.sessionUpgrade("GetItem");
        GetResult res = withVersion(t, engine.send(backendGet(r, t, Consistency.STRONG, Positions.NONE), true));
        long v = res.version().orElse(0);
        if (minVersion > 0 && v < minVersion) {
            throw new StaleReadException(r.tableName(), r.key(), minVersion, res.exists() ? v : -1, "even from a strongly consistent read");
        }
        return res;
    }

    /**
     * The request as a backend takes it: EVENTUAL or STRONG, positions, no minVersion (the core checks it),
     * and a projection that includes the version attribute, so the result's version is known.
     */
    private static GetRequest backendGet(GetRequest r, TableInfo t, Consistency c, Positions min) {
        GetRequest.Builder b = GetRequest.builder(r.tableName(), r.key()).consistency(c).expressions(r.expressions()).minPositions(min);
        if (r.projection() == null || !t.versioned() || projects(r, t.versionAttribute())) return b.projection(r.projection()).build();
        return b.projection(r.projection() + ", " + Versioning.NAME).name(Versioning.NAME, t.versionAttribute()).build();
    }

    /** The result without the version attribute if only the core asked for it. */
    private static GetResult unasked(GetRequest r, TableInfo t, GetResult res) {
        if (r.projection() == null || !t.versioned() || res.item().isEmpty() || projects(r, t.versionAttribute())) return res;
        Item trimmed = res.item().get().without(t.versionAttribute());
        return new GetResult(java.util.Optional.of(trimmed), res.version(), res.consumedCapacity(), res.servedBy(), res.positions());
    }

    /** Whether the request's projection names the attribute at its top level. */
    private static boolean projects(GetRequest r, String attribute) {
        for (String part : r.projection().split(",")) {
            String top = part.trim().split("[.\\[]", 2)[0].trim();
            if (top.startsWith("#")) top = r.expressions().names().getOrDefault(top, top);
            if (top.equals(attribute)) return true;
        }
        return false;
    }

    private static GetResult withVersion(TableInfo t, GetResult res) {
        return res.item().flatMap(i -> t.versionOf(i).isPresent() ? java.util.Optional.of(t.versionOf(i).getAsLong()) : java.util.Optional.empty())
                .map(res::withVersion).orElse(res);
    }

    private static ItemCache.Entry entryOf(GetResult r) {
        return new ItemCache.Entry(r.item(), r.exists() ? r.version().orElse(-1) : -1, r.positions());
    }

    private static GetResult hit(ItemCache.Entry e) {
        GetResult r = new GetResult(e.item(), java.util.OptionalLong.empty(), ConsumedCapacity.NONE, ServedBy.CACHE, e.positions());
        return e.version() >= 0 ? r.withVersion(e.version()) : r;
    }

    private static void observe(SessionState s, TableInfo t, GetRequest r, GetResult res) {
        s.observe(res.positions());
        res.version().ifPresent(v -> s.observeReadVersion(r.tableName(), r.key(), v));
    }
}
