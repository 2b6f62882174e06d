package io.ddbc.aws.internal;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Billing;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.KeyAttribute;
import io.ddbc.api.Projection;
import io.ddbc.api.TableDescription;
import io.ddbc.api.TableSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Converts a {@link TableSpec} into a {@code CreateTableRequest} and a DynamoDB table description back
 * into a {@link TableDescription}.
 *
 * <p>Two things do not round-trip, by DynamoDB's design: the managed version attribute is ddbc's
 * notion, not DynamoDB's, so a described spec never has one (the client core is configured with it
 * separately); and on a provisioned table a GSI without its own throughput is created with the
 * table's, so a GSI whose throughput equals the table's is described without one. Stateless.
 */
public final class TableSpecConverter {
    private TableSpecConverter() {
    }

    // ------------------------------------------------------------------------------ spec -> SDK

    /** The CreateTable request for a spec. */
    public static CreateTableRequest toCreateRequest(TableSpec spec) {
        Map<String, ScalarAttributeType> definitions = new LinkedHashMap<>();
        define(definitions, spec.partitionKey());
        spec.sortKey().ifPresent(k -> define(definitions, k));
        boolean provisioned = spec.billing().mode() == Billing.Mode.PROVISIONED;
        CreateTableRequest.Builder b = CreateTableRequest.builder().tableName(spec.name())
                .keySchema(keySchema(spec.partitionKey(), spec.sortKey().orElse(null)))
                .billingMode(provisioned ? BillingMode.PROVISIONED : BillingMode.PAY_PER_REQUEST);
        if (provisioned) b.provisionedThroughput(throughput(spec.billing()));
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (IndexSpec i : spec.globalIndexes()) {
            define(definitions, i.partitionKey());
            i.sortKey().ifPresent(k -> define(definitions, k));
            GlobalSecondaryIndex.Builder g = GlobalSecondaryIndex.builder().indexName(i.name())
                    .keySchema(keySchema(i.partitionKey(), i.sortKey().orElse(null))).projection(projection(i.projection()));
            if (provisioned) {
                g.provisionedThroughput(throughput(i.throughput().orElse(spec.billing())));
            } else if (i.throughput().isPresent()) {
                throw new io.ddbc.api.ValidationException("One or more parameter values were invalid: ProvisionedThroughput should not be"
                        + " specified for index: " + i.name() + " when BillingMode is PAY_PER_REQUEST (table '" + spec.name() + "')");
            }
            gsis.add(g.build());
        }
        List<LocalSecondaryIndex> lsis = new ArrayList<>();
        for (IndexSpec i : spec.localIndexes()) {
            i.sortKey().ifPresent(k -> define(definitions, k));
            lsis.add(LocalSecondaryIndex.builder().indexName(i.name())
                    .keySchema(keySchema(spec.partitionKey(), i.sortKey().orElse(null))).projection(projection(i.projection())).build());
        }
        if (!gsis.isEmpty()) b.globalSecondaryIndexes(gsis);
        if (!lsis.isEmpty()) b.localSecondaryIndexes(lsis);
        List<AttributeDefinition> defs = new ArrayList<>();
        definitions.forEach((n, t) -> defs.add(AttributeDefinition.builder().attributeName(n).attributeType(t).build()));
        return b.attributeDefinitions(defs).build();
    }

    private static void define(Map<String, ScalarAttributeType> definitions, KeyAttribute k) {
        // TableSpec.build() already rejected one name declared with two types
        definitions.putIfAbsent(k.name(), ScalarAttributeType.fromValue(k.type().name()));
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute partition, KeyAttribute sort) {
        List<KeySchemaElement> out = new ArrayList<>(2);
        out.add(KeySchemaElement.builder().attributeName(partition.name()).keyType(KeyType.HASH).build());
        if (sort != null) out.add(KeySchemaElement.builder().attributeName(sort.name()).keyType(KeyType.RANGE).build());
        return out;
    }

    private static software.amazon.awssdk.services.dynamodb.model.Projection projection(Projection p) {
        var b = software.amazon.awssdk.services.dynamodb.model.Projection.builder()
                .projectionType(ProjectionType.fromValue(p.type().name()));
        if (p.type() == Projection.Type.INCLUDE) b.nonKeyAttributes(p.nonKeyAttributes());
        return b.build();
    }

