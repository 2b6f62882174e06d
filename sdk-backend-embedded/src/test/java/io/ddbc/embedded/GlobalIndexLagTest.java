package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Item;
import io.ddbc.api.Page;
import io.ddbc.api.PutRequest;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ServedBy;
import io.ddbc.api.TableSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Global secondary indexes follow the table asynchronously, in order, after their own lag. */
class GlobalIndexLagTest {
    private final EmbeddedBackend b = Replicated.open("ddbc:embedded:mem?time=virtual&seed=9&gsiLagMs=200&serviceLatencyMs=0");

    GlobalIndexLagTest() {
        b.createTable(new CreateTableRequest(TableSpec.builder("users").partitionKey("id", AttributeValue.Type.S)
                .globalIndex(IndexSpec.global("by_email").partitionKey("email", AttributeValue.Type.S).build()).build()));
    }

    private Page byEmail(String email) {
        return b.query(QueryRequest.builder("users").index("by_email").keyCondition("email = :e").value(":e", email).build());
    }

    @Test
    void indexEntriesArriveAfterTheIndexLagInOrder() {
        b.put(PutRequest.builder("users", Item.of("id", "u1", "email", "a@x")).build());
        b.put(PutRequest.builder("users", Item.of("id", "u1", "email", "b@x")).build());
        assertEquals(0, byEmail("a@x").count(), "not yet indexed");
        assertEquals(2, b.stats().gsiPending());
        Page strongBase = b.query(QueryRequest.builder("users").keyCondition("id = :i").value(":i", "u1").consistency(Consistency.STRONG).build());
        assertEquals(1, strongBase.count(), "the table itself has the item");
        b.advance(Duration.ofSeconds(30));
        assertEquals(0, b.stats().gsiPending());
        assertEquals(0, byEmail("a@x").count(), "the later record replaced the entry: applied in order");
        Page p = byEmail("b@x");
        assertEquals(1, p.count());
        assertEquals(ServedBy.FOLLOWER, p.servedBy(), "answered by the index copy, not the leader");
    }

    @Test
    void strongReadsOnAGlobalIndexAreRejected() {
        Fixture.invalid("Consistent read cannot be true when querying a GSI", () -> b.query(QueryRequest.builder("users")
                .index("by_email").keyCondition("email = :e").value(":e", "a@x").consistency(Consistency.STRONG).build()));
        assertTrue(b.stats().operations("Query") >= 1);
    }
}
