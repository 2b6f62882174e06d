package io.ddbc.reliability.sim;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.CancellationReason;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcException;
import io.ddbc.api.DdbcOperations;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.SessionToken;
import io.ddbc.api.StaleReadException;
import io.ddbc.api.TableSpec;
import io.ddbc.api.ThrottlingException;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.TransactionConflictException;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.WriteResult;
import io.ddbc.core.CacheSpec;
import io.ddbc.core.Ddbc;
import io.ddbc.core.RetryPolicy;
import io.ddbc.embedded.EmbeddedControl;
import io.ddbc.reliability.sim.History.Outcome;
import io.ddbc.reliability.sim.History.SessionView;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Runs one workload on a fresh embedded engine on virtual time (three replicas, lag, seeded), several
 * clients and sessions over it, single-threaded so the run is a pure function of the seed and the steps;
 * records every outcome in a {@link History} and checks it, including a final check after every fault is
 * healed and replication has settled.
 */
final class Simulation {
    static final String REG = "reg";
    static final String CTR = "ctr";
    static final String BANK = "bank";
    static final long START_BALANCE = 100;

    /** What a run did and found. */
    record Result(long seed, int steps, List<String> violations, Map<String, Integer> counts) {
        boolean failed() {
            return !violations.isEmpty();
        }
    }

    private final long seed;
    private final Backend backend;
    private final EmbeddedControl control;
    private final DdbcClient[] clients = new DdbcClient[Op.CLIENTS];
    private final DdbcOperations[] slots = new DdbcOperations[Op.SLOTS];
    private final SessionView[] views = new SessionView[Op.SLOTS];
    private final Map<Integer, String> lastTagSeen = new HashMap<>();
    private final Map<Integer, long[]> pendingCas = new HashMap<>();
    private final long[] ackedIncrements = new long[Op.COUNTERS];
    private final long[] unknownIncrements = new long[Op.COUNTERS];
    private final History history = new History();
    private final Map<String, Integer> counts = new java.util.TreeMap<>();
    private Op current;

    private Simulation(long seed) {
        this.seed = seed;
        DdbcUrl url = DdbcUrl.parse(url(seed));
        this.backend = BackendProviders.find(url, Simulation.class.getClassLoader()).open(url, new Properties());
        this.control = backend.unwrap(EmbeddedControl.class);
    }

    static String url(long seed) {
        return "ddbc:embedded:mem?time=virtual&partitions=2&seed=" + seed;
    }

    /** Runs the steps and checks the history; never throws for a broken guarantee, reports it. */
    static Result run(long seed, List<Op> ops) {
        Simulation sim = new Simulation(seed);
        try {
            sim.setUp();
            for (Op op : ops) sim.step(op);
            sim.finalCheck();
            var stats = sim.control.stats();
            sim.counts.put("engine: stale reads served", (int) stats.staleReads());
            sim.counts.put("engine: failovers", (int) stats.failovers());
            sim.counts.put("engine: write answers lost", (int) sim.control.lostWriteResponses());
        } finally {
            sim.close();
        }
        return new Result(seed, ops.size(), sim.history.violations(), sim.counts);
    }

    private void setUp() {
        for (int c = 0; c < Op.CLIENTS; c++) {
            var b = Ddbc.builder().backend(backend).retry(RetryPolicy.exponential(3, Duration.ZERO)).versionAttribute(CTR, "ver");
            if (c == Op.CLIENTS - 1) b.cache(CacheSpec.writeThrough());
            clients[c] = b.build();
        }
        DdbcClient admin = clients[0];
        admin.createTable(TableSpec.builder(REG).partitionKey("id", AttributeValue.Type.S).build());
        admin.createTable(TableSpec.builder(CTR).partitionKey("id", AttributeValue.Type.S).versionAttribute("ver").build());
        admin.createTable(TableSpec.builder(BANK).partitionKey("id", AttributeValue.Type.S).build());
        for (int a = 0; a < Op.ACCOUNTS; a++) {
            admin.table(BANK).put(Item.of("id", bank(a), "balance", START_BALANCE, "w", "t-1")).execute();
        }
        control.settle();
        for (int s = 0; s < Op.SLOTS; s++) {
            slots[s] = s < Op.CLIENTS ? clients[s] : clients[s % Op.CLIENTS].newSession();
            views[s] = new SessionView(name(s));
        }
        history.wroteInitial(bankKeys(), "t-1");
    }

