package io.ddbc.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.StaleReadException;
import io.ddbc.api.TableSpec;
import io.ddbc.api.VersionConflictException;
import io.ddbc.api.WriteResult;
import io.ddbc.test.DdbcTable;
import io.ddbc.test.DdbcTest;
import io.ddbc.test.TestControl;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Typed tables on the embedded three-replica engine: mapping, versions, sessions, mutate, query and scan. */
@DdbcTest(lagMs = 200)
@DdbcTable(name = "accounts", partitionKey = "id")
@DdbcTable(name = "orders", partitionKey = "customer", sortKey = "orderId", sortKeyType = AttributeValue.Type.N)
class TypedTableTest {

    @Test
    void beanRoundTripsAndTheVersionAnnotationIsTheOnlyDeclaration(DdbcClient client) {
        TypedTable<Account> accounts = TypedTables.of(client).table("accounts", Account.class);
        assertEquals("version", accounts.versionAttribute().orElseThrow());
        // the table was created unversioned: the typed table declared the bean's attribute to ddbc
        assertEquals("version", client.describeTable("accounts").spec().versionAttribute().orElseThrow());

        WriteResult w = accounts.put(new Account("alice", 100));
        assertEquals(1, w.version().getAsLong());
        Account a = accounts.get(accounts.key("alice"), g -> g.consistency(Consistency.STRONG)).orElseThrow();
        assertEquals(100, a.getBalance());
        assertEquals(1L, a.getVersion());
        // the untyped view sees the same item and version
        assertEquals(1, client.table("accounts").get(Key.of("id", "alice")).consistency(Consistency.STRONG).execute().version().getAsLong());
        assertTrue(accounts.get(accounts.key("nobody"), g -> g.consistency(Consistency.STRONG)).isEmpty());
    }

    @Test
    void putIsConditionalOnTheObjectsVersionLikeTheEnhancedClient(DdbcClient client) {
        TypedTable<Account> accounts = TypedTables.of(client).table("accounts", Account.class);
        accounts.put(new Account("bob", 5));
        // a second "new" object for the same key must not overwrite the first
        assertThrows(VersionConflictException.class, () -> accounts.put(new Account("bob", 7)));

        Account read = accounts.get(accounts.key("bob"), g -> g.consistency(Consistency.STRONG)).orElseThrow();
        read.setBalance(6);
        assertEquals(2, accounts.put(read).version().getAsLong());
        // the same stale copy again: version 1 is gone
        VersionConflictException e = assertThrows(VersionConflictException.class, () -> accounts.put(read));
        assertEquals(2L, e.actualVersion().orElseThrow());
        assertEquals(6, accounts.get(accounts.key("bob"), g -> g.consistency(Consistency.STRONG)).orElseThrow().getBalance());
    }

