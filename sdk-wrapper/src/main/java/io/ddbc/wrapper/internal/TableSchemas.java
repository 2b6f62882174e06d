package io.ddbc.wrapper.internal;

import io.ddbc.api.Key;
import io.ddbc.aws.internal.ModelConverter;
import io.ddbc.wrapper.WrapperOptions;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The key schema of each table (learnt once with DescribeTable on the delegate) and its declared version
 * attribute: what the session needs to name an item and compare its version. Thread-safe.
 */
public final class TableSchemas {
    /** One table's key attribute names, global indexes and version attribute (null if unversioned). */
    public record Schema(String table, String partition, String sort, Set<String> globalIndexes, String versionAttribute) {
        public boolean versioned() {
            return versionAttribute != null;
        }

        /** The item's key, or null when the item lacks a key attribute (e.g. projected away). */
        public Key keyOf(Map<String, AttributeValue> item) {
            AttributeValue p = item.get(partition);
            if (p == null) return null;
            if (sort == null) return Key.of(partition, ModelConverter.fromSdk(p));
            AttributeValue s = item.get(sort);
            return s == null ? null : Key.of(partition, ModelConverter.fromSdk(p), sort, ModelConverter.fromSdk(s));
        }

        /** The item's version, 0 if unversioned, absent or not a whole number. */
        public long versionOf(Map<String, AttributeValue> item) {
            if (versionAttribute == null || item == null) return 0;
            AttributeValue v = item.get(versionAttribute);
            if (v == null || v.n() == null) return 0;
            try {
                return Long.parseLong(v.n());
            } catch (NumberFormatException notWhole) {
                return 0;
            }
        }

        public boolean isGlobalIndex(String index) {
            return index != null && globalIndexes.contains(index);
        }
    }

    private final DynamoDbClient delegate;
    private final WrapperOptions options;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    public TableSchemas(DynamoDbClient delegate, WrapperOptions options) {
        this.delegate = delegate;
        this.options = options;
    }

    /** The table's schema, described once (a failure is not cached, so it surfaces again next time). */
    public Schema of(String table) {
        return schemas.computeIfAbsent(table, this::describe);
    }

    private Schema describe(String table) {
        TableDescription d = delegate.describeTable(DescribeTableRequest.builder().tableName(table).build()).table();
        String partition = null;
        String sort = null;
        for (KeySchemaElement k : d.keySchema()) {
            if (k.keyType() == KeyType.HASH) partition = k.attributeName();
            else sort = k.attributeName();
        }
        Set<String> global = new HashSet<>();
        for (GlobalSecondaryIndexDescription g : d.globalSecondaryIndexes()) global.add(g.indexName());
        return new Schema(table, partition, sort, Set.copyOf(global), options.versionAttribute(table).orElse(null));
    }
}
