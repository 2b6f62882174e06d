package io.ddbc.wrapper.internal;

import io.ddbc.api.BatchGetRequest;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.BatchWriteRequest;
import io.ddbc.api.BatchWriteResult;
import io.ddbc.api.ConsumedCapacity.Units;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.aws.internal.ModelConverter;
import io.ddbc.aws.internal.TableSpecConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * ddbc results as SDK response parts, for {@code EmbeddedDynamoDbClient}, and table specs both ways
 * through the aws module's {@link TableSpecConverter} (an SDK CreateTable request describes a table the
 * same way a TableDescription does). Thread-safe.
 */
public final class FacadeResponses {
    private final Function<String, TableSpec> specs;

    public FacadeResponses(Function<String, TableSpec> specs) {
        this.specs = specs;
    }

    public static Map<String, AttributeValue> item(Item item) {
        return item == null ? null : ModelConverter.toSdk(item);
    }

    public static List<Map<String, AttributeValue>> items(List<Item> items) {
        List<Map<String, AttributeValue>> out = new ArrayList<>(items.size());
        for (Item i : items) out.add(ModelConverter.toSdk(i));
        return out;
    }

    /** The capacity a request asked for: null for NONE, totals per table for TOTAL, plus the breakdown for INDEXES. */
    public List<ConsumedCapacity> capacity(io.ddbc.api.ConsumedCapacity c, ReturnConsumedCapacity asked) {
        if (asked == null || asked == ReturnConsumedCapacity.NONE) return null;
        List<ConsumedCapacity> out = new ArrayList<>();
        for (String table : c.tableNames()) {
            Units own = c.table(table);
            Units total = own;
            for (Units u : c.indexes(table).values()) total = total.plus(u);
            ConsumedCapacity.Builder b = ConsumedCapacity.builder().tableName(table).capacityUnits(total.total())
                    .readCapacityUnits(total.read()).writeCapacityUnits(total.write());
            if (asked == ReturnConsumedCapacity.INDEXES) indexes(b, table, own, c.indexes(table));
            out.add(b.build());
        }
        return out;
    }

    /** One request's capacity (single-table operations). */
    public ConsumedCapacity capacityOne(io.ddbc.api.ConsumedCapacity c, ReturnConsumedCapacity asked, String table) {
        List<ConsumedCapacity> all = capacity(c, asked);
        if (all == null) return null;
        return all.isEmpty() ? ConsumedCapacity.builder().tableName(table).capacityUnits(0.0).build() : all.get(0);
    }

    private void indexes(ConsumedCapacity.Builder b, String table, Units own, Map<String, Units> indexes) {
        b.table(capacity(own));
        Map<String, Capacity> global = new LinkedHashMap<>();
        Map<String, Capacity> local = new LinkedHashMap<>();
        TableSpec spec = specs.apply(table);
        indexes.forEach((name, u) -> {
            boolean isGlobal = spec.index(name).map(i -> i.isGlobal()).orElse(true);
            (isGlobal ? global : local).put(name, capacity(u));
        });
        if (!global.isEmpty()) b.globalSecondaryIndexes(global);
        if (!local.isEmpty()) b.localSecondaryIndexes(local);
    }

    private static Capacity capacity(Units u) {
        return Capacity.builder().capacityUnits(u.total()).readCapacityUnits(u.read()).writeCapacityUnits(u.write()).build();
    }

    public static Map<String, List<Map<String, AttributeValue>>> batchItems(BatchGetResult r) {
        Map<String, List<Map<String, AttributeValue>>> out = new LinkedHashMap<>();
        r.items().forEach((t, l) -> out.put(t, items(l)));
        return out;
    }

    public static Map<String, KeysAndAttributes> unprocessedKeys(BatchGetResult r) {
        Map<String, KeysAndAttributes> out = new LinkedHashMap<>();
        for (Map.Entry<String, BatchGetRequest.TableKeys> e : r.unprocessed().entrySet()) {
            BatchGetRequest.TableKeys tk = e.getValue();
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (Key k : tk.keys()) keys.add(ModelConverter.toSdk(k));
            KeysAndAttributes.Builder b = KeysAndAttributes.builder().keys(keys)
                    .consistentRead(tk.consistency() == io.ddbc.api.Consistency.STRONG).projectionExpression(tk.projection());
            if (!tk.expressions().names().isEmpty()) b.expressionAttributeNames(tk.expressions().names());
            out.put(e.getKey(), b.build());
        }
        return out;
    }

