package io.ddbc.embedded.internal.engine;

import io.ddbc.api.CancellationReason;
import io.ddbc.api.ConsumedCapacity;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Positions;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TransactGetRequest;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.TransactWriteResult;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import io.ddbc.embedded.internal.capacity.CapacityCalculator;
import io.ddbc.embedded.internal.capacity.CapacityCalculator.ReadKind;
import io.ddbc.embedded.internal.expr.CompiledProjection;
import io.ddbc.embedded.internal.storage.ItemKey;
import io.ddbc.embedded.internal.storage.LogRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * TransactWriteItems and TransactGetItems. A transaction locks the leader partitions of all its items
 * in one global order (table name, then partition number) — so transactions never deadlock and are
 * serializable with each other and with single-item writes, which take the same locks — evaluates every
 * action against the current state, and either commits all effects or none.
 */
final class Transactions {
    /** Largest transaction, bytes. */
    static final long MAX_TRANSACTION_BYTES = 4L * 1024 * 1024;
    /** How long a ClientRequestToken makes a transaction idempotent. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private final CommitLog log;
    private final EngineStats stats;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Replay> tokens = new ConcurrentHashMap<>();
    private final Object[] tokenLocks = new Object[64];

    /** A completed transaction kept for its token: what was asked and what was answered. */
    private record Replay(String fingerprint, TransactWriteResult result, List<PreparedWrite> writes, long expiresAtNanos) {
    }

    Transactions(CommitLog log, EngineStats stats, LongSupplier nanoTime) {
        this.log = log;
        this.stats = stats;
        this.nanoTime = nanoTime;
        for (int i = 0; i < tokenLocks.length; i++) tokenLocks[i] = new Object();
    }

    TransactWriteResult write(Tables tables, TransactWriteRequest request, Runnable admission) {
        List<PreparedWrite> writes = prepare(tables, request);
        admission.run();
        if (request.clientToken().isEmpty()) return commit(writes);
        String token = request.clientToken().get();
        String fingerprint = fingerprint(writes);
        synchronized (tokenLocks[Math.floorMod(token.hashCode(), tokenLocks.length)]) {
            long now = nanoTime.getAsLong();
            tokens.values().removeIf(r -> r.expiresAtNanos() - now <= 0);
            Replay previous = tokens.get(token);
            if (previous != null) {
                if (!previous.fingerprint().equals(fingerprint)) {
                    throw new ValidationException("IdempotentParameterMismatch: ClientRequestToken '" + token
                            + "' was used within the last 10 minutes for a different TransactWriteItems request");
                }
                stats.idempotentReplays.increment();
                return replay(previous);
            }
            TransactWriteResult result = commit(writes);
            tokens.put(token, new Replay(fingerprint, result, writes, now + TOKEN_LIFETIME.toNanos()));
            return result;
        }
    }

    private static List<PreparedWrite> prepare(Tables tables, TransactWriteRequest request) {
        checkItemCount("TransactWriteItems", request.actions().size(), TransactWriteRequest.MAX_ACTIONS);
        List<PreparedWrite> writes = new ArrayList<>();
        // Keys are the same item when equal by value ({id: 100} and {id: 1e2}), not by text.
        Set<Map.Entry<String, ItemKey>> seen = new HashSet<>();
        long bytes = 0;
        for (TransactWriteRequest.Action a : request.actions()) {
            TableState t = tables.get(a.tableName());
            PreparedWrite w;
            if (a.check() != null) {
                w = PreparedWrite.check(t, a.check());
            } else if (a.write() instanceof PutRequest) {
                w = PreparedWrite.put(t, (PutRequest) a.write());
                bytes += ((PutRequest) a.write()).item().sizeInBytes();
            } else if (a.write() instanceof UpdateRequest) {
                w = PreparedWrite.update(t, (UpdateRequest) a.write());
            } else {
                w = PreparedWrite.delete(t, (DeleteRequest) a.write());
            }
            bytes += w.key.sizeInBytes();
            if (!seen.add(Map.entry(t.name(), w.itemKey))) {
                throw new ValidationException("Transaction request cannot include multiple operations on one item (table '" + t.name()
                        + "', key " + w.key + ")");
            }
            writes.add(w);
        }
        if (bytes > MAX_TRANSACTION_BYTES) {
            throw new ValidationException("Transaction request size " + bytes + " bytes exceeds the maximum of " + MAX_TRANSACTION_BYTES);
        }
        return writes;
    }

