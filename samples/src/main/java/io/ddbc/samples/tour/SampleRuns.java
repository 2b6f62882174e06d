package io.ddbc.samples.tour;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.SessionToken;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.samples.bank.BankService;
import io.ddbc.samples.gsi.UserDirectory;
import io.ddbc.samples.inventory.InventoryService;
import io.ddbc.samples.orders.OrderService;
import io.ddbc.samples.profile.ProfileService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs each sample once and checks the promise it makes. */
final class SampleRuns {
    private final DdbcClient client;
    private final long seed;

    SampleRuns(DdbcClient client, long seed) {
        this.client = client;
        this.seed = seed;
    }

    /** The seeds' deposit story: the eventual read may miss the deposit; strong, session and token reads never do. */
    Verdict bankStory() {
        BankService bank = new BankService(client);
        bank.createTable();
        int eventualMisses = 0;
        int guaranteedMisses = 0;
        int rounds = 200;
        for (int i = 0; i < rounds; i++) {
            String id = "story-" + seed + "-" + i;
            bank.open(id);
            DdbcSession session = client.newSession();
            bank.deposit(session, id, 500);
            if (bank.balance(client, id, Consistency.EVENTUAL) != 500) eventualMisses++;
            if (bank.balance(client, id, Consistency.STRONG) != 500) guaranteedMisses++;
            if (bank.balance(session, id, Consistency.SESSION) != 500) guaranteedMisses++;
            DdbcSession resumed = client.resumeSession(SessionToken.parse(session.token().serialize()));
            if (bank.balance(resumed, id, Consistency.SESSION) != 500) guaranteedMisses++;
        }
        return new Verdict("bank (deposit story)", guaranteedMisses == 0,
                eventualMisses + "/" + rounds + " eventual reads missed the deposit; strong, session and resumed-token reads missed "
                        + guaranteedMisses);
    }

    /** Concurrent transfers keep the total; a replayed transfer token applies once. */
    Verdict bankTransfers() throws Exception {
        BankService bank = new BankService(client);
        bank.createTable();
        int accounts = 8;
        String prefix = "xfer-" + seed + "-";
        for (int a = 0; a < accounts; a++) {
            bank.open(prefix + a);
            bank.deposit(client, prefix + a, 1_000);
        }
        BigDecimal before = bank.total();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        concurrently(4, t -> {
            long threadSeed = seed * 31 + t;
            SplittableRandom r = new SplittableRandom(threadSeed);
            for (int i = 0; i < 40; i++) {
                int from = r.nextInt(accounts);
                int to = (from + 1 + r.nextInt(accounts - 1)) % accounts;
                try {
                    bank.transfer(client, "t" + threadSeed + "-" + i, prefix + from, prefix + to, 1 + r.nextInt(300));
                    done.incrementAndGet();
                } catch (TransactionCanceledException e) {
                    refused.incrementAndGet();   // overdraft refused, or a conflict outlasting retries
                }
            }
        });
        // Replay one transfer with the same token: must not move money twice.
        String replayToken = "replay-" + seed;
        bank.transfer(client, replayToken, prefix + 0, prefix + 1, 10);
        long afterFirst = bank.balance(client, prefix + 0, Consistency.STRONG);
        bank.transfer(client, replayToken, prefix + 0, prefix + 1, 10);
        long afterReplay = bank.balance(client, prefix + 0, Consistency.STRONG);
        BigDecimal after = bank.total();
        boolean kept = before.compareTo(after) == 0 && afterFirst == afterReplay;
        return new Verdict("bank (transfers)", kept, done.get() + " transfers, " + refused.get() + " refused; total "
                + before.toPlainString() + " -> " + after.toPlainString() + "; replayed token moved money "
                + (afterFirst == afterReplay ? "once" : "twice"));
    }

    /** The order service: confirmation and the customer's own view always show the order just placed. */
    Verdict orders() {
        OrderService orders = new OrderService(client);
        orders.createTable();
        int rounds = 100;
        int confirmationMisses = 0;
        int sessionMisses = 0;
        int historyMisses = 0;
        String customer = "cust-" + seed;
        DdbcSession session = client.newSession();
        for (int i = 0; i < rounds; i++) {
            String orderId = String.format("o-%05d", i);
            orders.place(session, customer, orderId, 100 + i);
            if (orders.confirmation(customer, orderId).isEmpty()) confirmationMisses++;
            if (orders.myOrders(session, customer).size() != i + 1) sessionMisses++;
            if (orders.history(customer).size() != i + 1) historyMisses++;
        }
        return new Verdict("orders", confirmationMisses == 0 && sessionMisses == 0,
                "confirmation (STRONG) missed " + confirmationMisses + ", my orders (SESSION) missed " + sessionMisses
                        + ", history (EVENTUAL) was behind " + historyMisses + "/" + rounds + " times");
    }

    /** Many buyers, optimistic locking: never oversold. */
    Verdict inventory() throws Exception {
        InventoryService inventory = new InventoryService(client);
        inventory.createTable();
        String sku = "sku-" + seed;
        int stock = 50;
        inventory.restock(sku, stock);
        AtomicInteger bought = new AtomicInteger();
        concurrently(6, t -> {
            for (int i = 0; i < 15; i++) if (inventory.buy(sku, 1)) bought.incrementAndGet();
        });
        long left = inventory.stock(sku);
        long sold = inventory.sold(sku);
        boolean kept = bought.get() == stock && left == 0 && sold == stock;
        return new Verdict("inventory", kept, "90 purchase attempts on " + stock + " units: " + bought.get()
                + " bought, " + sold + " recorded sold, " + left + " left");
    }

    /** Runs {@code task(thread)} on {@code threads} threads at once and waits for all; rethrows the first failure. */
    private static void concurrently(int threads, java.util.function.IntConsumer task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> task.accept(thread)));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdown();
        }
    }

    /** Version tokens across requests: a read with the token never shows an older profile. */
    Verdict profile() {
        ProfileService profiles = new ProfileService(client);
        profiles.createTable();
        String user = "user-" + seed;
        int rounds = 100;
        int older = 0;
        for (int i = 0; i < rounds; i++) {
            long token = profiles.rename(user, "name-" + i);
            var profile = profiles.get(user, token);       // the next request, carrying the token
            if (profile.getLong("version") < token || !profile.getString("name").equals("name-" + i)) older++;
        }
        return new Verdict("profile (version tokens)", older == 0, "reads with minVersion showed an older profile " + older
                + "/" + rounds + " times");
    }

    /** A GSI read right after the write: a session query finds the new user, an eventual one may not. */
    Verdict gsi() {
        UserDirectory users = new UserDirectory(client);
        users.createTable();
        int rounds = 100;
        int sessionMisses = 0;
        int eventualMisses = 0;
        for (int i = 0; i < rounds; i++) {
            DdbcSession session = client.newSession();
            String email = "u" + seed + "-" + i + "@example.com";
            users.register(session, "u" + seed + "-" + i, email);
            if (users.findByEmailEventually(email).isEmpty()) eventualMisses++;
            if (users.findByEmail(session, email).isEmpty()) sessionMisses++;
        }
        return new Verdict("gsi read-after-write", sessionMisses == 0, "session index queries missed " + sessionMisses
                + ", eventual index queries missed " + eventualMisses + "/" + rounds);
    }
}
