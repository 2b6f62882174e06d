package io.ddbc.core.internal;

import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.ConditionalWriteRequest;
import io.ddbc.api.Consistency;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import io.ddbc.api.VersionConflictException;
import io.ddbc.api.WriteResult;
import io.ddbc.core.internal.TableCatalog.TableInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * Put, update and delete with managed versions, the cache and the session.
 *
 * <p>A put without {@code expectVersion} on a versioned table is a compare-and-set loop: a strong read
 * of the current version (of the version attribute alone: 1 RCU), then a put
 * conditional on it; on a conflict it starts again, at most {@value #CAS_ATTEMPTS} times. So such a
 * put costs one strong read more than a plain put; pass {@code expectVersion} to avoid it.
 */
final class WritePath {
    static final int CAS_ATTEMPTS = 10;
    /** mutate gives up after this many conflicts or {@link #CONFLICT_BUDGET}, whichever comes first. */
    static final int MUTATE_ATTEMPTS = 1000;
    static final Duration CONFLICT_BUDGET = Duration.ofSeconds(10);

    /** What a write did, before the user's view of it is cut out. */
    private record Outcome(WriteResult backend, long version, Optional<Item> newImage, boolean deleted) {
    }

    private final Engine engine;

    WritePath(Engine engine) {
        this.engine = engine;
    }

    WriteResult write(ConditionalWriteRequest w, Ctx ctx) {
        TableInfo t = engine.catalog.info(w.tableName());
        Versioning.requireVersioned(t, w);
        Key key = w instanceof PutRequest p && p.key() == null ? t.keyOf(p.item()) : w.key();
        Outcome o;
        try {
            if (w instanceof PutRequest p) o = put(p, t, key);
            else if (w instanceof UpdateRequest u) o = update(u, t, key);
            else o = delete((DeleteRequest) w, t, key);
        } catch (ConditionFailedException e) {
            if (engine.itemCache != null) engine.itemCache.invalidate(w.tableName(), key);
            throw e;
        }
        after(ctx.session(), t, key, o);
        WriteResult res = o.backend();
        Optional<Item> attributes = userAttributes(w, o);
        WriteResult user = new WriteResult(attributes, OptionalLong.empty(), res.consumedCapacity(), res.positions());
        return o.deleted() || o.version() <= 0 ? user : user.withVersion(o.version());
    }

    private Optional<Item> userAttributes(ConditionalWriteRequest w, Outcome o) {
        if (w.returnValues() == ReturnValues.NONE) return Optional.empty();
        if (w instanceof PutRequest && w.returnValues() == ReturnValues.ALL_NEW) return o.newImage();
        return o.backend().attributes();
    }

    // ------------------------------------------------------------------------------------- put

    private Outcome put(PutRequest p, TableInfo t, Key key) {
        // The new image of a put is the item itself: never ask a backend for ALL_NEW on put.
        ReturnValues rv = p.returnValues() == ReturnValues.ALL_NEW ? ReturnValues.NONE : p.returnValues();
        if (!t.versioned()) {
            PutRequest sent = rv == p.returnValues() ? p : p.toBuilder().returnValues(rv).build();
            return new Outcome(engine.send(sent, true), -1, Optional.of(p.item()), false);
        }
        if (p.expectVersion().isPresent()) return versionedPut(p, t, key, p.expectVersion().getAsLong(), rv);
        return retryOnConflict(CAS_ATTEMPTS, attempt -> versionedPut(p, t, key, currentVersion(t, key), rv));
    }

    private Outcome versionedPut(PutRequest p, TableInfo t, Key key, long expected, ReturnValues rv) {
        PutRequest sent = Versioning.put(p, t, p.item(), expected + 1, expected, rv);
        WriteResult res = sendChecked(sent, t, key, OptionalLong.of(expected), true);
        return new Outcome(res, expected + 1, Optional.of(sent.item()), false);
    }

    /** Sends a write; a failed condition of a write that expected a version may be a version conflict. */
    private WriteResult sendChecked(ConditionalWriteRequest sent, TableInfo t, Key key, OptionalLong expected, boolean idempotent) {
        try {
            return engine.send(sent, idempotent);
        } catch (ConditionFailedException e) {
            if (expected.isEmpty()) throw e;
            throw Versioning.conflictOrOriginal(e, t, key, expected.getAsLong(), null);
        }
    }

    /** The item's current version by a strong read of the version attribute alone (0 if absent). */
    long currentVersion(TableInfo t, Key key) {
        GetRequest g = GetRequest.builder(t.spec().name(), key).consistency(Consistency.STRONG)
                .projection(Versioning.NAME).name(Versioning.NAME, t.versionAttribute()).build();
        GetResult r = engine.send(g, true);
        return r.item().map(i -> t.versionOf(i).orElse(0)).orElse(0L);
    }

    // ---------------------------------------------------------------------------------- update

    private Outcome update(UpdateRequest u, TableInfo t, Key key) {
        // ALL_NEW gives the new version and the image for the cache; asked for internally when the user
        // wants nothing, and cut out again before the result is returned.
        boolean wantImage = t.versioned() || engine.itemCache != null;
        ReturnValues rv = wantImage && u.returnValues() == ReturnValues.NONE ? ReturnValues.ALL_NEW : u.returnValues();
        boolean idempotent = u.condition() != null || u.expectVersion().isPresent();
        if (!t.versioned()) {
            UpdateRequest sent = rv == u.returnValues() ? u : u.toBuilder().returnValues(rv).build();
            WriteResult res = engine.send(sent, idempotent);
            return new Outcome(res, -1, rv == ReturnValues.ALL_NEW ? res.attributes() : Optional.empty(), false);
        }
        WriteResult res = sendChecked(Versioning.update(u, t, rv), t, key, u.expectVersion(), idempotent);
        long version = switch (rv) {
            case ALL_NEW, UPDATED_NEW -> res.attributes().flatMap(i -> box(t.versionOf(i))).orElse(-1L);
            default -> res.attributes().flatMap(i -> box(t.versionOf(i))).orElse(0L) + 1;
        };
        return new Outcome(res, version, rv == ReturnValues.ALL_NEW ? res.attributes() : Optional.empty(), false);
    }

    // ---------------------------------------------------------------------------------- delete

    private Outcome delete(DeleteRequest d, TableInfo t, Key key) {
        if (!t.versioned()) return new Outcome(engine.send(d, true), -1, Optional.empty(), true);
        // ALL_OLD tells which version was deleted, so the session can refuse older images afterwards.
        ReturnValues rv = d.returnValues() == ReturnValues.NONE ? ReturnValues.ALL_OLD : d.returnValues();
        WriteResult res = sendChecked(Versioning.delete(d, t, rv), t, key, d.expectVersion(), true);
        long deleted = res.attributes().flatMap(i -> box(t.versionOf(i))).orElse(0L);
        return new Outcome(res, deleted, Optional.empty(), true);
    }

    // ------------------------------------------------------------------------------ afterwards

    /** Updates the cache, the query cache and the session with what a write did. */
    private void after(SessionState s, TableInfo t, Key key, Outcome o) {
        String table = t.spec().name();
        if (engine.itemCache != null) {
            if (o.newImage().isPresent()) {
                engine.itemCache.offer(table, key, new ItemCache.Entry(o.newImage(), o.version(), o.backend().positions()));
            } else {
                engine.itemCache.invalidate(table, key);
            }
        }
        if (engine.queryCache != null) engine.queryCache.invalidate(table, key.partitionValue());
        long remembered = !o.deleted() ? o.version() : o.version() > 0 ? o.version() + 1 : 0;
        recordWrite(s, t, key, remembered, o.backend().positions());
    }

    /**
     * What a session remembers of a write: its positions, and the new version (for a delete, one past the
     * deleted version, so an image from before the delete counts as stale); on an unversioned table of a
     * backend without positions, a marker that makes later session reads of the key strong.
     */
    void recordWrite(SessionState s, TableInfo t, Key key, long version, io.ddbc.api.Positions positions) {
        String table = t.spec().name();
        s.observe(positions);
        s.wrote(table);
        if (t.versioned()) s.observeVersion(table, key, version);
        else if (!engine.positions()) s.observeVersion(table, key, SessionState.WRITTEN_MARKER);
    }

    // ---------------------------------------------------------------------------------- mutate

    /** Read (session), change, write with the version condition; on a conflict start again from the current item. */
    WriteResult mutate(String table, Key key, UnaryOperator<Item> change, io.ddbc.spi.RequestExecutor ops) {
        TableInfo t = engine.catalog.info(table);
        if (!t.versioned()) {
            throw new ValidationException("mutate on table '" + table + "', which has no managed version attribute: declare one with"
                    + " TableSpec.versionAttribute(...) or DdbcClientBuilder.versionAttribute(table, attribute)");
        }
        // Through the client or session, not this engine: on a multi-region client the read and the write
        // go where the session's routing and the write affinity send them.
        GetResult first = ops.execute(new GetRequest.Builder(null, table, key).consistency(Consistency.SESSION).build());
        Item[] current = {first.item().orElse(null)};
        long[] version = {first.version().orElse(0)};
        return retryOnConflict(MUTATE_ATTEMPTS, attempt -> {
            Item base = current[0] == null ? Item.empty() : current[0];
            Item changed = change.apply(base);
            if (changed == null) throw new ValidationException("mutate on table '" + table + "', key " + key + ": the change returned null");
            Item item = changed.toBuilder().putAll(key.asItem()).build();
            try {
                return ops.execute(new PutRequest.Builder(null, table, item).key(key).expectVersion(version[0]).build());
            } catch (VersionConflictException e) {
                current[0] = e.currentItem().orElse(null);
                version[0] = e.actualVersion().orElse(0);
                throw e;
            }
        });
    }

    /**
     * Runs an attempt until it does not meet a version conflict, with full-jitter backoff, at most
     * {@code attempts} times and {@link #CONFLICT_BUDGET} in all (under heavy contention a writer may lose
     * many rounds in a row, so time is the main bound).
     */
    static <R> R retryOnConflict(int attempts, IntFunction<R> attempt) {
        long start = System.nanoTime();
        for (int i = 1; ; i++) {
            try {
                return attempt.apply(i);
            } catch (VersionConflictException e) {
                if (i >= attempts || System.nanoTime() - start > CONFLICT_BUDGET.toNanos()) throw e;
                long boundMicros = Math.min(20_000L, 500L << Math.min(i, 10));
                Retrier.sleep(Duration.ofNanos(1000 * ThreadLocalRandom.current().nextLong(boundMicros)));
            }
        }
    }

    private static Optional<Long> box(OptionalLong v) {
        return v.isPresent() ? Optional.of(v.getAsLong()) : Optional.empty();
    }
}
