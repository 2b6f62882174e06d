package io.ddbc.core.internal;

import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.DdbcException;
import io.ddbc.api.OutcomeUnknownException;
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
        } catch (ConditionFailedException | OutcomeUnknownException e) {
            // The cached image may be stale now (or, for an unknown outcome, may not be).
            if (engine.itemCache != null) engine.itemCache.invalidate(w.tableName(), key);
            if (engine.queryCache != null && e instanceof OutcomeUnknownException) engine.queryCache.invalidate(w.tableName(), key.partitionValue());
            throw UserMessages.asWritten(w, t, e);
        } catch (ValidationException e) {
            throw UserMessages.asWritten(w, t, e);
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

    // ------------------------------------------------------------------ idempotence and unknown outcomes

    /**
     * Whether sending this unversioned write twice leaves the item as sending it once: an unconditional put or
     * delete, or an unconditional update without arithmetic ({@code +}, {@code -}, {@code ADD},
     * {@code list_append}). A conditional write is not: applied once, its second attempt fails its own condition.
     */
    static boolean idempotent(ConditionalWriteRequest w) {
        if (w.condition() != null || w.expectVersion().isPresent()) return false;
        if (!(w instanceof UpdateRequest u) || u.updateExpression() == null) return true;
        String e = u.updateExpression();
        return e.indexOf('+') < 0 && e.indexOf('-') < 0 && !ARITHMETIC.matcher(e).find();
    }

    private static final java.util.regex.Pattern ARITHMETIC = java.util.regex.Pattern.compile("(?i)(^|[^\\w#:])(ADD|list_append)\\b");

    /**
     * Sends an unversioned write: retried after an unknown outcome only if it is idempotent; otherwise an
     * unknown outcome is an {@link OutcomeUnknownException}, never a second application.
     */
    private <R> R sendUnversioned(io.ddbc.api.DdbcRequest<R> sent, ConditionalWriteRequest w, Key key) {
        boolean idempotent = idempotent(w);
        try {
            return engine.send(sent, idempotent);
        } catch (BackendUnavailableException e) {
            if (idempotent || !e.mayHaveBeenApplied()) throw e;
            throw new OutcomeUnknownException(w.tableName(), key, "a conditional or arithmetic write is not sent twice", null, e);
        }
    }

    /**
     * Sends a versioned write that expects version {@code expected} (-1: none expected) and carries write marker
     * {@code marker}. An unknown outcome is resolved by reading the item back strongly:
     * <ul>
     *   <li>the item carries this write's marker (or, for a delete, is gone): applied — success;</li>
     *   <li>the item still has the expected version: not applied — sent again (the condition pins the state);</li>
     *   <li>the item has the next version under another writer's marker: that writer won — a version conflict;</li>
     *   <li>anything else (moved on further, or nothing expected): {@link OutcomeUnknownException}.</li>
     * </ul>
     * A failed condition is a {@link VersionConflictException} when the version did not match.
     */
    private WriteResult sendVersioned(ConditionalWriteRequest sent, TableInfo t, Key key, long expected, String marker) {
        long start = System.nanoTime();
        BackendUnavailableException lost;
        try {
            return engine.send(sent, false);
        } catch (ConditionFailedException e) {
            if (expected < 0) throw e;
            throw Versioning.conflictOrOriginal(e, t, key, expected, null);
        } catch (BackendUnavailableException e) {
            if (!e.mayHaveBeenApplied()) throw e;
            lost = e;
        }
        for (int attempt = 1; ; attempt++) {
            GetResult back;
            try {
                back = engine.sendRaw(GetRequest.builder(t.spec().name(), key).consistency(Consistency.STRONG).build(), true);
            } catch (DdbcException e) {
                OutcomeUnknownException u = new OutcomeUnknownException(t.spec().name(), key, "reading the item back failed: " + e.getMessage(), null, lost);
                u.addSuppressed(e);
                throw u;
            }
            Item current = back.item().orElse(null);
            boolean delete = sent instanceof DeleteRequest;
            if (delete ? current == null : marker.equals(WriteMarkers.of(current))) {
                engine.metrics.outcomeResolved(sent.operation(), "applied");
                return resolvedResult(sent, WriteMarkers.strip(current), back);
            }
            long found = t.versionOf(current).orElse(0);
            boolean untouched = expected == 0 ? current == null || t.versionOf(current).isEmpty() : current != null && found == expected;
            if (expected >= 0 && untouched) {
                engine.metrics.outcomeResolved(sent.operation(), "not_applied");
                if (!engine.retrier.backOff(attempt, start)) {
                    throw new BackendUnavailableException("The write on table '" + t.spec().name() + "', key " + key
                            + " was not applied (read back at version " + found + ") and the retry policy is used up", lost, false);
                }
                try {
                    return engine.send(sent, false);
                } catch (ConditionFailedException e) {
                    throw Versioning.conflictOrOriginal(e, t, key, expected, null);
                } catch (BackendUnavailableException e) {
                    if (!e.mayHaveBeenApplied()) throw e;
                    lost = e;
                    continue;
                }
            }
            if (expected >= 0 && !delete && current != null && found == expected + 1) {
                // Another writer's marker at the version this write would have made: that write took the version,
                // so this one, conditional on the same version, cannot have been applied.
                engine.metrics.outcomeResolved(sent.operation(), "conflict");
                VersionConflictException c = new VersionConflictException(t.spec().name(), key, expected, WriteMarkers.strip(current), found,
                        "(resolved after a lost response)");
                c.initCause(lost);
                throw c;
            }
            engine.metrics.outcomeResolved(sent.operation(), "unknown");
            throw new OutcomeUnknownException(t.spec().name(), key, expected < 0
                    ? "no version was expected, and the item read back does not carry this write's marker"
                    : "expected version " + expected + ", read back " + (current == null ? "no item" : "version " + found + " written by another writer"),
                    WriteMarkers.strip(current), lost);
        }
    }

    /** The answer of a write found applied on reading back: the new image for ALL_NEW, the read's positions. */
    private static WriteResult resolvedResult(ConditionalWriteRequest sent, Item current, GetResult back) {
        Optional<Item> attributes = sent.returnValues() == ReturnValues.ALL_NEW && current != null ? Optional.of(current) : Optional.empty();
        // The strong read reflects this write: its positions stand in for the write's, so the session waits for at least as much.
        return new WriteResult(attributes, OptionalLong.empty(), io.ddbc.api.ConsumedCapacity.NONE, back.positions());
    }

    // ------------------------------------------------------------------------------------- put

    private Outcome put(PutRequest p, TableInfo t, Key key) {
        // The new image of a put is the item itself: never ask a backend for ALL_NEW on put.
        ReturnValues rv = p.returnValues() == ReturnValues.ALL_NEW ? ReturnValues.NONE : p.returnValues();
        if (!t.versioned()) {
            PutRequest sent = rv == p.returnValues() ? p : p.toBuilder().returnValues(rv).build();
            return new Outcome(sendUnversioned(sent, p, key), -1, Optional.of(p.item()), false);
        }
        if (p.expectVersion().isPresent()) return versionedPut(p, t, key, p.expectVersion().getAsLong(), rv);
        return retryOnConflict(CAS_ATTEMPTS, attempt -> versionedPut(p, t, key, currentVersion(t, key), rv));
    }

    private Outcome versionedPut(PutRequest p, TableInfo t, Key key, long expected, ReturnValues rv) {
        PutRequest sent = Versioning.put(p, t, p.item(), expected + 1, expected, rv, WriteMarkers.next());
        WriteResult res = sendVersioned(sent, t, key, expected, WriteMarkers.of(sent.item()));
        return new Outcome(res, expected + 1, Optional.of(WriteMarkers.strip(sent.item())), false);
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
        if (!t.versioned()) {
            UpdateRequest sent = rv == u.returnValues() ? u : u.toBuilder().returnValues(rv).build();
            WriteResult res = sendUnversioned(sent, u, key);
            return new Outcome(res, -1, rv == ReturnValues.ALL_NEW ? res.attributes() : Optional.empty(), false);
        }
        String marker = WriteMarkers.next();
        WriteResult res = sendVersioned(Versioning.update(u, t, rv, marker), t, key, u.expectVersion().orElse(-1), marker);
        OptionalLong found = res.attributes().map(t::versionOf).orElse(OptionalLong.empty());
        long version = switch (rv) {
            case ALL_NEW, UPDATED_NEW -> found.isPresent() ? found.getAsLong() : u.expectVersion().isPresent() ? u.expectVersion().getAsLong() + 1 : -1L;
            default -> res.attributes().flatMap(i -> box(t.versionOf(i))).orElse(0L) + 1;
        };
        return new Outcome(res, version, rv == ReturnValues.ALL_NEW ? res.attributes() : Optional.empty(), false);
    }

    // ---------------------------------------------------------------------------------- delete

    private Outcome delete(DeleteRequest d, TableInfo t, Key key) {
        if (!t.versioned()) return new Outcome(sendUnversioned(d, d, key), -1, Optional.empty(), true);
        // ALL_OLD tells which version was deleted, so the session can refuse older images afterwards.
        ReturnValues rv = d.returnValues() == ReturnValues.NONE ? ReturnValues.ALL_OLD : d.returnValues();
        DeleteRequest sent = Versioning.delete(d, t, rv);
        WriteResult res;
        if (d.expectVersion().isPresent()) {
            res = sendVersioned(sent, t, key, d.expectVersion().getAsLong(), "");
        } else {
            res = sendUnversioned(sent, d, key);
        }
        // A delete resolved after a lost answer has no old image: it deleted the version it expected.
        long deleted = res.attributes().flatMap(i -> box(t.versionOf(i))).orElse(d.expectVersion().orElse(0L));
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

    /** Read (session, strong if absent), change, write with the version condition; on a conflict start again from the current item. */
    WriteResult mutate(String table, Key key, UnaryOperator<Item> change, io.ddbc.spi.RequestExecutor ops) {
        TableInfo t = engine.catalog.info(table);
        if (!t.versioned()) {
            throw new ValidationException("mutate on table '" + table + "', which has no managed version attribute: declare one with"
                    + " TableSpec.versionAttribute(...) or DdbcClientBuilder.versionAttribute(table, attribute)");
        }
        // Through the client or session, not this engine: on a multi-region client the read and the write
        // go where the session's routing and the write affinity send them.
        // The first read must not miss an item that exists: the change function is never handed "absent" for it.
        // A SESSION read keeps the session's routing (a moved session reads where its writes are); if it finds
        // nothing — a fresh session on a lagging replica may — a strong read makes sure. Stale but present is
        // fine: the version condition refuses it, and the conflict hands back the current item.
        GetResult first = ops.execute(new GetRequest.Builder(null, table, key).consistency(Consistency.SESSION).build());
        if (first.item().isEmpty()) first = ops.execute(new GetRequest.Builder(null, table, key).consistency(Consistency.STRONG).build());
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