    private static String name(int slot) {
        return slot < Op.CLIENTS ? "client " + slot + " (implicit session)" : "session " + slot;
    }

    static String reg(int k) {
        return "r" + k;
    }

    static String ctr(int k) {
        return "c" + (k % Op.COUNTERS);
    }

    static String bank(int k) {
        return "b" + (k % Op.ACCOUNTS);
    }

    private static List<String> bankKeys() {
        List<String> keys = new ArrayList<>();
        for (int a = 0; a < Op.ACCOUNTS; a++) keys.add(BANK + ":" + bank(a));
        return keys;
    }

    private static Consistency consistency(int variant) {
        return switch (variant % 3) {
            case 0 -> Consistency.SESSION;
            case 1 -> Consistency.STRONG;
            default -> Consistency.EVENTUAL;
        };
    }

    // ------------------------------------------------------------------------------------------ steps

    private void step(Op op) {
        current = op;
        counts.merge(op.kind().name(), 1, Integer::sum);
        if (op.kind().isFault()) {
            fault(op);
            return;
        }
        switch (op.kind()) {
            case PUT -> put(op);
            case UPDATE -> update(op);
            case DELETE -> delete(op);
            case GET -> get(op);
            case QUERY -> query(op);
            case SCAN -> scan(op);
            case BATCH_GET -> batchGet(op);
            case BATCH_WRITE -> batchWrite(op);
            case TRANSFER -> transfer(op);
            case AUDIT -> audit(op);
            case MUTATE -> mutate(op);
            case CAS_READ -> casRead(op);
            case CAS_WRITE -> casWrite(op);
            case HANDOFF -> handoff(op, true);
            case NEW_SESSION -> handoff(op, false);
            default -> throw new IllegalStateException(op.toString());
        }
    }

    private void put(Op op) {
        String id = reg(op.key());
        String tag = History.tag(op.index());
        var b = slots[op.slot()].table(REG).put(Item.of("id", id, "w", tag));
        if (op.variant() == 0) b.condition("attribute_not_exists(id)");
        else if (op.variant() == 1) b.condition("attribute_exists(id)");
        write(op, List.of(REG + ":" + id), tag, () -> b.execute());
    }

    private void update(Op op) {
        String id = reg(op.key());
        String tag = History.tag(op.index());
        var b = slots[op.slot()].table(REG).update(Key.of("id", id)).expression("SET w = :t").value(":t", tag);
        if (op.variant() <= 1) {
            String seen = lastTagSeen.get(op.slot() * 1000 + op.key());
            if (seen == null) b.condition("attribute_not_exists(id)");
            else b.condition("w = :seen").value(":seen", seen);
        }
        write(op, List.of(REG + ":" + id), tag, () -> b.execute());
    }

    private void delete(Op op) {
        String id = reg(op.key());
        var b = slots[op.slot()].table(REG).delete(Key.of("id", id));
        if (op.variant() == 0) b.condition("attribute_exists(id)");
        write(op, List.of(REG + ":" + id), null, () -> b.execute());
    }

    private void batchWrite(Op op) {
        String tag = History.tag(op.index());
        var b = slots[op.slot()].batchWrite();
        List<String> puts = List.of(reg(op.key()), reg(op.key() + 1));
        for (String id : puts) b.put(REG, Item.of("id", id, "w", tag));
        Outcome o = attempt(() -> b.execute());
        for (String id : puts) history.wrote(views[op.slot()], REG + ":" + id, op.index(), tag, o);
        if (op.variant() % 2 == 0) {
            // a delete in its own batch after the puts: one batch may not touch an item twice
            String gone = reg(op.key() + 2);
            Outcome d = attempt(() -> slots[op.slot()].batchWrite().delete(REG, Key.of("id", gone)).execute());
            history.wrote(views[op.slot()], REG + ":" + gone, op.index(), null, d);
        }
    }

    private void write(Op op, List<String> items, String tag, Supplier<WriteResult> action) {
        Outcome o = attempt(action::get);
        for (String item : items) history.wrote(views[op.slot()], item, op.index(), tag, o);
    }

