package io.ddbc.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ddbc.embedded.EmbeddedBackend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The facade is complete or says why not: every {@link DynamoDbClient} method either works or raises a
 * {@link DynamoDbException} whose message names the operation (and what to use instead), and the SDK's
 * waiters, ResourceInUseException and ReturnValuesOnConditionCheckFailure behave as on DynamoDB.
 */
class EmbeddedDynamoDbClientCompletenessTest {
    private EmbeddedDynamoDbClient sdk;

    @BeforeEach
    void setUp() {
        sdk = EmbeddedDynamoDbClient.over(EmbeddedBackend.inMemory(2));
        sdk.createTable(b -> b.tableName("things").keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
    }

    @AfterEach
    void tearDown() {
        sdk.backend().close();
    }

    /** DynamoDB's operation name for an SDK method name: getItem -> GetItem, batchGetItemPaginator -> BatchGetItem. */
    private static String operation(Method m) {
        String name = m.getName().replace("Paginator", "");
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** An empty request of the method's parameter type, or a no-op consumer for the Consumer overloads. */
    private static Object[] emptyArguments(Method m) throws ReflectiveOperationException {
        Class<?>[] types = m.getParameterTypes();
        if (types.length == 0) return new Object[0];
        if (types[0] == Consumer.class) return new Object[] {(Consumer<Object>) b -> { }};
        Object builder = types[0].getMethod("builder").invoke(null);
        Method build = builder.getClass().getMethod("build");
        build.setAccessible(true);
        return new Object[] {build.invoke(builder)};
    }

    @Test
    void everyOperationWorksOrSaysWhyNot() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Method m : DynamoDbClient.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != DynamoDbClient.class) continue;
            if (m.getParameterCount() > 1) continue;
            if (m.getParameterCount() == 1 && !SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])
                    && m.getParameterTypes()[0] != Consumer.class) {
                continue;
            }
            if (m.getName().equals("serviceClientConfiguration")) continue;
            checked++;
            Object result;
            try {
                result = m.invoke(sdk, emptyArguments(m));
                // Paginators are lazy: a page is what reaches the engine.
                if (result instanceof Iterable<?> pages) pages.iterator().hasNext();
            } catch (InvocationTargetException e) {
                Throwable t = e.getCause();
                if (!(t instanceof DynamoDbException d)) {
                    failures.add(m + " threw " + t);
                    continue;
                }
                if (d.getMessage() == null || d.getMessage().isBlank()) failures.add(m + " threw a DynamoDbException with no message");
                String code = d.awsErrorDetails() == null ? null : d.awsErrorDetails().errorCode();
                if ("UnknownOperationException".equals(code) && !d.getMessage().startsWith(operation(m))) {
                    failures.add(m + ": the message does not name the operation: " + d.getMessage());
                }
            } catch (RuntimeException e) {
                failures.add(m + " threw " + e);
            }
        }
        assertTrue(checked > 100, "every overload was tried: " + checked);
        assertEquals(List.of(), failures);
    }

    @Test
    void unsupportedOperationsNameWhatToUseInstead() {
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> sdk.executeStatement(b -> b.statement("SELECT * FROM things")));
        assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
        assertTrue(e.getMessage().startsWith("ExecuteStatement is not supported by EmbeddedDynamoDbClient"), e.getMessage());
        assertTrue(e.getMessage().contains("use GetItem"), e.getMessage());
        assertEquals(400, e.statusCode());
    }

    @Test
    void waitersSeeTablesComeAndGo() {
        sdk.createTable(b -> b.tableName("waited").keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
        var exists = sdk.waiter().waitUntilTableExists(b -> b.tableName("waited"));
        assertEquals(TableStatus.ACTIVE, exists.matched().response().orElseThrow().table().tableStatus());
        sdk.deleteTable(b -> b.tableName("waited"));
        var gone = sdk.waiter().waitUntilTableNotExists(b -> b.tableName("waited"));
        assertTrue(gone.matched().exception().isPresent(), "not-exists is matched on ResourceNotFoundException");
    }

    @Test
    void creatingAnExistingTableIsResourceInUse() {
        ResourceInUseException e = assertThrows(ResourceInUseException.class, () -> sdk.createTable(b -> b.tableName("things")
                .keySchema(k -> k.attributeName("id").keyType("HASH")).attributeDefinitions(a -> a.attributeName("id").attributeType("S"))));
        assertEquals("ResourceInUseException", e.awsErrorDetails().errorCode());
        assertTrue(e.getMessage().startsWith("Cannot create preexisting table"), e.getMessage());
        assertTrue(e.getMessage().contains("things"), "ddbc's addition names the table: " + e.getMessage());
    }

    @Test
    void aConditionCheckReturnsTheItemOnlyWhenAllOldWasAsked() {
        Map<String, AttributeValue> key = Map.of("id", AttributeValue.fromS("a"));
        sdk.putItem(b -> b.tableName("things").item(Map.of("id", AttributeValue.fromS("a"), "n", AttributeValue.fromN("1"))));
        for (ReturnValuesOnConditionCheckFailure asked : new ReturnValuesOnConditionCheckFailure[] {null,
                ReturnValuesOnConditionCheckFailure.NONE, ReturnValuesOnConditionCheckFailure.ALL_OLD}) {
            TransactionCanceledException t = assertThrows(TransactionCanceledException.class, () -> sdk.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().conditionCheck(c -> c.tableName("things").key(key).conditionExpression("attribute_not_exists(id)")
                            .returnValuesOnConditionCheckFailure(asked)).build())));
            var reason = t.cancellationReasons().get(0);
            assertEquals("ConditionalCheckFailed", reason.code());
            if (asked == ReturnValuesOnConditionCheckFailure.ALL_OLD) {
                assertNotNull(reason.item());
                assertEquals(AttributeValue.fromN("1"), reason.item().get("n"));
            } else {
                assertFalse(reason.hasItem() && !reason.item().isEmpty(), "no item unless ALL_OLD was asked (" + asked + "): " + reason.item());
            }
        }
    }
}
