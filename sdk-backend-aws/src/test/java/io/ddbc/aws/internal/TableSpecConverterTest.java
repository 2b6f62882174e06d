package io.ddbc.aws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Billing;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Projection;
import io.ddbc.api.TableDescription;
import io.ddbc.api.TableSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class TableSpecConverterTest {
    private static final TableSpec PROVISIONED = TableSpec.builder("orders").partitionKey("customer", AttributeValue.Type.S)
            .sortKey("no", AttributeValue.Type.N).billing(Billing.provisioned(10, 5))
            .globalIndex(IndexSpec.global("by_status").partitionKey("status", AttributeValue.Type.S).sortKey("no", AttributeValue.Type.N)
                    .projection(Projection.include("total", "placed")).build())
            .globalIndex(IndexSpec.global("by_sku").partitionKey("sku", AttributeValue.Type.B).projection(Projection.keysOnly())
                    .throughput(Billing.provisioned(2, 1)).build())
            .localIndex(IndexSpec.local("by_placed").sortKey("placed", AttributeValue.Type.S).build())
            .versionAttribute("v").build();

    @Test
    void createRequestDefinesEachKeyAttributeOnce() {
        CreateTableRequest r = TableSpecConverter.toCreateRequest(PROVISIONED);
        assertEquals(BillingMode.PROVISIONED, r.billingMode());
        assertEquals(10L, r.provisionedThroughput().readCapacityUnits());
        List<String> defined = new ArrayList<>();
        for (AttributeDefinition d : r.attributeDefinitions()) defined.add(d.attributeName() + ":" + d.attributeType());
        assertEquals(List.of("customer:S", "no:N", "status:S", "sku:B", "placed:S"), defined);
        GlobalSecondaryIndex status = r.globalSecondaryIndexes().get(0);
        assertEquals(ProjectionType.INCLUDE, status.projection().projectionType());
        assertEquals(List.of("total", "placed"), status.projection().nonKeyAttributes());
        assertEquals(10L, status.provisionedThroughput().readCapacityUnits(), "a GSI without throughput gets the table's");
        assertEquals(2L, r.globalSecondaryIndexes().get(1).provisionedThroughput().readCapacityUnits());
        LocalSecondaryIndex lsi = r.localSecondaryIndexes().get(0);
        assertEquals("customer", lsi.keySchema().get(0).attributeName());
        assertEquals("placed", lsi.keySchema().get(1).attributeName());
    }

    @Test
    void onDemandSendsNoThroughput() {
        TableSpec spec = TableSpec.builder("users").partitionKey("id", AttributeValue.Type.S)
                .globalIndex(IndexSpec.global("by_mail").partitionKey("mail", AttributeValue.Type.S).build()).build();
        CreateTableRequest r = TableSpecConverter.toCreateRequest(spec);
        assertEquals(BillingMode.PAY_PER_REQUEST, r.billingMode());
        assertNull(r.provisionedThroughput());
        assertNull(r.globalSecondaryIndexes().get(0).provisionedThroughput());
        assertEquals(List.of(), r.localSecondaryIndexes());
    }

    @Test
    void onDemandIndexWithThroughputIsRejectedAsDynamoDbDoes() {
        TableSpec spec = TableSpec.builder("users").partitionKey("id", AttributeValue.Type.S)
                .globalIndex(IndexSpec.global("by_mail").partitionKey("mail", AttributeValue.Type.S).throughput(Billing.provisioned(1, 1)).build())
                .build();
        io.ddbc.api.ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(io.ddbc.api.ValidationException.class,
                () -> TableSpecConverter.toCreateRequest(spec));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("index: by_mail when BillingMode is PAY_PER_REQUEST"), e.getMessage());
    }

    /** A description built as DynamoDB would from the create request converts back to the spec, minus the version attribute. */
    @Test
    void describedSpecRoundTripsWithoutVersionAttribute() {
        CreateTableRequest r = TableSpecConverter.toCreateRequest(PROVISIONED);
        List<GlobalSecondaryIndexDescription> gsis = new ArrayList<>();
        for (GlobalSecondaryIndex g : r.globalSecondaryIndexes()) {
            gsis.add(GlobalSecondaryIndexDescription.builder().indexName(g.indexName()).keySchema(g.keySchema()).projection(g.projection())
                    .provisionedThroughput(ProvisionedThroughputDescription.builder().readCapacityUnits(g.provisionedThroughput().readCapacityUnits())
                            .writeCapacityUnits(g.provisionedThroughput().writeCapacityUnits()).build()).build());
        }
        List<LocalSecondaryIndexDescription> lsis = new ArrayList<>();
        for (LocalSecondaryIndex l : r.localSecondaryIndexes()) {
            lsis.add(LocalSecondaryIndexDescription.builder().indexName(l.indexName()).keySchema(l.keySchema()).projection(l.projection()).build());
        }
        Instant created = Instant.parse("2026-01-02T03:04:05Z");
        var d = software.amazon.awssdk.services.dynamodb.model.TableDescription.builder().tableName("orders").keySchema(r.keySchema())
                .attributeDefinitions(r.attributeDefinitions()).globalSecondaryIndexes(gsis).localSecondaryIndexes(lsis)
                .provisionedThroughput(ProvisionedThroughputDescription.builder().readCapacityUnits(10L).writeCapacityUnits(5L).build())
                .billingModeSummary(BillingModeSummary.builder().billingMode(BillingMode.PROVISIONED).build())
                .tableStatus(TableStatus.ACTIVE).itemCount(3L).tableSizeBytes(300L).creationDateTime(created).build();
        TableDescription t = TableSpecConverter.fromSdk(d);
        assertEquals(PROVISIONED.toBuilder().build().toString().replace(", version=v", ""), t.spec().toString());
        assertEquals(TableSpec.builder("orders").partitionKey("customer", AttributeValue.Type.S).sortKey("no", AttributeValue.Type.N)
                .billing(Billing.provisioned(10, 5)).globalIndex(PROVISIONED.globalIndexes().get(0)).globalIndex(PROVISIONED.globalIndexes().get(1))
                .localIndex(IndexSpec.local("by_placed").sortKey("placed", AttributeValue.Type.S).build()).build(), t.spec());
        assertEquals("ACTIVE", t.status());
        assertEquals(3, t.itemCount());
        assertEquals(300, t.sizeBytes());
        assertEquals(created, t.createdAt());
    }

    @Test
    void onDemandDescription() {
        var d = software.amazon.awssdk.services.dynamodb.model.TableDescription.builder().tableName("users")
                .keySchema(software.amazon.awssdk.services.dynamodb.model.KeySchemaElement.builder().attributeName("id").keyType("HASH").build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.N).build())
                .provisionedThroughput(ProvisionedThroughputDescription.builder().readCapacityUnits(0L).writeCapacityUnits(0L).build())
                .billingModeSummary(BillingModeSummary.builder().billingMode(BillingMode.PAY_PER_REQUEST).build())
                .tableStatus(TableStatus.CREATING).build();
        TableDescription t = TableSpecConverter.fromSdk(d);
        assertEquals(TableSpec.builder("users").partitionKey("id", AttributeValue.Type.N).build(), t.spec());
        assertEquals("CREATING", t.status());
    }
}