    /** Runs a write and classifies its outcome; anything but a typed, expected refusal is a violation. */
    private Outcome attempt(Runnable action) {
        try {
            action.run();
            if (Boolean.getBoolean("ddbc.sim.trace")) System.out.println("TRACE " + current + " acked");
            count("acked");
            return Outcome.ACKED;
        } catch (ConditionFailedException e) {
            count("condition failed");
            return Outcome.FAILED;
        } catch (TransactionCanceledException e) {
            count("transaction canceled");
            return e.reasons().stream().anyMatch(CancellationReason::isConditionFailure) ? Outcome.FAILED : Outcome.UNKNOWN;
        } catch (BackendUnavailableException | ThrottlingException | TransactionConflictException | io.ddbc.api.OutcomeUnknownException e) {
            count("unknown outcome (" + e.getClass().getSimpleName() + ")");
            if (Boolean.getBoolean("ddbc.sim.trace")) System.out.println("TRACE " + current + " " + e);
            return Outcome.UNKNOWN;
        } catch (RuntimeException e) {
            unexpected(e);
            return Outcome.UNKNOWN;
        }
    }

    private void unexpected(RuntimeException e) {
        history.violation("unexpected exception", e.getClass().getName() + ": " + e.getMessage(), current);
    }

    private void count(String what) {
        counts.merge(what, 1, Integer::sum);
    }

    /** Runs a read; null if it was refused in an honest way (unavailable, throttled, stale refused). */
    private <T> T read(Supplier<T> action) {
        try {
            T r = action.get();
            count("reads answered");
            return r;
        } catch (BackendUnavailableException | ThrottlingException | StaleReadException e) {
            count("reads refused (" + e.getClass().getSimpleName() + ")");
            return null;
        } catch (DdbcException e) {
            unexpected(e);
            return null;
        } catch (RuntimeException e) {
            unexpected(e);
            return null;
        }
    }

    private void observe(Op op, String table, String id, Optional<Item> item, Consistency c) {
        String tag = item.map(i -> i.has("w") ? i.getString("w") : "?").orElse(null);
        if (Boolean.getBoolean("ddbc.sim.trace")) System.out.println("TRACE " + op + " " + c + " " + table + ":" + id + " -> " + tag + " zones " + control.stats().zones());
        history.read(views[op.slot()], table + ":" + id, tag, c == Consistency.STRONG, c != Consistency.EVENTUAL, op);
        if (table.equals(REG)) {
            int k = Integer.parseInt(id.substring(1));
            if (tag != null) lastTagSeen.put(op.slot() * 1000 + k, tag);
            else lastTagSeen.remove(op.slot() * 1000 + k);
        }
    }

    private void get(Op op) {
        String id = reg(op.key());
        Consistency c = consistency(op.variant());
        GetResult r = read(() -> slots[op.slot()].table(REG).get(Key.of("id", id)).consistency(c).execute());
        if (r != null) observe(op, REG, id, r.item(), c);
    }

    private void query(Op op) {
        String id = reg(op.key());
        Consistency c = consistency(op.variant());
        var page = read(() -> slots[op.slot()].table(REG).query().keyCondition("id = :k").value(":k", id).consistency(c).execute());
        if (page != null) observe(op, REG, id, page.items().stream().findFirst(), c);
    }

    private void scan(Op op) {
        Consistency c = consistency(op.variant());
        List<Item> all = read(() -> slots[op.slot()].table(REG).scan().consistency(c).limit(4).stream().toList());
        if (all == null) return;
        Map<String, Item> byId = new HashMap<>();
        for (Item i : all) byId.put(i.getString("id"), i);
        for (int k = 0; k < Op.ITEMS; k++) observe(op, REG, reg(k), Optional.ofNullable(byId.get(reg(k))), c);
    }

