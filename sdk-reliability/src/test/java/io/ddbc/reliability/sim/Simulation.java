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
import io.ddbc.api.IndexSpec;
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
    /** Token-heavy mode: a versioned register table, written with expectVersion. */
    static final String VREG = "vreg";
    /** Token-heavy mode: the global index of REG, CTR and VREG on attribute {@code g}. */
    static final String BY_G = "by_g";
    /** Token-heavy mode: the signing key of clients 0 and 1 (client 2 signs nothing). */
    private static final byte[] KEY = "sim-token-key".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    static final long START_BALANCE = 100;

    /** What a run did and found. */
    record Result(long seed, int steps, List<String> violations, Map<String, Integer> counts, Map<String, List<Integer>> refusedWithoutFault) {
        boolean failed() {
            return !violations.isEmpty();
        }
    }

    private final long seed;
    private final Op.Mode mode;
    private final int items;
    /** Step indices of SESSION reads refused while every AZ was up, by kind (a refusal needs a fault). */
    private final Map<String, List<Integer>> refusedWithoutFault = new java.util.TreeMap<>();
    private final Map<Integer, Long> versionSeen = new HashMap<>();
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

    private Simulation(long seed, Op.Mode mode) {
        this.seed = seed;
        this.mode = mode;
        this.items = mode == Op.Mode.BASE ? Op.ITEMS : Op.TOKEN_ITEMS;
        DdbcUrl url = DdbcUrl.parse(url(seed, mode));
        this.backend = BackendProviders.find(url, Simulation.class.getClassLoader()).open(url, new Properties());
        this.control = backend.unwrap(EmbeddedControl.class);
    }

    static String url(long seed) {
        return url(seed, Op.Mode.BASE);
    }

    /** Token-heavy runs spread items over 8 partitions, more than a token keeps exactly once merged. */
    static String url(long seed, Op.Mode mode) {
        return "ddbc:embedded:mem?time=virtual&partitions=" + (mode == Op.Mode.BASE ? 2 : 8) + "&seed=" + seed;
    }

    /** Runs the steps and checks the history; never throws for a broken guarantee, reports it. */
    static Result run(long seed, List<Op> ops) {
        return run(seed, ops, Op.Mode.BASE);
    }

    /** Runs the steps of a mode's workload and checks the history. */
    static Result run(long seed, List<Op> ops, Op.Mode mode) {
        Simulation sim = new Simulation(seed, mode);
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
        return new Result(seed, ops.size(), sim.history.violations(), sim.counts, sim.refusedWithoutFault);
    }

    private void setUp() {
        for (int c = 0; c < Op.CLIENTS; c++) {
            var b = Ddbc.builder().backend(backend).retry(RetryPolicy.exponential(3, Duration.ZERO)).versionAttribute(CTR, "ver");
            if (c == Op.CLIENTS - 1) b.cache(CacheSpec.writeThrough());
            if (mode == Op.Mode.TOKENS) {
                b.versionAttribute(VREG, "ver");
                if (signs(c)) b.sessionTokenSecret(KEY);
            }
            clients[c] = b.build();
        }
        DdbcClient admin = clients[0];
        if (mode == Op.Mode.TOKENS) {
            IndexSpec byG = IndexSpec.global(BY_G).partitionKey("g", AttributeValue.Type.S).build();
            admin.createTable(TableSpec.builder(REG).partitionKey("id", AttributeValue.Type.S).globalIndex(byG).build());
            admin.createTable(TableSpec.builder(CTR).partitionKey("id", AttributeValue.Type.S).versionAttribute("ver").globalIndex(byG).build());
            admin.createTable(TableSpec.builder(VREG).partitionKey("id", AttributeValue.Type.S).versionAttribute("ver").globalIndex(byG).build());
        } else {
            admin.createTable(TableSpec.builder(REG).partitionKey("id", AttributeValue.Type.S).build());
            admin.createTable(TableSpec.builder(CTR).partitionKey("id", AttributeValue.Type.S).versionAttribute("ver").build());
        }
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

    /** Token-heavy mode: clients 0 and 1 sign tokens with one key; client 2 has none. */
    private boolean signs(int client) {
        return mode == Op.Mode.TOKENS && client < Op.CLIENTS - 1;
    }

    /** Token-heavy mode: the index group an item is written into (items move between groups). */
    private static String group(Op op) {
        return "g" + (op.other() % 3);
    }

    static String vreg(int k) {
        return "v" + k;
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
            case MERGE -> merge(op);
            case GSI_QUERY -> gsiQuery(op);
            case VREAD -> vread(op);
            case VWRITE -> vwrite(op);
            default -> throw new IllegalStateException(op.toString());
        }
    }

    private void put(Op op) {
        String id = reg(op.key());
        String tag = History.tag(op.index());
        Item item = mode == Op.Mode.TOKENS ? Item.of("id", id, "w", tag, "g", group(op)) : Item.of("id", id, "w", tag);
        var b = slots[op.slot()].table(REG).put(item);
        if (op.variant() == 0) b.condition("attribute_not_exists(id)");
        else if (op.variant() == 1) b.condition("attribute_exists(id)");
        write(op, List.of(REG + ":" + id), tag, () -> b.execute());
    }

    private void update(Op op) {
        String id = reg(op.key());
        String tag = History.tag(op.index());
        var b = mode == Op.Mode.TOKENS
                ? slots[op.slot()].table(REG).update(Key.of("id", id)).expression("SET w = :t, g = :g").value(":t", tag).value(":g", group(op))
                : slots[op.slot()].table(REG).update(Key.of("id", id)).expression("SET w = :t").value(":t", tag);
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
        } catch (StaleReadException e) {
            count("reads refused (" + e.getClass().getSimpleName() + ")");
            // Only an AZ that is down (crashed or isolated) can keep a session read from the data it needs:
            // lagging replicas are waited for or skipped, the leader always has it.
            if (current != null && control.stats().zones().values().stream().allMatch("up"::equals)) {
                refusedWithoutFault.computeIfAbsent(current.kind().name(), k -> new ArrayList<>()).add(current.index());
            }
            return null;
        } catch (BackendUnavailableException | ThrottlingException e) {
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
        for (int k = 0; k < items; k++) observe(op, REG, reg(k), Optional.ofNullable(byId.get(reg(k))), c);
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
                i -> withGroup(i.with("n", (i.has("n") ? i.getLong("n") : 0) + 1).with("w", tag), op)));
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
        Outcome o = attempt(() -> result[0] = slots[op.slot()].table(CTR).put(withGroup(Item.of("id", id, "n", p[2] + 1, "w", tag), op))
                .expectVersion(p[1]).execute());
        counted(op, id, tag, o, result[0]);
    }

    /** Moves a session to a client (its token, serialized and parsed, as between processes), or starts afresh. */
    private void handoff(Op op, boolean keep) {
        if (op.slot() < Op.CLIENTS) return;
        DdbcClient to = clients[op.other() % Op.CLIENTS];
        try {
            if (keep) {
                SessionToken mine = ((DdbcSession) slots[op.slot()]).token();
                String token = mine.serialize();
                int target = op.other() % Op.CLIENTS;
                // Only a signing client refuses, and only a token without a signature: a token a signing client
                // signed stays valid while it is unchanged, even after a stay on the unsigned client.
                boolean mustRefuse = signs(target) && !mine.isSigned();
                try {
                    slots[op.slot()] = to.resumeSession(SessionToken.parse(token));
                } catch (io.ddbc.api.SessionTokenException e) {
                    if (!mustRefuse) throw e;
                    count("handoff refused (unsigned token to a signing client)");
                    return;
                }
                if (mustRefuse) {
                    history.violation("token signature", "a client with a signing key resumed an unsigned token", op);
                    return;
                }
                sessionClient.put(op.slot(), target);
                views[op.slot()] = views[op.slot()].copy(name(op.slot()) + " (resumed at " + op.index() + ")");
            } else {
                slots[op.slot()] = to.newSession();
                sessionClient.put(op.slot(), op.other() % Op.CLIENTS);
                views[op.slot()] = new SessionView(name(op.slot()) + " (new at " + op.index() + ")");
                pendingCas.remove(op.slot());
            }
        } catch (RuntimeException e) {
            unexpected(e);
        }
    }

    /** Which client each explicit session now belongs to (it starts on slot % CLIENTS). */
    private final Map<Integer, Integer> sessionClient = new HashMap<>();

    private int clientOf(int slot) {
        return sessionClient.getOrDefault(slot, slot % Op.CLIENTS);
    }

    private Item withGroup(Item item, Op op) {
        return mode == Op.Mode.TOKENS ? item.with("g", group(op)) : item;
    }

    /**
     * A session takes in another session's token (two tabs of one user): afterwards it must see what either
     * saw or wrote. A signing client must refuse a token it cannot verify (from the unsigned client).
     */
    private void merge(Op op) {
        int other = Op.CLIENTS + op.other() % (Op.SLOTS - Op.CLIENTS);
        if (op.slot() < Op.CLIENTS || other == op.slot()) return;
        SessionToken token = ((DdbcSession) slots[other]).token();
        boolean mustRefuse = signs(clientOf(op.slot())) && !token.isSigned();
        try {
            ((DdbcSession) slots[op.slot()]).merge(SessionToken.parse(token.serialize()));
        } catch (io.ddbc.api.SessionTokenException e) {
            if (!mustRefuse) unexpected(e);
            else count("merge refused (unsigned token to a signing client)");
            return;
        } catch (RuntimeException e) {
            unexpected(e);
            return;
        }
        if (mustRefuse) {
            history.violation("token signature", "a client with a signing key merged an unsigned token", op);
            return;
        }
        count("merges");
        views[op.slot()].mergeFrom(views[other]);
    }

    /** A session query on the global index: every item it returns must meet the session's guarantees. */
    private void gsiQuery(Op op) {
        String table = List.of(REG, CTR, VREG).get(op.variant() % 3);
        String g = "g" + (op.key() % 3);
        Consistency c = op.variant() < 4 ? Consistency.SESSION : Consistency.EVENTUAL;
        List<Item> found = read(() -> slots[op.slot()].table(table).query().index(BY_G).keyCondition("g = :g").value(":g", g)
                .consistency(c).stream().toList());
        if (found == null) return;
        count("index queries answered");
        for (Item i : found) {
            if (!g.equals(i.getString("g"))) {
                history.violation("index query", table + " index " + BY_G + " returned " + i + " for g = " + g, op);
            }
            String id = i.getString("id");
            String tag = i.has("w") ? i.getString("w") : "?";
            // What the index returns is the item as of some write: the session checks apply as to a get.
            history.read(views[op.slot()], table + ":" + id, tag, false, c == Consistency.SESSION, op);
        }
    }

    /** A session read of a versioned register item; its version is what the next VWRITE of the session expects. */
    private void vread(Op op) {
        String id = vreg(op.key());
        GetResult r = read(() -> slots[op.slot()].table(VREG).get(Key.of("id", id)).consistency(Consistency.SESSION).execute());
        if (r == null) return;
        observe(op, VREG, id, r.item(), Consistency.SESSION);
        versionSeen.put(op.slot() * 1000 + op.key(), r.item().isPresent() ? r.version().orElse(-1) : 0);
    }

    /** An update (even variants) or a delete (odd) with expectVersion of what the session read; a create if it read nothing. */
    private void vwrite(Op op) {
        Long v = versionSeen.remove(op.slot() * 1000 + op.key());
        if (v == null || v < 0) return;
        String id = vreg(op.key());
        String tag = History.tag(op.index());
        var table = slots[op.slot()].table(VREG);
        if (v == 0) {
            write(op, List.of(VREG + ":" + id), tag, () -> table.put(Item.of("id", id, "w", tag, "g", group(op))).expectVersion(0).execute());
        } else if (op.variant() % 2 == 0) {
            write(op, List.of(VREG + ":" + id), tag, () -> table.update(Key.of("id", id)).expression("SET w = :t, g = :g")
                    .value(":t", tag).value(":g", group(op)).expectVersion(v).execute());
        } else {
            write(op, List.of(VREG + ":" + id), null, () -> table.delete(Key.of("id", id)).expectVersion(v).execute());
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
        replicasIdentical(mode == Op.Mode.BASE ? List.of(REG, CTR, BANK) : List.of(REG, CTR, BANK, VREG));
        var freshBuilder = Ddbc.builder().backend(backend).versionAttribute(CTR, "ver");
        if (mode == Op.Mode.TOKENS) freshBuilder.versionAttribute(VREG, "ver");
        try (DdbcClient fresh = freshBuilder.build()) {
            for (int k = 0; k < items; k++) finalItem(fresh, REG, reg(k));
            if (mode == Op.Mode.TOKENS) for (int k = 0; k < items; k++) finalItem(fresh, VREG, vreg(k));
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
        return item;
    }

    /**
     * After heal and settle every replica of every partition of every table must hold exactly the same items
     * (compared whole, hidden attributes included), not just agree on the items sampled by eventual reads.
     */
    private void replicasIdentical(List<String> tables) {
        for (String table : tables) {
            List<List<Item>> first = control.replicaItems(table, Op.AZS.get(0));
            for (String az : Op.AZS.subList(1, Op.AZS.size())) {
                List<List<Item>> other = control.replicaItems(table, az);
                for (int p = 0; p < first.size(); p++) {
                    if (!first.get(p).equals(other.get(p))) {
                        history.violation("replica divergence", table + " partition " + p + ": " + Op.AZS.get(0) + " holds " + first.get(p)
                                + " but " + az + " holds " + other.get(p), null);
                    }
                }
            }
        }
    }

    private void close() {
        for (DdbcClient c : clients) if (c != null) c.close();
        backend.close();
    }
}
