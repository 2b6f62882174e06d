package io.ddbc.embedded;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.GetResult;
import io.ddbc.api.Key;
import io.ddbc.api.Positions;
import io.ddbc.api.TableSpec;
import io.ddbc.spi.DdbcUrl;
import java.util.Properties;

/** Helpers for the replication tests: engines opened by URL and one-line reads. */
final class Replicated {
    static final String ACCOUNTS = "accounts";

    private Replicated() {
    }

    static EmbeddedBackend open(String url) {
        return (EmbeddedBackend) new EmbeddedBackendProvider().open(DdbcUrl.parse(url), new Properties());
    }

    /** A virtual-time, three-replica engine with an {@code accounts} table keyed by {@code id} (S). */
    static EmbeddedBackend virtual(long seed, String extra) {
        EmbeddedBackend b = open("ddbc:embedded:mem?time=virtual&seed=" + seed + extra);
        b.createTable(new CreateTableRequest(TableSpec.builder(ACCOUNTS).partitionKey("id", AttributeValue.Type.S).build()));
        return b;
    }

    static GetResult read(EmbeddedBackend b, String id, Consistency c) {
        return b.get(GetRequest.builder(ACCOUNTS, Key.of("id", id)).consistency(c).build());
    }

    static GetResult readAtLeast(EmbeddedBackend b, String id, Positions min) {
        return b.get(GetRequest.builder(ACCOUNTS, Key.of("id", id)).consistency(Consistency.EVENTUAL).minPositions(min).build());
    }

    /** The balance in a result, or null if there is no item. */
    static Long balance(GetResult r) {
        return r.item().map(i -> i.get("balance")).map(AttributeValue::n).map(n -> n.longValue()).orElse(null);
    }
}
