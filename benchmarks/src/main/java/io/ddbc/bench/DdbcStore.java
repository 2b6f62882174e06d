package io.ddbc.bench;

import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Key;
import io.ddbc.api.Table;

/** Records through a ddbc client (any backend): GetItem and UpdateItem via the core. */
final class DdbcStore implements KvStore {
    private final DdbcClient client;
    private final Table table;
    private final String label;
    private volatile Key[] keys = new Key[0];

    DdbcStore(DdbcClient client, String label) {
        this.client = client;
        this.table = client.table(Records.TABLE);
        this.label = label;
    }

    @Override
    public void load(int records) {
        client.createTable(Records.spec());
        Key[] k = new Key[records];
        for (int r = 0; r < records; r++) k[r] = Records.key(r);
        keys = k; // built once: the timed loops measure ddbc, not key formatting
        for (int start = 0; start < records; start += BatchWriteRequest.MAX_WRITES) {
            BatchWriteRequest.Builder b = client.batchWrite();
            for (int r = start; r < Math.min(records, start + BatchWriteRequest.MAX_WRITES); r++) b.put(Records.TABLE, Records.item(r));
            b.execute();
        }
        Backends.settle(client);
    }

    @Override
    public boolean read(int record) {
        return table.get(keys[record]).consistency(Consistency.EVENTUAL).execute().exists();
    }

    @Override
    public void update(int record, long value) {
        table.update(keys[record]).expression("SET field0 = :v").value(":v", Long.toString(value)).execute();
    }

    @Override
    public String toString() {
        return label;
    }
}