    private TransactWriteResult commit(List<PreparedWrite> writes) {
        List<ReentrantLock> locks = lockAll(writes.stream().map(w -> new Slot(w.table, w.partition)).toList());
        try {
            List<Item> current = new ArrayList<>();
            List<PreparedWrite.Outcome> outcomes = new ArrayList<>();
            List<CancellationReason> reasons = new ArrayList<>();
            boolean failed = false;
            for (PreparedWrite w : writes) w.table.replicas().checkAvailable(w.partition, "TransactWriteItems");
            for (PreparedWrite w : writes) {
                Item cur = w.table.leaderStore(w.partition).get(w.itemKey);
                current.add(cur);
                try {
                    outcomes.add(w.evaluate(cur));
                    reasons.add(new CancellationReason(CancellationReason.NONE, null, null));
                } catch (PreparedWrite.ConditionNotMet e) {
                    failed = true;
                    outcomes.add(null);
                    stats.conditionalCheckFailures.increment();
                    reasons.add(new CancellationReason(CancellationReason.CONDITIONAL_CHECK_FAILED, "The conditional request failed",
                            w.returnItemOnFailure ? cur : null));
                } catch (ValidationException e) {
                    failed = true;
                    outcomes.add(null);
                    reasons.add(new CancellationReason(CancellationReason.VALIDATION_ERROR, e.getMessage(), null));
                }
            }
            if (failed) {
                stats.transactionsCanceled.increment();
                // A cancelled transaction still costs: each action is charged as a failed transactional write of its item.
                ConsumedCapacity charged = ConsumedCapacity.NONE;
                for (int i = 0; i < writes.size(); i++) {
                    charged = charged.plus(CapacityCalculator.failedWrite(writes.get(i).table.name(), current.get(i), null, true));
                }
                stats.charge(charged);
                throw new TransactionCanceledException(reasons, charged);
            }
            ConsumedCapacity capacity = ConsumedCapacity.NONE;
            Positions positions = Positions.NONE;
            List<OptionalLong> versions = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                PreparedWrite w = writes.get(i);
                Item newImage = outcomes.get(i).newImage();
                versions.add(OptionalLong.empty());
                if (w.kind == PreparedWrite.Kind.CHECK) {
                    capacity = capacity.plus(CapacityCalculator.failedWrite(w.table.name(), current.get(i), null, true));
                    continue;
                }
                LogRecord record = log.commit(w.table, w.partition, w.itemKey, newImage);
                positions = positions.merge(w.table.leaderStore(w.partition).positionsAt(record.seq()));
                capacity = capacity.plus(CapacityCalculator.write(w.table.name(), w.table.layouts(), w.itemKey, current.get(i),
                        newImage, true));
            }
            stats.charge(capacity);
            return new TransactWriteResult(versions, capacity, positions);
        } finally {
            unlockAll(locks);
        }
    }

    private TransactWriteResult replay(Replay previous) {
        ConsumedCapacity capacity = ConsumedCapacity.NONE;
        for (PreparedWrite w : previous.writes()) {
            capacity = capacity.plus(CapacityCalculator.replayRead(w.table.name(), w.table.leaderStore(w.partition).get(w.itemKey)));
        }
        stats.charge(capacity);
        TransactWriteResult r = previous.result();
        return new TransactWriteResult(r.versions(), capacity, r.positions());
    }

    private static String fingerprint(List<PreparedWrite> writes) {
        StringBuilder sb = new StringBuilder();
        for (PreparedWrite w : writes) sb.append(w.fingerprint()).append('\n');
        return sb.toString();
    }

    TransactGetResult get(Tables tables, TransactGetRequest request, Runnable admission) {
        int n = request.gets().size();
        checkItemCount("TransactGetItems", n, TransactGetRequest.MAX_ITEMS);
        List<TableState> states = new ArrayList<>();
        List<CompiledProjection> projections = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        Set<Map.Entry<String, ItemKey>> seen = new HashSet<>();
        for (TransactGetRequest.Get g : request.gets()) {
            TableState t = tables.get(g.tableName());
            t.spec().validateKey(g.key());
            if (!seen.add(Map.entry(t.name(), ItemKey.of(g.key())))) {
                throw new ValidationException("Transaction request cannot include multiple operations on one item (table '" + t.name()
                        + "', key " + g.key() + ")");
            }
            states.add(t);
            projections.add(ReadOperations.projection(t, g.projection(), g.expressions()));
            slots.add(new Slot(t, t.partitionOf(g.key())));
        }
        admission.run();
        List<ReentrantLock> locks = lockAll(slots);
        try {
            List<Optional<Item>> items = new ArrayList<>();
            ConsumedCapacity capacity = ConsumedCapacity.NONE;
            for (Slot s : slots) s.table().replicas().checkAvailable(s.partition(), "TransactGetItems");
            for (int i = 0; i < n; i++) {
                TableState t = states.get(i);
                Item item = t.leaderStore(slots.get(i).partition()).get(ItemKey.of(request.gets().get(i).key()));
                capacity = capacity.plus(CapacityCalculator.itemRead(t.name(), item, ReadKind.TRANSACTIONAL));
                items.add(Optional.ofNullable(ReadOperations.project(projections.get(i), item)));
            }
            stats.charge(capacity);
            return new TransactGetResult(items, capacity);
        } finally {
            unlockAll(locks);
        }
    }

    /** 1 to {@code max} items per transaction, worded as DynamoDB's request validation. */
    private static void checkItemCount(String operation, int n, int max) {
        if (n == 0) throw new ValidationException(operation + " needs at least one item");
        if (n > max) {
            throw new ValidationException("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must"
                    + " have length less than or equal to " + max + " (got " + n + ")");
        }
    }

    /** A leader partition to lock. */
    private record Slot(TableState table, int partition) {
    }

    /** Locks the distinct partitions in the global order (table name, partition number). */
    private static List<ReentrantLock> lockAll(List<Slot> slots) {
        TreeMap<String, ReentrantLock> ordered = new TreeMap<>(Comparator.naturalOrder());
        for (Slot s : slots) ordered.put(s.table().name() + "\u0000" + String.format("%08d", s.partition()), s.table().lock(s.partition()));
        List<ReentrantLock> locked = new ArrayList<>();
        try {
            for (ReentrantLock l : ordered.values()) {
                l.lock();
                locked.add(l);
            }
        } catch (RuntimeException | Error e) {
            unlockAll(locked);
            throw e;
        }
        return locked;
    }

    private static void unlockAll(List<ReentrantLock> locks) {
        for (int i = locks.size() - 1; i >= 0; i--) locks.get(i).unlock();
    }
}
