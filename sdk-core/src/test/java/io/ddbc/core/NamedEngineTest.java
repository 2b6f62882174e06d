package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.embedded.EmbeddedControl;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code ddbc:embedded:mem:NAME}: one engine per name in the JVM, shared by every client that names it. */
class NamedEngineTest {
    private static final TableSpec ACCOUNTS = TableSpec.builder("accounts").partitionKey("id", AttributeValue.Type.S).build();
    private static final Key ALICE = Key.of("id", "alice");

    @Test
    void clientsNamingOneEngineShareItsTablesItemsAndSessions() {
        try (DdbcClient a = Ddbc.connect("ddbc:embedded:mem:shared1?time=virtual&seed=3");
             DdbcClient b = Ddbc.connect("ddbc:embedded:mem:shared1?time=virtual&seed=3")) {
            a.createTable(ACCOUNTS);
            DdbcSession s = a.newSession();
            s.table("accounts").put(Item.of("id", "alice", "balance", 5)).execute();
            assertTrue(b.listTables().contains("accounts"));
            // The token of a session on one client is honoured by the other: read-your-writes across them.
            DdbcSession resumed = b.resumeSession(s.token());
            assertEquals(5, resumed.table("accounts").get(ALICE).execute().item().orElseThrow().getLong("balance"));
            // Faults and time belong to the one engine.
            EmbeddedControl ca = a.unwrap(EmbeddedControl.class);
            EmbeddedControl cb = b.unwrap(EmbeddedControl.class);
            ca.advance(Duration.ofSeconds(1));
            assertEquals(ca.now(), cb.now());
        }
    }

    @Test
    void anUnnamedEngineIsPrivate() {
        try (DdbcClient a = Ddbc.connect("ddbc:embedded:mem"); DdbcClient b = Ddbc.connect("ddbc:embedded:mem")) {
            a.createTable(ACCOUNTS);
            assertFalse(b.listTables().contains("accounts"));
        }
    }

    @Test
    void theEngineLivesUntilItsLastClientCloses() {
        DdbcClient a = Ddbc.connect("ddbc:embedded:mem:lifetime1");
        DdbcClient b = Ddbc.connect("ddbc:embedded:mem:lifetime1");
        a.createTable(ACCOUNTS);
        a.table("accounts").put(Item.of("id", "alice")).execute();
        a.close();
        assertTrue(b.table("accounts").get(ALICE).consistency(Consistency.STRONG).execute().exists(), "b still holds the engine");
        b.close();
        try (DdbcClient c = Ddbc.connect("ddbc:embedded:mem:lifetime1")) {
            assertFalse(c.listTables().contains("accounts"), "the last close dropped the engine; this is a new one");
        }
    }

    @Test
    void keepAliveJvmOutlivesEveryClient() {
        try (DdbcClient a = Ddbc.connect("ddbc:embedded:mem:kept1?keepAlive=jvm")) {
            a.createTable(ACCOUNTS);
        }
        try (DdbcClient b = Ddbc.connect("ddbc:embedded:mem:kept1")) {
            assertTrue(b.listTables().contains("accounts"));
        }
    }

    @Test
    void conflictingParametersAndBadNamesAreRefused() {
        try (DdbcClient a = Ddbc.connect("ddbc:embedded:mem:params1?partitions=2")) {
            DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> Ddbc.connect("ddbc:embedded:mem:params1?partitions=8"));
            assertTrue(e.getMessage().contains("mem:params1") && e.getMessage().contains("partitions"), e.getMessage());
        }
        DdbcConfigException bad = assertThrows(DdbcConfigException.class, () -> Ddbc.connect("ddbc:embedded:mem:bad name"));
        assertTrue(bad.getMessage().contains("bad name"), bad.getMessage());
        DdbcConfigException keep = assertThrows(DdbcConfigException.class, () -> Ddbc.connect("ddbc:embedded:mem?keepAlive=jvm"));
        assertTrue(keep.getMessage().contains("keepAlive"), keep.getMessage());
    }

    @Test
    void aClosedHandleRefusesWorkButLeavesTheEngineToOthers() {
        try (DdbcClient b = Ddbc.connect("ddbc:embedded:mem:handles1")) {
            DdbcClient a = Ddbc.connect("ddbc:embedded:mem:handles1");
            a.createTable(ACCOUNTS);
            a.close();
            a.close(); // idempotent: releases once
            assertTrue(b.listTables().contains("accounts"));
            b.table("accounts").put(Item.of("id", "bob")).execute();
        }
    }
}
