package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.VersionConflictException;
import io.ddbc.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed's conflict-aware versioned updates across two regions, on any two-region backend: the lost update
 * of last writer wins with plain read-modify-write (and the backend's conflict report), its detection by
 * managed versions once replication has happened, the hazard that remains for truly concurrent versioned
 * writes under home affinity, and exact detection under owner affinity.
 */
abstract class GlobalConflictContract {
    static final String US = GlobalSessionsTest.US;
    static final String EU = GlobalSessionsTest.EU;
    static final String COUNTERS = "counters";
    static final String NOTES = "notes";
    static final Key K = Key.of("id", "k1");
    static final UnaryOperator<Item> INCREMENT = i -> i.toBuilder().put("n", i.has("n") ? i.getLong("n") + 1 : 1).build();

    Backend backend;
    DdbcClient client;
    private final List<DdbcClient> clients = new ArrayList<>();

    /** A backend with regions us-east-1 and eu-west-1. */
    abstract Backend openBackend();

    /** Replicates every write made so far to every region. */
    abstract void settle();

    /** How many overwrites last writer wins reported so far. */
    abstract int conflicts();

    /** How to reproduce a failure (the seed), or empty. */
    abstract String seedNote();

    @BeforeEach
    void open() {
        backend = openBackend();
        client = client(WriteAffinity.home());
        GlobalSessionsTest.createTables(client);
        settle();
    }

    @AfterEach
    void close() {
        clients.forEach(DdbcClient::close);
        backend.close();
    }

    DdbcClient client(WriteAffinity affinity) {
        DdbcClient c = Ddbc.builder().backend(backend).writeAffinity(affinity).build();
        clients.add(c);
        return c;
    }

    long strongN(String region, String table) {
        return client.newSession(region).table(table).get(K).consistency(Consistency.STRONG).execute().item().orElseThrow().getLong("n");
    }

    private void bothRegionsHold(long n, String table) {
        assertEquals(n, strongN(US, table), US + seedNote());
        assertEquals(n, strongN(EU, table), EU + seedNote());
    }

    /** Sessions in both regions read the item's version, after it started at n = 0 everywhere. */
    private long[] bothRead(DdbcClient c, DdbcSession us, DdbcSession eu) {
        c.table(COUNTERS).put(Item.of("id", "k1", "n", 0)).execute();
        settle();
        return new long[] {us.table(COUNTERS).get(K).execute().version().orElseThrow(), eu.table(COUNTERS).get(K).execute().version().orElseThrow()};
    }

    @Test
    void plainReadModifyWriteInTwoRegionsLosesAnIncrementAndTheConflictIsReported() {
        client.table(NOTES).put(Item.of("id", "k1", "n", 0)).execute();
        settle();
        DdbcSession us = client.newSession(US);
        DdbcSession eu = client.newSession(EU);
        long a = us.table(NOTES).get(K).execute().item().orElseThrow().getLong("n");
        long b = eu.table(NOTES).get(K).execute().item().orElseThrow().getLong("n");
        us.table(NOTES).put(Item.of("id", "k1", "n", a + 1)).execute();
        eu.table(NOTES).put(Item.of("id", "k1", "n", b + 1)).execute();
        settle();
        bothRegionsHold(1, NOTES);   // two increments, one kept: last writer wins
        assertEquals(1, conflicts(), seedNote());
    }

    @Test
    void afterReplicationAStaleVersionIsRefusedAndMutateKeepsBothIncrements() {
        DdbcSession us = client.newSession(US);
        DdbcSession eu = client.newSession(EU);
        long seenInEu = bothRead(client, us, eu)[1];
        us.table(COUNTERS).mutate(K, INCREMENT);
        settle();
        assertThrows(VersionConflictException.class, () -> eu.table(COUNTERS).put(Item.of("id", "k1", "n", 1)).expectVersion(seenInEu).execute());
        eu.table(COUNTERS).mutate(K, INCREMENT);
        settle();
        bothRegionsHold(2, COUNTERS);
        assertEquals(0, conflicts(), seedNote());
    }

    @Test
    void concurrentVersionedUpdatesUnderHomeAffinityBothPassTheirChecksAndOneIsLost() {
        DdbcSession us = client.newSession(US);
        DdbcSession eu = client.newSession(EU);
        long[] v = bothRead(client, us, eu);
        us.table(COUNTERS).put(Item.of("id", "k1", "n", 1)).expectVersion(v[0]).execute();
        eu.table(COUNTERS).put(Item.of("id", "k1", "n", 1)).expectVersion(v[1]).execute();   // checked in eu-west-1 only
        settle();
        bothRegionsHold(1, COUNTERS);   // the hazard: both version checks passed, one increment is gone
        assertEquals(1, conflicts(), seedNote());
    }

    @Test
    void ownerAffinityMakesTheVersionCheckExactAndMutateKeepsBothIncrements() {
        DdbcClient owned = client(WriteAffinity.byPartitionKey());
        DdbcSession us = owned.newSession(US);
        DdbcSession eu = owned.newSession(EU);
        long[] v = bothRead(owned, us, eu);
        us.table(COUNTERS).put(Item.of("id", "k1", "n", 1)).expectVersion(v[0]).execute();
        assertThrows(VersionConflictException.class, () -> eu.table(COUNTERS).put(Item.of("id", "k1", "n", 1)).expectVersion(v[1]).execute(),
                seedNote());
        eu.table(COUNTERS).mutate(K, INCREMENT);
        settle();
        bothRegionsHold(2, COUNTERS);
        assertEquals(0, conflicts(), seedNote());
    }
}
