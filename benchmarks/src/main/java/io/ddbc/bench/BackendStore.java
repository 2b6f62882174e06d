package io.ddbc.bench;

import io.ddbc.api.Consistency;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.UpdateRequest;
import io.ddbc.spi.Backend;

/**
 * Records through a bare {@link Backend} (no core client: no sessions, cache, versions or retries) — the
 * engine alone, as an application would never call it but as the engine-to-engine comparison needs.
 */
final class BackendStore implements KvStore {
    private final Backend backend;
    private final String label;
    private volatile Key[] keys = new Key[0];

    BackendStore(Backend backend, String label) {
        this.backend = backend;
        this.label = label;
    }

    @Override
    public void load(int records) {
        backend.createTable(new CreateTableRequest(Records.spec()));
        Key[] k = new Key[records];
        for (int r = 0; r < records; r++) {
            k[r] = Records.key(r);
            backend.put(PutRequest.builder(Records.TABLE, Records.item(r)).build());
        }
        keys = k;
        Backends.settle(backend);
    }

    @Override
    public boolean read(int record) {
        return backend.get(GetRequest.builder(Records.TABLE, keys[record]).consistency(Consistency.EVENTUAL).build()).exists();
    }

    @Override
    public void update(int record, long value) {
        backend.update(UpdateRequest.builder(Records.TABLE, keys[record]).expression("SET field0 = :v")
                .value(":v", Long.toString(value)).build());
    }

    @Override
    public String toString() {
        return label;
    }
}