    @Test
    void mutateSerialisesConcurrentWriters(DdbcClient client) {
        TypedTable<Account> accounts = TypedTables.of(client).table("accounts", Account.class);
        List<CompletableFuture<WriteResult>> writers = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                accounts.mutate(accounts.key("carol"), a -> {
                    Account next = a == null ? new Account("carol", 0) : a;
                    next.setBalance(next.getBalance() + 10);
                    return next;
                }))).toList();
        writers.forEach(CompletableFuture::join);
        Account carol = accounts.get(accounts.key("carol"), g -> g.consistency(Consistency.STRONG)).orElseThrow();
        assertEquals(80, carol.getBalance());
        assertEquals(8L, carol.getVersion());
    }

    @Test
    void aSessionReadsItsTypedWritesAcrossFailovers(DdbcClient client, TestControl control) {
        TypedTable<Account> accounts = TypedTables.of(client).table("accounts", Account.class);
        for (int i = 0; i < 20; i++) {
            DdbcSession session = client.newSession();
            TypedTable<Account> mine = accounts.in(session);
            String id = "s" + i;
            mine.put(new Account(id, i));
            if (i % 2 == 0) control.failoverLeader("accounts", Key.of("id", id));
            assertEquals(i, mine.get(mine.key(id)).orElseThrow().getBalance(), "session read of " + id);
            // the same guarantee travels in the session's token to another session
            TypedTable<Account> resumed = accounts.in(client.resumeSession(session.token()));
            assertEquals(i, resumed.get(resumed.key(id)).orElseThrow().getBalance(), "resumed session read of " + id);
        }
    }

    @Test
    void minVersionIsHonouredOnTypedReads(DdbcClient client) {
        TypedTable<Account> accounts = TypedTables.of(client).table("accounts", Account.class);
        accounts.put(new Account("dan", 1));
        assertEquals(1L, accounts.get(accounts.key("dan"), g -> g.minVersion(1)).orElseThrow().getVersion());
        assertThrows(StaleReadException.class, () -> accounts.get(accounts.key("dan"), g -> g.minVersion(5)));
    }

    @Test
    void updateReturnsTheNewObjectAndIncrementsTheVersion(DdbcClient client) {
        TypedTable<Account> accounts = TypedTables.of(client).table("accounts", Account.class);
        accounts.put(new Account("erin", 10));
        Account a = accounts.update(accounts.key("erin"), u -> u.expression("SET balance = balance + :d, #o = :o")
                .name("#o", "owner").value(":d", 5).value(":o", "Erin")).orElseThrow();
        assertEquals(15, a.getBalance());
        assertEquals("Erin", a.getOwner());
        assertEquals(2L, a.getVersion());
        accounts.delete(accounts.key("erin"), d -> d.expectVersion(2));
        assertTrue(accounts.get(accounts.key("erin"), g -> g.consistency(Consistency.STRONG)).isEmpty());
    }

    @Test
    void immutableClassesWithSortKeysQueryAndScan(DdbcClient client) {
        TypedTable<Order> orders = TypedTables.of(client).table("orders", Order.class);
        assertTrue(orders.versionAttribute().isEmpty());
        orders.put(Order.of("alice", 1, "9.99"));
        orders.put(Order.of("alice", 2, "20.00"));
        orders.put(Order.of("bob", 1, "1.50"));

        List<Order> alices = orders.query(q -> q.keyCondition("customer = :c").value(":c", "alice").consistency(Consistency.STRONG)).toList();
        assertEquals(List.of(1, 2), alices.stream().map(Order::orderId).toList());
        // DynamoDB stores numbers in canonical form: 20.00 comes back as 20, equal by value.
        assertEquals(0, new BigDecimal("20.00").compareTo(alices.get(1).total()), alices.get(1).total().toString());
        assertEquals(2, orders.query(q -> q.keyCondition("customer = :c").value(":c", "alice").consistency(Consistency.STRONG)
                .filter("#t > :t").name("#t", "total").value(":t", 5)).count());
        assertEquals(3, orders.scan(s -> s.consistency(Consistency.STRONG)).count());
        assertEquals(Key.of("customer", "bob", "orderId", 1), orders.keyOf(Order.of("bob", 1, "0")));
        assertThrows(ConditionFailedException.class, () -> orders.putIfAbsent(Order.of("bob", 1, "3.00")));
        // mutate needs a managed version, as on the untyped table
        assertThrows(io.ddbc.api.ValidationException.class, () -> orders.mutate(orders.key("bob", 1), o -> o));
    }

    @Test
    void aVersionAttributeOtherThanTheTablesIsRefused(DdbcClient client) {
        client.createTable(TableSpec.builder("ledger").partitionKey("id", AttributeValue.Type.S).versionAttribute("rev").build());
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> TypedTables.of(client).table("ledger", Account.class));
        assertTrue(e.getMessage().contains("'rev'") && e.getMessage().contains("'version'"), e.getMessage());
    }

    @Test
    void itemsWrittenUntypedReadTyped(DdbcClient client) {
        TypedTable<Account> accounts = TypedTables.of(client).table("accounts", Account.class);
        client.table("accounts").put(Item.of("id", "frank", "balance", 3, "extra", "ignored")).execute();
        Account f = accounts.get(accounts.key("frank"), g -> g.consistency(Consistency.STRONG)).orElseThrow();
        assertEquals(3, f.getBalance());
        assertEquals(1L, f.getVersion());
    }
}
