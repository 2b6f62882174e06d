package io.ddbc.embedded.global;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TableSpec;
import io.ddbc.api.WriteResult;
import io.ddbc.embedded.EmbeddedBackend;
import io.ddbc.embedded.EmbeddedBackendProvider;
import io.ddbc.spi.Backend;
import io.ddbc.spi.DdbcUrl;
import java.util.Properties;

/** Helpers for the multi-region tests: engines opened by URL, an {@code accounts} table with a GSI, one-line reads. */
final class Global {
    static final String US = "us-east-1";
    static final String EU = "eu-west-1";
    static final String AP = "ap-southeast-2";
    static final String ACCOUNTS = "accounts";

    private Global() {
    }

    static Backend open(String url) {
        return new EmbeddedBackendProvider().open(DdbcUrl.parse(url), new Properties());
    }

    /**
     * A virtual-time two-region engine (us-east-1 home, eu-west-1) with no service latency, so the clock moves
     * only by advance/settle, and an {@code accounts} table keyed by {@code id} with GSI {@code by_owner}.
     */
    static EmbeddedBackend twoRegions(long seed, String extra) {
        return withAccounts((EmbeddedBackend) open("ddbc:embedded:mem?time=virtual&serviceLatencyMs=0&seed=" + seed + "&regions=" + US + ","
                + EU + extra));
    }

    static EmbeddedBackend withAccounts(EmbeddedBackend b) {
        b.createTable(new CreateTableRequest(TableSpec.builder(ACCOUNTS).partitionKey("id", AttributeValue.Type.S)
                .globalIndex(IndexSpec.global("by_owner").partitionKey("owner", AttributeValue.Type.S).build()).build()));
        return b;
    }

    static Key key(String id) {
        return Key.of("id", id);
    }

    static WriteResult put(Backend b, Item item) {
        return b.put(PutRequest.builder(ACCOUNTS, item).build());
    }

    /** The item as the region's leader holds it (a strong read: strong within the region only). */
    static Item strong(Backend b, String id) {
        return b.get(GetRequest.builder(ACCOUNTS, key(id)).consistency(Consistency.STRONG).build()).item().orElse(null);
    }
}