    public static Map<String, List<WriteRequest>> unprocessedWrites(BatchWriteResult r) {
        Map<String, List<WriteRequest>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<BatchWriteRequest.Write>> e : r.unprocessed().entrySet()) {
            List<WriteRequest> list = new ArrayList<>();
            for (BatchWriteRequest.Write w : e.getValue()) {
                list.add(w.isPut() ? WriteRequest.builder().putRequest(PutRequest.builder().item(ModelConverter.toSdk(w.item())).build()).build()
                        : WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(ModelConverter.toSdk(w.key())).build()).build());
            }
            out.put(e.getKey(), list);
        }
        return out;
    }

    // ------------------------------------------------------------------------------ tables

    /** An SDK CreateTable request as a ddbc table spec (on-demand when it names no billing mode and no throughput). */
    public static TableSpec spec(CreateTableRequest r) {
        boolean onDemand = r.billingMode() == BillingMode.PAY_PER_REQUEST || r.provisionedThroughput() == null;
        TableDescription.Builder d = TableDescription.builder().tableName(r.tableName()).tableStatus("ACTIVE").keySchema(r.keySchema())
                .attributeDefinitions(r.attributeDefinitions())
                .billingModeSummary(BillingModeSummary.builder().billingMode(onDemand ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED).build());
        if (!onDemand) d.provisionedThroughput(throughput(r.provisionedThroughput()));
        indexes(d, onDemand ? r.toBuilder().globalSecondaryIndexes(withoutThroughput(r.globalSecondaryIndexes())).build() : r);
        return TableSpecConverter.fromSdk(d.build()).spec();
    }

    /** A ddbc table description as the SDK's. */
    public static TableDescription description(io.ddbc.api.TableDescription t) {
        CreateTableRequest c = TableSpecConverter.toCreateRequest(t.spec());
        Instant created = t.createdAt();
        TableDescription.Builder d = TableDescription.builder().tableName(c.tableName()).keySchema(c.keySchema())
                .attributeDefinitions(c.attributeDefinitions()).tableStatus(t.status()).itemCount(t.itemCount())
                .tableSizeBytes(t.sizeBytes()).creationDateTime(created)
                .billingModeSummary(BillingModeSummary.builder().billingMode(c.billingMode() == null ? BillingMode.PROVISIONED : c.billingMode()).build());
        if (c.provisionedThroughput() != null) d.provisionedThroughput(throughput(c.provisionedThroughput()));
        indexes(d, c);
        return d.build();
    }

    /** The request's indexes as the description's (active, with their throughput if they have one). */
    private static void indexes(TableDescription.Builder d, CreateTableRequest c) {
        List<GlobalSecondaryIndexDescription> gsis = new ArrayList<>();
        for (GlobalSecondaryIndex g : c.globalSecondaryIndexes()) {
            GlobalSecondaryIndexDescription.Builder gd = GlobalSecondaryIndexDescription.builder().indexName(g.indexName())
                    .keySchema(g.keySchema()).projection(g.projection()).indexStatus(IndexStatus.ACTIVE);
            if (g.provisionedThroughput() != null) gd.provisionedThroughput(throughput(g.provisionedThroughput()));
            gsis.add(gd.build());
        }
        List<LocalSecondaryIndexDescription> lsis = new ArrayList<>();
        for (LocalSecondaryIndex l : c.localSecondaryIndexes()) {
            lsis.add(LocalSecondaryIndexDescription.builder().indexName(l.indexName()).keySchema(l.keySchema()).projection(l.projection()).build());
        }
        if (!gsis.isEmpty()) d.globalSecondaryIndexes(gsis);
        if (!lsis.isEmpty()) d.localSecondaryIndexes(lsis);
    }

    /** On-demand tables: index throughput given anyway is ignored, as the table's billing decides. */
    private static List<GlobalSecondaryIndex> withoutThroughput(List<GlobalSecondaryIndex> gsis) {
        List<GlobalSecondaryIndex> out = new ArrayList<>();
        for (GlobalSecondaryIndex g : gsis) out.add(g.toBuilder().provisionedThroughput((software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput) null).build());
        return out;
    }

    private static ProvisionedThroughputDescription throughput(software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput p) {
        return ProvisionedThroughputDescription.builder().readCapacityUnits(p.readCapacityUnits()).writeCapacityUnits(p.writeCapacityUnits()).build();
    }
}
