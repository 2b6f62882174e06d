package io.ddbc.samples.tour;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.SessionToken;
import io.ddbc.api.VersionConflictException;
import io.ddbc.core.Ddbc;
import io.ddbc.core.WriteAffinity;
import io.ddbc.embedded.EmbeddedControl;
import io.ddbc.embedded.EmbeddedBackendProvider;
import io.ddbc.samples.global.GlobalAccounts;
import io.ddbc.spi.Backend;
import io.ddbc.spi.DdbcUrl;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The tour's global tables section, on an embedded engine with two regions (us-east-1, eu-west-1):
 * concurrent writes in both regions and what last writer wins keeps; the lost update of plain
 * read-modify-write; what versioned updates detect, with home and with owner write affinity; and session
 * reads in one region right after writes in the other.
 */
final class GlobalTour {
    static final String US = "us-east-1";
    static final String EU = "eu-west-1";

    /** What the section measured. */
    record Outcome(List<String> names, int renameConflicts, long plainBalance, int plainConflicts, boolean staleVersionRefused,
                   long versionedAfterReplication, long concurrentHomeBalance, int homeRefusals, int concurrentHomeConflicts, long ownerBalance,
                   int ownerRefusals, int rounds, int sessionStale, int eventualStale, long caughtUp, long waited, long routed) {
    }

    private final long seed;
    private final long lagMs;

    GlobalTour(long seed, long lagMs) {
        this.seed = seed;
        this.lagMs = lagMs;
    }

    /** The engine the section runs on: virtual time, the tour's seed and lag, two regions. */
    String url() {
        return "ddbc:embedded:mem?time=virtual&seed=" + seed + "&lagMs=" + lagMs + "&regions=" + US + "," + EU;
    }

    /** Prints what the section measured and says whether its promises held. */
    Verdict report(Outcome o, PrintStream out) {
        out.println("global tables on " + url() + " (cross-region lag: median 250 ms)");
        out.printf("  concurrent renames   %s 'Alice' at T0, %s 'Bob' at T0+50ms -> %s keep %s (last writer wins); %d conflict(s) reported%n",
                US, EU, US + "/" + EU, o.names(), o.renameConflicts());
        out.printf("  plain deposits       +50 in %s and +30 in %s on 100, both acknowledged -> %d everywhere (%s); %d conflict(s) reported%n",
                US, EU, o.plainBalance(), o.plainBalance() == 180 ? "both kept" : "a deposit lost to last writer wins", o.plainConflicts());
        out.printf("  versioned deposits   after replication: stale version %s, retried -> %d%n",
                o.staleVersionRefused() ? "refused (VersionConflictException)" : "NOT refused", o.versionedAfterReplication());
        out.printf("                       concurrent, each checked in its home region: %d refused -> %d (%s); %d conflict(s) reported%n",
                o.homeRefusals(), o.concurrentHomeBalance(), o.concurrentHomeBalance() == 180 ? "both kept" : "one lost", o.concurrentHomeConflicts());
        out.printf("                       concurrent, owner-region affinity: %d refused and retried -> %d%n", o.ownerRefusals(), o.ownerBalance());
        out.printf("  cross-region reads   %d session reads in %s right after a write in %s: %d stale (%d caught up, %d waited, %d routed to %s);"
                + " eventual reads: %d/%d stale%n", o.rounds(), EU, US, o.sessionStale(), o.caughtUp(), o.waited(), o.routed(), US,
                o.eventualStale(), o.rounds());
        out.println();
        boolean kept = o.names().stream().allMatch("Bob"::equals) && o.staleVersionRefused() && o.versionedAfterReplication() == 180
                && o.ownerBalance() == 180 && o.sessionStale() == 0;
        return new Verdict("global tables", kept, "last writer wins kept " + o.names() + "; plain deposits " + o.plainBalance()
                + "/180; owner-affinity versioned deposits " + o.ownerBalance() + "/180; cross-region session reads stale "
                + o.sessionStale() + "/" + o.rounds());
    }