    private static ProvisionedThroughput throughput(Billing billing) {
        if (billing.mode() != Billing.Mode.PROVISIONED) {
            throw new io.ddbc.api.ValidationException("A global secondary index of a provisioned table needs provisioned throughput, got "
                    + billing.mode());
        }
        return ProvisionedThroughput.builder().readCapacityUnits(billing.readCapacityUnits())
                .writeCapacityUnits(billing.writeCapacityUnits()).build();
    }

    // ------------------------------------------------------------------------------ SDK -> spec

    /** A DynamoDB table description as ddbc's (the spec has no version attribute; see the class comment). */
    public static TableDescription fromSdk(software.amazon.awssdk.services.dynamodb.model.TableDescription d) {
        Map<String, AttributeValue.Type> types = new LinkedHashMap<>();
        for (AttributeDefinition a : d.attributeDefinitions()) types.put(a.attributeName(), AttributeValue.Type.valueOf(a.attributeTypeAsString()));
        TableSpec.Builder b = TableSpec.builder(d.tableName());
        keys(d.keySchema(), types, b::partitionKey, b::sortKey);
        Billing billing = billing(d);
        b.billing(billing);
        for (GlobalSecondaryIndexDescription g : d.globalSecondaryIndexes()) {
            IndexSpec.Builder i = IndexSpec.global(g.indexName()).projection(projection(g.projection()));
            keys(g.keySchema(), types, i::partitionKey, i::sortKey);
            Billing own = billing.mode() == Billing.Mode.PROVISIONED ? provisioned(g.provisionedThroughput()) : null;
            if (own != null && !own.equals(billing)) i.throughput(own);
            b.globalIndex(i.build());
        }
        for (LocalSecondaryIndexDescription l : d.localSecondaryIndexes()) {
            IndexSpec.Builder i = IndexSpec.local(l.indexName()).projection(projection(l.projection()));
            keys(l.keySchema(), types, (n, t) -> i, i::sortKey); // an LSI's partition key is the table's
            b.localIndex(i.build());
        }
        Instant created = d.creationDateTime() == null ? Instant.EPOCH : d.creationDateTime();
        return new TableDescription(b.build(), d.tableStatusAsString(), orZero(d.itemCount()), orZero(d.tableSizeBytes()), created);
    }

    private interface KeySetter {
        Object set(String name, AttributeValue.Type type);
    }

    private static void keys(List<KeySchemaElement> schema, Map<String, AttributeValue.Type> types, KeySetter partition, KeySetter sort) {
        for (KeySchemaElement k : schema) {
            AttributeValue.Type t = types.get(k.attributeName());
            if (k.keyType() == KeyType.HASH) partition.set(k.attributeName(), t);
            else sort.set(k.attributeName(), t);
        }
    }

    private static Billing billing(software.amazon.awssdk.services.dynamodb.model.TableDescription d) {
        if (d.billingModeSummary() != null && d.billingModeSummary().billingMode() == BillingMode.PAY_PER_REQUEST) {
            return Billing.onDemand();
        }
        Billing p = provisioned(d.provisionedThroughput());
        return p == null ? Billing.onDemand() : p;
    }

    /** Throughput as provisioned billing; null when zero (what DynamoDB reports for on-demand). */
    private static Billing provisioned(ProvisionedThroughputDescription t) {
        if (t == null || t.readCapacityUnits() == null || t.readCapacityUnits() == 0) return null;
        return Billing.provisioned(t.readCapacityUnits(), t.writeCapacityUnits());
    }

    private static Projection projection(software.amazon.awssdk.services.dynamodb.model.Projection p) {
        if (p == null || p.projectionType() == null) return Projection.all();
        switch (p.projectionType()) {
            // The constructor checks NonKeyAttributes against the type, with DynamoDB's messages.
            case KEYS_ONLY: return new Projection(Projection.Type.KEYS_ONLY, p.nonKeyAttributes());
            case INCLUDE: return new Projection(Projection.Type.INCLUDE, p.nonKeyAttributes());
            default: return new Projection(Projection.Type.ALL, p.nonKeyAttributes());
        }
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
