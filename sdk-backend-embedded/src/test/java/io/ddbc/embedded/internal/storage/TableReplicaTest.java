package io.ddbc.embedded.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Item;
import io.ddbc.api.Projection;
import io.ddbc.api.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The storage contract the replication layer builds on: applying log records is deterministic and maintains indexes. */
class TableReplicaTest {
    private static final long SEED = Long.getLong("ddbc.seed", System.nanoTime());

    private static TableSpec spec() {
        return TableSpec.builder("tbl").partitionKey("pk", AttributeValue.Type.S).sortKey("sk", AttributeValue.Type.N)
                .globalIndex(IndexSpec.global("gsi").partitionKey("g", AttributeValue.Type.S).projection(Projection.keysOnly()).build())
                .build();
    }

    private static LogRecord record(long seq, TableReplica r, Item image, String pk, int sk) {
        AttributeValue p = AttributeValue.s(pk);
        return new LogRecord(seq, "tbl", PartitionHasher.partitionOf(p, r.partitionCount()), new ItemKey(p, AttributeValue.n(sk)), image);
    }

    @Test
    void replicasFedTheSameRecordsReachTheSameState() {
        Random random = new Random(SEED);
        TableReplica a = new TableReplica(spec(), 4);
        TableReplica b = new TableReplica(spec(), 4);
        List<LogRecord> log = new ArrayList<>();
        for (int seq = 1; seq <= 2000; seq++) {
            String pk = "p" + random.nextInt(20);
            int sk = random.nextInt(10);
            Item image = random.nextInt(4) == 0 ? null : Item.of("pk", pk, "sk", sk, "g", "g" + random.nextInt(3), "v", seq);
            log.add(record(seq, a, image, pk, sk));
        }
        log.forEach(a::apply);
        log.forEach(b::apply);
        for (int p = 0; p < 4; p++) {
            assertEquals(a.partition(p).entries(), b.partition(p).entries(), "seed " + SEED);
            assertEquals(a.indexPartitions("gsi").get(p).entries(), b.indexPartitions("gsi").get(p).entries(), "seed " + SEED);
            assertTrue(a.partition(p).appliedSeq() <= 2000);
        }
        long indexed = 0;
        for (SortedStore<IndexKey> s : a.indexPartitions("gsi")) indexed += s.size();
        assertEquals(a.itemCount(), indexed, "every item has a g and so one index entry; seed " + SEED);
    }

    @Test
    void indexEntriesFollowKeyChangesAndDeletes() {
        TableReplica r = new TableReplica(spec(), 4);
        r.apply(record(1, r, Item.of("pk", "a", "sk", 1, "g", "x", "other", 1), "a", 1));
        r.apply(record(2, r, Item.of("pk", "a", "sk", 1, "g", "y", "other", 1), "a", 1));
        List<Item> entries = new ArrayList<>();
        for (SortedStore<IndexKey> s : r.indexPartitions("gsi")) entries.addAll(s.entries().values());
        assertEquals(List.of(Item.of("pk", "a", "sk", 1, "g", "y")), entries, "KEYS_ONLY entry moved from x to y");
        Item old = r.apply(record(3, r, null, "a", 1));
        assertEquals(Item.of("pk", "a", "sk", 1, "g", "y", "other", 1), old);
        for (SortedStore<IndexKey> s : r.indexPartitions("gsi")) assertEquals(0, s.size());
        assertNull(r.partition(PartitionHasher.partitionOf(AttributeValue.s("a"), 4)).get(new ItemKey(AttributeValue.s("a"), AttributeValue.n(1))));
        assertEquals(3, r.partition(PartitionHasher.partitionOf(AttributeValue.s("a"), 4)).appliedSeq());
    }

    @Test
    void partitionHashIsStableAndNumbersHashByValue() {
        assertEquals(PartitionHasher.hash(AttributeValue.n("1")), PartitionHasher.hash(AttributeValue.n("1.00")));
        assertTrue(PartitionHasher.hash(AttributeValue.s("1")) != PartitionHasher.hash(AttributeValue.n("1")), "type is part of the hash");
        int[] counts = new int[4];
        for (int i = 0; i < 4000; i++) counts[PartitionHasher.partitionOf(AttributeValue.s("k" + i), 4)]++;
        for (int c : counts) assertTrue(c > 800, "even spread: " + java.util.Arrays.toString(counts));
    }

    @Test
    void keyOrderIsDynamoDbsWithRangeSentinels() {
        ItemKey two = new ItemKey(AttributeValue.s("p"), AttributeValue.n(2));
        ItemKey ten = new ItemKey(AttributeValue.s("p"), AttributeValue.n(10));
        assertTrue(two.compareTo(ten) < 0, "numbers compare numerically");
        assertTrue(ItemKey.low(AttributeValue.s("p")).compareTo(two) < 0);
        assertTrue(ItemKey.high(AttributeValue.s("p")).compareTo(ten) > 0);
        assertTrue(new ItemKey(AttributeValue.s("a"), AttributeValue.n(99)).compareTo(two) < 0, "partition key first");
    }
}
