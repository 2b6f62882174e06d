package io.ddbc.aws.internal;

import io.ddbc.api.DdbcConfigException;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * ddbc's table declarations on DynamoDB: which tables have a managed version attribute, kept in one small
 * table, {@value #TABLE} (key {@value #KEY}, on demand, created on first declaration), so that every process
 * finds them — DynamoDB itself stores nothing of the kind. Why a table and not a table tag: DynamoDB Local
 * refuses tagging, and on AWS tags are only eventually consistent; a strongly consistent read of one item
 * here is exact and costs 1 RCU per table per client (the client core describes a table once).
 *
 * <p>The SDK's exceptions are left to the caller, which maps them (a missing metadata table is "no declaration").
 */
public final class VersionDeclarations {
    /** The metadata table's name. */
    public static final String TABLE = "ddbc_metadata";
    static final String KEY = "tableName";
    static final String VERSION = "versionAttribute";

    private final DynamoDbClient client;

    public VersionDeclarations(DynamoDbClient client) {
        this.client = client;
    }

    /** The version attribute declared for {@code table}, read strongly; empty if none (or no metadata table yet). */
    public Optional<String> lookup(String table) {
        GetItemResponse r;
        try {
            r = client.getItem(b -> b.tableName(TABLE).key(Map.of(KEY, s(table))).consistentRead(true));
        } catch (ResourceNotFoundException noMetadataTable) {
            return Optional.empty();
        }
        if (!r.hasItem() || r.item().isEmpty() || !r.item().containsKey(VERSION)) return Optional.empty();
        return Optional.ofNullable(r.item().get(VERSION).s());
    }

    /**
     * Declares {@code attribute} for {@code table} unless it is declared already.
     *
     * @param replaceOther whether another attribute already declared is replaced (a declaration left by a table
     *                     deleted outside ddbc) rather than refused
     * @return true if the declaration is new (none existed before)
     * @throws DdbcConfigException if another attribute is declared and not {@code replaceOther}
     */
    public boolean declare(String table, String attribute, boolean replaceOther) {
        ensureTable();
        try {
            PutItemResponse r = client.putItem(b -> b.tableName(TABLE).item(Map.of(KEY, s(table), VERSION, s(attribute)))
                    .conditionExpression("attribute_not_exists(#k) OR #v = :v")
                    .expressionAttributeNames(Map.of("#k", KEY, "#v", VERSION))
                    .expressionAttributeValues(Map.of(":v", s(attribute)))
                    .returnValues(ReturnValue.ALL_OLD));
            return !r.hasAttributes() || r.attributes().isEmpty();
        } catch (ConditionalCheckFailedException other) {
            String existing = lookup(table).orElse("?");
            if (!replaceOther) {
                throw new DdbcConfigException("Table '" + table + "' is already declared with version attribute '" + existing
                        + "' (in " + TABLE + "); cannot declare '" + attribute + "' as well");
            }
            client.putItem(b -> b.tableName(TABLE).item(Map.of(KEY, s(table), VERSION, s(attribute))));
            return false;
        }
    }

    /** Removes the declaration of {@code table}, if any. */
    public void remove(String table) {
        try {
            client.deleteItem(b -> b.tableName(TABLE).key(Map.of(KEY, s(table))));
        } catch (ResourceNotFoundException noMetadataTable) {
            // nothing was declared
        }
    }

    /** Creates the metadata table if it does not exist and waits until it is ACTIVE (another process may be creating it too). */
    private void ensureTable() {
        try {
            client.describeTable(b -> b.tableName(TABLE));
            return;
        } catch (ResourceNotFoundException absent) {
            // create it below
        }
        try {
            client.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName(KEY).attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName(KEY).keyType(KeyType.HASH)));
        } catch (ResourceInUseException racing) {
            // another process created it first
        }
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).build()) {
            waiter.waitUntilTableExists(b -> b.tableName(TABLE));
        }
    }

    private static AttributeValue s(String v) {
        return AttributeValue.builder().s(v).build();
    }
}
