package io.ddbc.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.OutcomeUnknownException;
import io.ddbc.api.Table;
import io.ddbc.api.TableSpec;
import io.ddbc.api.VersionConflictException;
import io.ddbc.api.WriteResult;
import io.ddbc.core.Ddbc;
import io.ddbc.spi.Backend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Guarantees that must hold across processes (separate clients over one backend, nothing shared but the
 * backend's data) and under unknown outcomes (a write applied whose answer is lost), on every backend.
 */
class AcrossProcessesConformanceTest {
    private static final Set<String> WRITES = Set.of("put", "update", "delete", "transactWrite", "batchWrite");

    // ------------------------------------------------------------ the version attribute belongs to the table

    @ConformanceTest
    void aVersionedTableCreatedByOneProcessIsVersionedForEveryOther(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            DdbcClient a = f.otherProcess();
            String table = Fixture.uniqueName("accounts");
            a.createTable(TableSpec.builder(table).partitionKey("id", AttributeValue.Type.S).versionAttribute("version").build());
            f.track(table);
            DdbcClient b = f.otherProcess();
            Key key = Key.of("id", "alice");
            assertEquals(1, b.table(table).put(Item.of("id", "alice", "balance", 10)).execute().version().getAsLong());
            WriteResult updated = b.table(table).update(key).expression("SET balance = balance + :d").value(":d", 5).execute();
            assertEquals(2, updated.version().getAsLong(), "another process's update increments the version");
            assertEquals(2, a.table(table).get(key).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("version"));
            // A's stale expectation is refused: no lost update.
            assertThrows(VersionConflictException.class,
                    () -> a.table(table).update(key).expression("SET balance = :b").value(":b", 0).expectVersion(1).execute());
            WriteResult mutated = b.table(table).mutate(key, i -> i.with("balance", i.getLong("balance") * 2));
            assertEquals(3, mutated.version().getAsLong());
            assertEquals(30, a.table(table).get(key).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("balance"));
        }
    }

    @ConformanceTest
    void aTableCreatedOutsideDdbcIsVersionedOnceDeclared(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            DdbcClient infra = f.otherProcess();
            String table = Fixture.uniqueName("orders");
            infra.createTable(TableSpec.builder(table).partitionKey("id", AttributeValue.Type.S).build()); // as CloudFormation would
            f.track(table);
            infra.table(table).put(Item.of("id", "o1", "state", "new")).execute();                      // data from before ddbc

            f.otherProcess().declareVersionAttribute(table, "version");
            f.otherProcess().declareVersionAttribute(table, "version");                                   // again: nothing changes

            DdbcClient b = f.otherProcess();
            DdbcClient c = f.otherProcess();
            Key key = Key.of("id", "o1");
            assertEquals(1, b.table(table).update(key).expression("SET #s = :s").name("#s", "state").value(":s", "paid")
                    .expectVersion(0).execute().version().getAsLong(), "an item from before the declaration is at version 0");
            assertThrows(VersionConflictException.class,
                    () -> c.table(table).put(Item.of("id", "o1", "state", "cancelled")).expectVersion(0).execute());
            assertEquals(2, c.table(table).mutate(key, i -> i.with("state", "shipped")).version().getAsLong());
        }
    }

    @ConformanceTest
    void conflictingDeclarationsFailFast(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = Fixture.uniqueName("dual");
            f.otherProcess().createTable(TableSpec.builder(table).partitionKey("id", AttributeValue.Type.S).versionAttribute("version").build());
            f.track(table);
            DdbcConfigException twice = assertThrows(DdbcConfigException.class, () -> f.otherProcess().declareVersionAttribute(table, "rev"));
            assertTrue(twice.getMessage().contains(table) && twice.getMessage().contains("version"), twice.getMessage());
            try (DdbcClient wrongName = Ddbc.builder().backend(f.backend()).versionAttribute(table, "rev").build()) {
                DdbcConfigException e = assertThrows(DdbcConfigException.class,
                        () -> wrongName.table(table).put(Item.of("id", "x")).execute());
                assertTrue(e.getMessage().contains("'rev'") && e.getMessage().contains("'version'"), e.getMessage());
            }
        }
    }

    @ConformanceTest
    void mutateInAFreshSessionOfAnotherProcessNeverSeesAnExistingItemAsAbsent(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            DdbcClient writer = f.client();
            DdbcClient other = f.otherProcess();
            for (int i = 0; i < 30; i++) {
                writer.table(table).put(Item.of("id", "k" + i, "n", 1)).execute();
                // Right after the write a replica may lack it; the change function needs the item and fails on "absent".
                other.newSession().table(table).mutate(Key.of("id", "k" + i), item -> item.with("n", item.getLong("n") + 1));
            }
            for (int i = 0; i < 30; i++) {
                assertEquals(2, writer.table(table).get(Key.of("id", "k" + i)).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("n"));
            }
        }
    }

    // ------------------------------------------------------------------------ unknown outcomes: never twice

    @ConformanceTest
    void mutateWhoseAnswerIsLostIsAppliedOnceAndAcknowledged(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            Key key = Key.of("id", "counter");
            f.client().table(table).put(Item.of("id", "counter", "n", 0)).execute();
            AtomicInteger lose = new AtomicInteger();
            Table t = f.otherProcess(losingAnswers(f.backend(), lose, null)).table(table);
            for (int i = 1; i <= 5; i++) {
                lose.set(1);
                WriteResult r = t.mutate(key, item -> item.with("n", item.getLong("n") + 1));
                assertEquals(i + 1, r.version().getAsLong());
            }
            assertEquals(5, f.client().table(table).get(key).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("n"),
                    "each acknowledged increment applied exactly once");
        }
    }

    @ConformanceTest
    void versionedPutAndUpdateRecogniseTheirOwnAppliedWrite(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            Key key = Key.of("id", "v");
            f.client().table(table).put(Item.of("id", "v", "n", 0)).execute();
            AtomicInteger lose = new AtomicInteger(1);
            Table t = f.otherProcess(losingAnswers(f.backend(), lose, null)).table(table);
            WriteResult put = t.put(Item.of("id", "v", "n", 10)).expectVersion(1).execute();   // applied, answer lost: no conflict with itself
            assertEquals(2, put.version().getAsLong());
            lose.set(1);
            WriteResult upd = t.update(key).expression("SET n = n + :d").value(":d", 5).expectVersion(2).execute();
            assertEquals(3, upd.version().getAsLong());
            Item now = f.client().table(table).get(key).consistency(Consistency.STRONG).execute().item().orElseThrow();
            assertEquals(15, now.getLong("n"));
            assertEquals(3, now.getLong("version"));
            assertFalse(now.has("ddbc_w"), "the write marker never reaches the application: " + now);
            lose.set(1);
            t.delete(key).expectVersion(3).execute();
            assertFalse(f.client().table(table).get(key).consistency(Consistency.STRONG).execute().exists());
        }
    }

    @ConformanceTest
    void aVersionedWriteLostBeforeItWasAppliedIsSentAgainOnce(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            Key key = Key.of("id", "c");
            f.client().table(table).put(Item.of("id", "c", "n", 0)).execute();
            AtomicInteger lose = new AtomicInteger(1);
            // The request times out before it reaches the service: "may have been applied", but was not.
            Table t = f.otherProcess(losingAnswers(f.backend(), lose, ignored -> { })).table(table);
            assertEquals(2, t.update(key).expression("SET n = n + :d").value(":d", 1).expectVersion(1).execute().version().getAsLong());
            assertEquals(1, f.client().table(table).get(key).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("n"));
        }
    }

    @ConformanceTest
    void aLostVersionedWriteThatAnotherWriterBeatIsAConflictNotASuccess(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.versionedTable();
            Key key = Key.of("id", "race");
            DdbcClient rival = f.client();
            rival.table(table).put(Item.of("id", "race", "n", 0)).execute();
            AtomicInteger lose = new AtomicInteger(1);
            // Both read n=0 at version 1 and write n=1: identical images. The rival's lands; ours never arrives.
            Table t = f.otherProcess(losingAnswers(f.backend(), lose,
                    ignored -> rival.table(table).put(Item.of("id", "race", "n", 1)).expectVersion(1).execute())).table(table);
            VersionConflictException c = assertThrows(VersionConflictException.class,
                    () -> t.put(Item.of("id", "race", "n", 1)).expectVersion(1).execute());
            assertEquals(2, c.actualVersion().getAsLong());
            // mutate then starts again from the rival's image: two increments, both applied.
            lose.set(0);
            t.mutate(key, i -> i.with("n", i.getLong("n") + 1));
            assertEquals(2, rival.table(table).get(key).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("n"));
        }
    }

    @ConformanceTest
    void aConditionalArithmeticUpdateWhoseAnswerIsLostIsNeverAppliedTwice(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.plainTable();
            Key key = Key.of("id", "n");
            f.client().table(table).put(Item.of("id", "n", "n", 0)).execute();
            AtomicInteger lose = new AtomicInteger(1);
            Table t = f.otherProcess(losingAnswers(f.backend(), lose, null)).table(table);
            OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                    () -> t.update(key).expression("SET n = n + :one").value(":one", 1).condition("attribute_exists(id)").execute());
            assertTrue(e.getMessage().contains(table) && e.getMessage().contains("unknown"), e.getMessage());
            assertFalse(e.isRetryable());
            assertEquals(1, f.client().table(table).get(key).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("n"));
            // Also unconditional arithmetic.
            lose.set(1);
            assertThrows(OutcomeUnknownException.class, () -> t.update(key).expression("ADD n :one").value(":one", 1).execute());
            assertEquals(2, f.client().table(table).get(key).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("n"));
            // An unconditional put is idempotent: retried, and acknowledged.
            lose.set(1);
            t.put(Item.of("id", "n", "n", 7)).execute();
            assertEquals(7, f.client().table(table).get(key).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("n"));
        }
    }

    @ConformanceTest
    void aTransactionWhoseAnswerIsLostIsRetriedWithItsTokenAndAppliedOnce(BackendUnderTest backend) {
        try (Fixture f = Fixture.open(backend)) {
            String table = f.plainTable();
            f.client().table(table).put(Item.of("id", "a", "n", 0)).execute();
            AtomicInteger lose = new AtomicInteger(1);
            DdbcClient c = f.otherProcess(losingAnswers(f.backend(), lose, null));
            c.transactWrite().update(io.ddbc.api.UpdateRequest.builder(table, Key.of("id", "a")).expression("ADD n :one").value(":one", 1).build())
                    .put(io.ddbc.api.PutRequest.builder(table, Item.of("id", "b", "n", 1)).build()).execute();
            assertEquals(1, f.client().table(table).get(Key.of("id", "a")).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("n"));
        }
    }

    /**
     * A proxy of {@code backend} that, while {@code lose} is positive, loses the answer of each write (put, update,
     * delete, transaction, batch): by default it applies the write, then throws
     * {@link BackendUnavailableException} with {@code mayHaveBeenApplied}; with {@code instead} set, it runs that
     * in place of the write (e.g. another writer's) and throws the same, so the write was never applied.
     */
    static Backend losingAnswers(Backend backend, AtomicInteger lose, Consumer<Object> instead) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class}, (proxy, m, args) -> {
            boolean losing = WRITES.contains(m.getName()) && lose.get() > 0;
            if (losing && instead != null) {
                lose.decrementAndGet();
                instead.accept(args[0]);
                throw new BackendUnavailableException("lost before arrival (test)", null, true);
            }
            Object result;
            try {
                result = m.invoke(backend, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (m.getName().equals("close")) return result;
            // A multi-region backend's region views lose answers too.
            if (m.getName().equals("region") && result instanceof Backend view && view != backend) return losingAnswers(view, lose, instead);
            if (losing && lose.getAndDecrement() > 0) throw new BackendUnavailableException("answer lost (test)", null, true);
            return result;
        });
    }
}
