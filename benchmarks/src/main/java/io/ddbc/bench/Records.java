package io.ddbc.bench;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;

/**
 * The records every workload uses, like YCSB's usertable but small: a string key and four 20-character
 * fields (about 110 bytes by DynamoDB's item-size rules).
 */
final class Records {
    static final String TABLE = "usertable";
    static final String KEY = "id";

    private Records() {
    }

    static TableSpec spec() {
        return TableSpec.builder(TABLE).partitionKey(KEY, AttributeValue.Type.S).build();
    }

    static String id(int record) {
        return String.format("user%010d", record);
    }

    static Key key(int record) {
        return Key.of(KEY, id(record));
    }

    static String field(int record, int field) {
        return String.format("f%d-%017d", field, record);
    }

    static Item item(int record) {
        return Item.of(KEY, id(record), "field0", field(record, 0), "field1", field(record, 1),
                "field2", field(record, 2), "field3", field(record, 3));
    }
}