    private void batchGet(Op op) {
        Consistency c = consistency(op.variant());
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) keys.add(Key.of("id", reg(op.key() + i)));
        BatchGetResult r = read(() -> slots[op.slot()].batchGet().add(REG, keys).consistency(c).execute());
        if (r == null) return;
        if (r.hasUnprocessed()) {
            history.violation("batch get", "the core returned unprocessed keys " + r.unprocessed(), op);
            return;
        }
        Map<String, Item> byId = new HashMap<>();
        for (Item i : r.items(REG)) byId.put(i.getString("id"), i);
        for (Key k : keys) observe(op, REG, k.partitionValue().s(), Optional.ofNullable(byId.get(k.partitionValue().s())), c);
    }

    private void transfer(Op op) {
        String from = bank(op.key());
        String to = bank(op.other() % Op.ACCOUNTS == op.key() % Op.ACCOUNTS ? op.key() + 1 : op.other());
        long amount = 1 + op.variant() * 23L;
        String tag = History.tag(op.index());
        Outcome o = attempt(() -> slots[op.slot()].transactWrite()
                .update(UpdateRequest.builder(BANK, Key.of("id", from)).expression("SET balance = balance - :a, w = :t")
                        .condition("balance >= :a").value(":a", amount).value(":t", tag).build())
                .update(UpdateRequest.builder(BANK, Key.of("id", to)).expression("SET balance = balance + :a, w = :t")
                        .value(":a", amount).value(":t", tag).build())
                .clientToken("sim-" + seed + "-" + op.index())
                .execute());
        history.wrote(views[op.slot()], BANK + ":" + from, op.index(), tag, o);
        history.wrote(views[op.slot()], BANK + ":" + to, op.index(), tag, o);
    }

    private void audit(Op op) {
        var tg = slots[op.slot()].transactGet();
        for (int a = 0; a < Op.ACCOUNTS; a++) tg.get(BANK, Key.of("id", bank(a)));
        TransactGetResult r = read(tg::execute);
        if (r == null) return;
        long total = 0;
        for (int a = 0; a < Op.ACCOUNTS; a++) {
            Optional<Item> item = r.items().get(a);
            total += item.map(i -> i.getLong("balance")).orElse(0L);
            observe(op, BANK, bank(a), item, Consistency.STRONG);
        }
        if (total != START_BALANCE * Op.ACCOUNTS) {
            history.violation("transaction isolation", "transactGet saw a total of " + total + " instead of " + START_BALANCE * Op.ACCOUNTS
                    + ": " + r.items(), op);
        }
    }

    private void mutate(Op op) {
        String id = ctr(op.key());
        String tag = History.tag(op.index());
        WriteResult[] result = new WriteResult[1];
        Outcome o = attempt(() -> result[0] = slots[op.slot()].table(CTR).mutate(Key.of("id", id),
                i -> i.with("n", (i.has("n") ? i.getLong("n") : 0) + 1).with("w", tag)));
        counted(op, id, tag, o, result[0]);
    }

    private void counted(Op op, String id, String tag, Outcome o, WriteResult result) {
        int c = Integer.parseInt(id.substring(1));
        if (o == Outcome.ACKED) ackedIncrements[c]++;
        if (o == Outcome.UNKNOWN) unknownIncrements[c]++;
        history.wrote(views[op.slot()], CTR + ":" + id, op.index(), tag, o);
        if (o == Outcome.ACKED) {
            if (result.version().isEmpty()) history.violation("versioning", "a write to versioned " + id + " returned no version", op);
            else history.wroteVersion(views[op.slot()], CTR + ":" + id, result.version().getAsLong(), op);
        }
    }

    private void casRead(Op op) {
        String id = ctr(op.key());
        GetResult r = read(() -> slots[op.slot()].table(CTR).get(Key.of("id", id)).consistency(Consistency.SESSION).execute());
        if (r == null) return;
        observe(op, CTR, id, r.item(), Consistency.SESSION);
        long version = r.version().orElse(0);
        history.readVersion(views[op.slot()], CTR + ":" + id, version);
        long n = r.item().map(i -> i.has("n") ? i.getLong("n") : 0L).orElse(0L);
        pendingCas.put(op.slot(), new long[] {op.key() % Op.COUNTERS, version, n});
    }

    /** The second half of a read-modify-write: write n+1 only if nobody wrote since the read (expectVersion). */
    private void casWrite(Op op) {
        long[] p = pendingCas.remove(op.slot());
        if (p == null) return;
        String id = ctr((int) p[0]);
        String tag = History.tag(op.index());
        WriteResult[] result = new WriteResult[1];
        Outcome o = attempt(() -> result[0] = slots[op.slot()].table(CTR).put(Item.of("id", id, "n", p[2] + 1, "w", tag))
                .expectVersion(p[1]).execute());
        counted(op, id, tag, o, result[0]);
    }

    /** Moves a session to a client (its token, serialized and parsed, as between processes), or starts afresh. */
    private void handoff(Op op, boolean keep) {
        if (op.slot() < Op.CLIENTS) return;
        DdbcClient to = clients[op.other() % Op.CLIENTS];
        try {
            if (keep) {
                String token = ((DdbcSession) slots[op.slot()]).token().serialize();
                slots[op.slot()] = to.resumeSession(SessionToken.parse(token));
                views[op.slot()] = views[op.slot()].copy(name(op.slot()) + " (resumed at " + op.index() + ")");
            } else {
                slots[op.slot()] = to.newSession();
                views[op.slot()] = new SessionView(name(op.slot()) + " (new at " + op.index() + ")");
                pendingCas.remove(op.slot());
            }
        } catch (RuntimeException e) {
            unexpected(e);
        }
    }

    private void fault(Op op) {
        String az = Op.AZS.get(op.other() % 3);
        try {
            switch (op.kind()) {
                case CRASH -> control.crashReplica(az);
                case RESTART -> control.restartReplica(down("crashed", az, op));
                case ISOLATE -> control.isolateAz(az);
                case HEAL -> control.healAz(down("isolated", az, op));
                case FAILOVER -> control.failoverLeader(op.variant() % 2 == 0 ? REG : BANK, Key.of("id", op.variant() % 2 == 0 ? reg(op.key()) : bank(op.key())));
                case LAG_SPIKE -> control.lagSpike(Duration.ofMillis(op.other()), Duration.ofMillis(op.variant() * 100L));
                case THROTTLE -> control.throttle(List.of(REG, CTR, BANK).get(op.variant() % 3), Duration.ofMillis(op.other() % 40));
                case ADVANCE -> control.advance(Duration.ofMillis(op.other() / 4));
                case LOSE_ANSWERS -> control.loseWriteResponses(1 + op.variant() % 2);
                default -> throw new IllegalStateException(op.toString());
            }
        } catch (DdbcException e) {
            count("fault refused (" + e.getClass().getSimpleName() + ")"); // e.g. restarting an AZ that is up
        }
    }

    /** An AZ in that state, chosen by the step (so a restart or heal usually repairs something); else the step's own AZ. */
    private String down(String state, String fallback, Op op) {
        List<String> matching = new ArrayList<>();
        for (String az : Op.AZS) if (state.equals(control.stats().zones().get(az))) matching.add(az);
        return matching.isEmpty() ? fallback : matching.get(op.other() % matching.size());
    }

    // ------------------------------------------------------------------------------------ final check

    /** Heal everything, let replication settle, then every item must be in a state the history allows. */
    private void finalCheck() {
        current = null;
        for (String az : Op.AZS) {
            try {
                control.restartReplica(az);
            } catch (DdbcException ignored) {
                // it was not crashed
            }
            try {
                control.healAz(az);
            } catch (DdbcException ignored) {
                // it was not isolated
            }
        }
        control.settle();
        control.advance(Duration.ofSeconds(60)); // past every throttle storm
        try (DdbcClient fresh = Ddbc.builder().backend(backend).versionAttribute(CTR, "ver").build()) {
            for (int k = 0; k < Op.ITEMS; k++) finalItem(fresh, REG, reg(k));
            long total = 0;
            for (int a = 0; a < Op.ACCOUNTS; a++) total += finalItem(fresh, BANK, bank(a)).map(i -> i.getLong("balance")).orElse(0L);
            if (total != START_BALANCE * Op.ACCOUNTS) {
                history.violation("transaction atomicity", "the accounts end with a total of " + total, null);
            }
            for (int c = 0; c < Op.COUNTERS; c++) {
                long n = finalItem(fresh, CTR, ctr(c)).map(i -> i.has("n") ? i.getLong("n") : 0L).orElse(0L);
                if (n < ackedIncrements[c] || n > ackedIncrements[c] + unknownIncrements[c]) {
                    history.violation("lost update", "counter " + ctr(c) + " = " + n + " after " + ackedIncrements[c] + " acknowledged and "
                            + unknownIncrements[c] + " unknown increments", null);
                }
            }
        }
    }

    /** The final strong read of an item, checked against the history, and every replica agreeing with it. */
    private Optional<Item> finalItem(DdbcClient fresh, String table, String id) {
        Optional<Item> item = fresh.table(table).get(Key.of("id", id)).consistency(Consistency.STRONG).execute().item();
        String tag = item.map(i -> i.getString("w")).orElse(null);
        history.read(null, table + ":" + id, tag, true, false, null);
        for (int i = 0; i < 6; i++) {
            Optional<Item> replica = fresh.table(table).get(Key.of("id", id)).consistency(Consistency.EVENTUAL).execute().item();
            if (!replica.equals(item)) {
                history.violation("replica divergence", table + ":" + id + " is " + replica + " on one replica and " + item + " on the leader", null);
                break;
            }
        }
        return item;
    }

    private void close() {
        for (DdbcClient c : clients) if (c != null) c.close();
        backend.close();
    }
}
