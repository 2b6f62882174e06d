package io.ddbc.bench;

import io.ddbc.api.AttributeValue.Type;
import io.ddbc.api.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The same records through the raw AWS SDK v2 {@code DynamoDbClient}, the way an application would call it. */
final class SdkStore implements KvStore {
    private final DynamoDbClient ddb;
    private final String label;
    private volatile List<Map<String, AttributeValue>> keys = List.of();

    SdkStore(DynamoDbClient ddb, String label) {
        this.ddb = ddb;
        this.label = label;
    }

    @Override
    public void load(int records) {
        ddb.createTable(b -> b.tableName(Records.TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName(Records.KEY).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(Records.KEY).keyType(KeyType.HASH)));
        List<Map<String, AttributeValue>> k = new ArrayList<>(records);
        for (int r = 0; r < records; r++) k.add(key(r));
        keys = k; // built once, as for the ddbc side
        for (int start = 0; start < records; start += 25) {
            List<WriteRequest> writes = new ArrayList<>();
            for (int r = start; r < Math.min(records, start + 25); r++) {
                Map<String, AttributeValue> item = toSdk(Records.item(r));
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(Records.TABLE, writes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> send = pending;
                BatchWriteItemResponse resp = ddb.batchWriteItem(b -> b.requestItems(send));
                pending = resp.unprocessedItems();
            }
        }
    }

    @Override
    public boolean read(int record) {
        return ddb.getItem(b -> b.tableName(Records.TABLE).key(keys.get(record))).hasItem();
    }

    @Override
    public void update(int record, long value) {
        ddb.updateItem(b -> b.tableName(Records.TABLE).key(keys.get(record)).updateExpression("SET field0 = :v")
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(Long.toString(value)))));
    }

    static Map<String, AttributeValue> key(int record) {
        return Map.of(Records.KEY, AttributeValue.fromS(Records.id(record)));
    }

    /** Our records hold strings only (see {@link Records}). */
    static Map<String, AttributeValue> toSdk(Item item) {
        Map<String, AttributeValue> m = new HashMap<>();
        item.attributes().forEach((name, v) -> {
            if (v.type() != Type.S) throw new IllegalArgumentException("benchmark records hold strings, got " + v.type());
            m.put(name, AttributeValue.fromS(v.s()));
        });
        return m;
    }

    @Override
    public String toString() {
        return label;
    }
}
