package io.ddbc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.ServedBy;
import io.ddbc.api.TableSpec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The write-through cache answers a session's read of what it has just written (no backend read needed). */
class SessionCacheAfterWriteTest {

    @Test
    void sessionReadAfterOwnWriteIsACacheHit() {
        try (DdbcClient client = Ddbc.builder().url("ddbc:embedded:mem?time=virtual&seed=5&lagMs=50")
                .cache(CacheSpec.writeThrough().maximumSize(1000).ttl(Duration.ofMinutes(5))).build()) {
            client.createTable(TableSpec.builder("cached").partitionKey("id", AttributeValue.Type.S).build());
            DdbcSession session = client.newSession();
            int hits = 0;
            for (int i = 0; i < 100; i++) {
                session.table("cached").put(Item.of("id", "k" + (i % 7), "n", i)).execute();
                GetResult r = session.table("cached").get(Key.of("id", "k" + (i % 7))).execute();
                assertEquals(i, r.item().orElseThrow().getLong("n"), "read-your-writes");
                if (r.servedBy() == ServedBy.CACHE) hits++;
            }
            assertEquals(100, hits, "every read of the session's own write should be a cache hit");
        }
    }
}
