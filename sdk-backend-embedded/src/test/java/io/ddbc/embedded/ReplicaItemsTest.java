package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.api.Item;
import io.ddbc.api.PutRequest;
import io.ddbc.api.ResourceNotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EmbeddedControl#replicaItems}: what one AZ's replica holds, for exact replica comparisons in tests. */
class ReplicaItemsTest {

    @Test
    void aCrashedReplicaMissesWritesUntilItRestartsAndSettles() {
        try (EmbeddedBackend b = Replicated.virtual(7L, "&partitions=2")) {
            b.put(PutRequest.builder(Replicated.ACCOUNTS, Item.of("id", "alice", "balance", 10)).build());
            b.settle();
            List<List<Item>> a = b.replicaItems(Replicated.ACCOUNTS, "az-a");
            assertEquals(2, a.size(), "one list per partition");
            assertEquals(1, a.stream().mapToInt(List::size).sum());
            assertEquals(a, b.replicaItems(Replicated.ACCOUNTS, "az-b"));

            b.crashReplica("az-b");
            b.put(PutRequest.builder(Replicated.ACCOUNTS, Item.of("id", "bob", "balance", 5)).build());
            b.settle();
            assertEquals(2, b.replicaItems(Replicated.ACCOUNTS, "az-a").stream().mapToInt(List::size).sum());
            assertNotEquals(b.replicaItems(Replicated.ACCOUNTS, "az-a"), b.replicaItems(Replicated.ACCOUNTS, "az-b"),
                    "a crashed replica shows what it had applied");

            b.restartReplica("az-b");
            b.settle();
            assertEquals(b.replicaItems(Replicated.ACCOUNTS, "az-a"), b.replicaItems(Replicated.ACCOUNTS, "az-b"));
            assertEquals(b.replicaItems(Replicated.ACCOUNTS, "az-a"), b.replicaItems(Replicated.ACCOUNTS, "az-c"));
        }
    }

    @Test
    void unknownAzOrTableIsRefusedByName() {
        try (EmbeddedBackend b = Replicated.virtual(7L, "")) {
            Fixture.invalid("'az-z'", () -> b.replicaItems(Replicated.ACCOUNTS, "az-z"));
            assertThrows(ResourceNotFoundException.class, () -> b.replicaItems("no_such_table", "az-a"));
        }
    }
}
