package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Key;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Owner regions: the same for every client and home region, spread over the regions, per table. */
class WriteAffinityTest {
    static final List<String> REGIONS = List.of("ap-south-1", "eu-west-1", "us-east-1");

    @Test
    void homeAffinityIsTheWritersHome() {
        assertEquals("eu-west-1", WriteAffinity.home().regionFor("t", Key.of("id", "a"), "eu-west-1", REGIONS));
        assertTrue(WriteAffinity.home().isHome());
    }

    @Test
    void ownersDoNotDependOnTheWritersHomeAndSpreadOverRegions() {
        long seed = EmbeddedFixture.seed();
        Random random = new Random(seed);
        int[] counts = new int[REGIONS.size()];
        for (int i = 0; i < 3000; i++) {
            Key k = Key.of("id", "user-" + random.nextLong());
            String owner = WriteAffinity.byPartitionKey().regionFor("accounts", k, "us-east-1", REGIONS);
            assertEquals(owner, WriteAffinity.byPartitionKey().regionFor("accounts", k, "ap-south-1", REGIONS), "seed " + seed);
            counts[REGIONS.indexOf(owner)]++;
        }
        for (int c : counts) assertTrue(c > 800 && c < 1200, "uneven spread " + java.util.Arrays.toString(counts) + ", seed " + seed);
    }

    @Test
    void allSortKeysOfAPartitionShareTheirOwner() {
        String a = WriteAffinity.byPartitionKey().regionFor("orders", Key.of("pk", "c1", "sk", 1), "us-east-1", REGIONS);
        for (int i = 2; i < 50; i++) {
            assertEquals(a, WriteAffinity.byPartitionKey().regionFor("orders", Key.of("pk", "c1", "sk", i), "us-east-1", REGIONS));
        }
    }

    @Test
    void customAffinityAsksTheFunction() {
        WriteAffinity byPrefix = WriteAffinity.of((table, key) -> key.partitionValue().s().startsWith("EU") ? "eu-west-1" : "us-east-1");
        assertEquals("eu-west-1", byPrefix.regionFor("t", Key.of("id", "EU-7"), "us-east-1", REGIONS));
        assertEquals("us-east-1", byPrefix.regionFor("t", Key.of("id", "US-7"), "eu-west-1", REGIONS));
    }
}