    /** Runs every scenario on a fresh two-region engine. */
    Outcome measure(int rounds) {
        Backend backend = new EmbeddedBackendProvider().open(DdbcUrl.parse(url()), new Properties());
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (DdbcClient client = Ddbc.builder().backend(backend).meterRegistry(registry).build();
             DdbcClient owned = Ddbc.builder().backend(backend).writeAffinity(WriteAffinity.byPartitionKey()).build()) {
            EmbeddedControl control = client.unwrap(EmbeddedControl.class);
            GlobalAccounts accounts = new GlobalAccounts(client);
            accounts.createTables();
            DdbcSession us = client.newSession(US);
            DdbcSession eu = client.newSession(EU);

            // The seeds' story: Alice in us-east-1 at T0, Bob in eu-west-1 at T0 + 50 ms.
            int before = control.replicationConflicts().size();
            accounts.rename(us, "12345", "Alice");
            control.advance(Duration.ofMillis(50));
            accounts.rename(eu, "12345", "Bob");
            control.settle();
            List<String> names = List.of(accounts.name(us, "12345", Consistency.STRONG).orElse("-"),
                    accounts.name(eu, "12345", Consistency.STRONG).orElse("-"));
            int renameConflicts = control.replicationConflicts().size() - before;

            // Plain read-modify-write in both regions before either write replicates.
            accounts.writeBalance(client, "wallet-1", 100);
            control.settle();
            before = control.replicationConflicts().size();
            long readInUs = accounts.plainBalance(us, "wallet-1", Consistency.STRONG);
            long readInEu = accounts.plainBalance(eu, "wallet-1", Consistency.STRONG);
            accounts.writeBalance(us, "wallet-1", readInUs + 50);
            accounts.writeBalance(eu, "wallet-1", readInEu + 30);
            control.settle();
            long plain = accounts.plainBalance(eu, "wallet-1", Consistency.STRONG);
            int plainConflicts = control.replicationConflicts().size() - before;

            // Versioned: a version that has replicated is checked; a concurrent one is not (home affinity).
            boolean refused = versionedAfterReplication(client, accounts, control, "acct-1");
            long afterReplication = accounts.strongBalance(eu, "acct-1");
            before = control.replicationConflicts().size();
            int[] homeRefusals = {0};
            long concurrentHome = concurrentDeposits(client, accounts, control, "acct-2", homeRefusals);
            int concurrentHomeConflicts = control.replicationConflicts().size() - before;
            int[] ownerRefusals = {0};
            long ownerBalance = concurrentDeposits(owned, accounts, control, "acct-3", ownerRefusals);

            // Session reads in eu-west-1 right after writes in us-east-1.
            int sessionStale = 0;
            int eventualStale = 0;
            long[] outcomesBefore = {count(registry, "caught_up"), count(registry, "waited"), count(registry, "routed")};
            for (int i = 0; i < rounds; i++) {
                DdbcSession writer = client.newSession(US);
                accounts.rename(writer, "user-" + i, "name-" + i);
                String token = writer.token().serialize();
                if (!("name-" + i).equals(accounts.name(client.newSession(EU), "user-" + i, Consistency.EVENTUAL).orElse(null))) eventualStale++;
                DdbcSession reader = client.resumeSession(SessionToken.parse(token), EU);
                if (!("name-" + i).equals(accounts.name(reader, "user-" + i, Consistency.SESSION).orElse(null))) sessionStale++;
            }
            return new Outcome(names, renameConflicts, plain, plainConflicts, refused, afterReplication, concurrentHome,
                    homeRefusals[0], concurrentHomeConflicts, ownerBalance, ownerRefusals[0], rounds, sessionStale, eventualStale,
                    count(registry, "caught_up") - outcomesBefore[0], count(registry, "waited") - outcomesBefore[1],
                    count(registry, "routed") - outcomesBefore[2]);
        } finally {
            backend.close();
        }
    }

    /** us-east-1 deposits 50 and it replicates; eu-west-1's write at the old version is refused; it retries and deposits 30. */
    private static boolean versionedAfterReplication(DdbcClient client, GlobalAccounts accounts, EmbeddedControl control, String id) {
        DdbcSession us = client.newSession(US);
        DdbcSession eu = client.newSession(EU);
        accounts.deposit(client, id, 100);
        control.settle();
        GlobalAccounts.Balance seenInEu = accounts.balance(eu, id);
        accounts.deposit(us, id, 50);
        control.settle();
        boolean refused;
        try {
            accounts.writeBalance(eu, id, seenInEu.amount() + 30, seenInEu.version());
            refused = false;
        } catch (VersionConflictException e) {
            refused = true;
            accounts.deposit(eu, id, 30);
        }
        control.settle();
        return refused;
    }

    /**
     * Both regions read version v, then both write at v before either write replicates. Under home affinity
     * each check passes in its own region; under owner affinity the second is checked where the first was,
     * refused (counted in {@code refusals}) and retried.
     */
    private static long concurrentDeposits(DdbcClient client, GlobalAccounts accounts, EmbeddedControl control, String id, int[] refusals) {
        DdbcSession us = client.newSession(US);
        DdbcSession eu = client.newSession(EU);
        accounts.deposit(client, id, 100);
        control.settle();
        GlobalAccounts.Balance a = accounts.balance(us, id);
        GlobalAccounts.Balance b = accounts.balance(eu, id);
        accounts.writeBalance(us, id, a.amount() + 50, a.version());
        try {
            accounts.writeBalance(eu, id, b.amount() + 30, b.version());
        } catch (VersionConflictException e) {
            refusals[0]++;
            accounts.deposit(eu, id, 30);
        }
        control.settle();
        return accounts.strongBalance(eu, id);
    }

    private static long count(SimpleMeterRegistry registry, String outcome) {
        var c = registry.find("ddbc.session.cross_region").tag("outcome", outcome).counters();
        return (long) c.stream().mapToDouble(x -> x.count()).sum();
    }
}
