package io.ddbc.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.Item;
import io.ddbc.api.Key;

/** The README's "Testing your application" example, verbatim, so it stays true. */
@DdbcTest(lagMs = 200)
@DdbcTable(name = "accounts", partitionKey = "id", versionAttribute = "version")
class ReadmeExampleTest {
    @RepeatedWithSeeds(20)                                  // a failure names its seed; -Dddbc.seed=S replays it
    void receiptShowsTheDeposit(DdbcClient client, TestControl control) {
        DdbcSession s = client.newSession();
        s.table("accounts").put(Item.of("id", "a", "balance", 5)).execute();
        control.failoverLeader("accounts", Key.of("id", "a"));
        assertEquals(5, s.table("accounts").get(Key.of("id", "a")).execute().item().orElseThrow().getLong("balance"));
    }
}
