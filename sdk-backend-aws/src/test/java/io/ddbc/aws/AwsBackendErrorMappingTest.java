package io.ddbc.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.CancellationReason;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DdbcException;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.ResourceNotFoundException;
import io.ddbc.api.ThrottlingException;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.TransactionConflictException;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.Builder;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Each DynamoDB error, thrown by a mocked DynamoDbClient, arrives as the right ddbc exception. */
class AwsBackendErrorMappingTest {
    private static final String TABLE = "accounts";
    private static final Key KEY = Key.of("id", "alice");

    private final DynamoDbClient client = mock(DynamoDbClient.class);
    private final AwsBackend backend = AwsBackend.wrap(client, "aws:test");

    private static DynamoDbException error(String code, int status, String message) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).message(message).build();
    }

    static Stream<Arguments> serviceErrors() {
        return Stream.of(
                Arguments.of("ProvisionedThroughputExceededException", 400, ThrottlingException.class, true),
                Arguments.of("ThrottlingException", 400, ThrottlingException.class, true),
                Arguments.of("RequestLimitExceeded", 400, ThrottlingException.class, true),
                Arguments.of("LimitExceededException", 400, ThrottlingException.class, true),
                Arguments.of("TransactionConflictException", 400, TransactionConflictException.class, true),
                Arguments.of("TransactionInProgressException", 400, TransactionConflictException.class, true),
                Arguments.of("ResourceNotFoundException", 400, ResourceNotFoundException.class, false),
                Arguments.of("ValidationException", 400, ValidationException.class, false),
                Arguments.of("ResourceInUseException", 400, io.ddbc.api.ResourceInUseException.class, false),
                Arguments.of("ItemCollectionSizeLimitExceededException", 400, ValidationException.class, false),
                Arguments.of("IdempotentParameterMismatchException", 400, ValidationException.class, false),
                Arguments.of("UnrecognizedClientException", 400, DdbcConfigException.class, false),
                Arguments.of("AccessDeniedException", 400, DdbcConfigException.class, false),
                Arguments.of("InternalServerError", 500, BackendUnavailableException.class, true),
                Arguments.of("ServiceUnavailable", 503, BackendUnavailableException.class, true),
                Arguments.of("SomethingNew", 502, BackendUnavailableException.class, true),
                Arguments.of("SomethingNew", 400, DdbcException.class, false));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("serviceErrors")
    void serviceErrorMapsByCode(String code, int status, Class<? extends DdbcException> expected, boolean retryable) {
        DynamoDbException sdk = error(code, status, "message from DynamoDB for " + code);
        when(client.getItem(any(GetItemRequest.class))).thenThrow(sdk);
        DdbcException e = assertThrows(DdbcException.class, () -> backend.get(GetRequest.builder(TABLE, KEY).build()));
        assertEquals(expected, e.getClass());
        assertEquals(retryable, e.isRetryable());
        assertTrue(e.getMessage().contains("message from DynamoDB for " + code), e.getMessage());
        assertTrue(e.getMessage().contains("GetItem on table 'accounts'"), e.getMessage());
        assertSame(sdk, e.getCause());
    }

    @Test
    void typedSdkExceptionWithoutDetailsMapsByItsClass() {
        when(client.getItem(any(GetItemRequest.class))).thenThrow(ProvisionedThroughputExceededException.builder().message("slow down").build());
        assertThrows(ThrottlingException.class, () -> backend.get(GetRequest.builder(TABLE, KEY).build()));
        Builder notFound = software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.builder().message("gone");
        when(client.getItem(any(GetItemRequest.class))).thenThrow(notFound.build());
        assertThrows(ResourceNotFoundException.class, () -> backend.get(GetRequest.builder(TABLE, KEY).build()));
    }

    @Test
    void validationKeepsDynamoDbsMessage() {
        String dynamo = "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: pad";
        when(client.updateItem(any(UpdateItemRequest.class))).thenThrow(error("ValidationException", 400, dynamo));
        ValidationException e = assertThrows(ValidationException.class,
                () -> backend.update(UpdateRequest.builder(TABLE, KEY).expression("SET pad = :p").value(":p", 1).build()));
        assertTrue(e.getMessage().startsWith(dynamo), e.getMessage());
        assertTrue(e.getMessage().contains("key {\"id\":{\"S\":\"alice\"}}"), e.getMessage());
    }

    @Test
    void conditionalCheckFailureCarriesItemTableKeyAndCondition() {
        Map<String, AttributeValue> current = Map.of("id", AttributeValue.fromS("alice"), "balance", AttributeValue.fromN("10"));
        when(client.updateItem(any(UpdateItemRequest.class))).thenThrow(ConditionalCheckFailedException.builder()
                .message("The conditional request failed").item(current).statusCode(400).build());
        ConditionFailedException e = assertThrows(ConditionFailedException.class, () -> backend.update(UpdateRequest.builder(TABLE, KEY)
                .expression("SET balance = balance - :a").condition("balance >= :a").value(":a", 50).build()));
        assertEquals(Item.of("id", "alice", "balance", 10), e.currentItem().orElseThrow());
        assertEquals(TABLE, e.tableName());
        assertEquals(KEY, e.key().orElseThrow());
        assertEquals("balance >= :a", e.condition().orElseThrow());
        assertFalse(e.isRetryable());
    }

    @Test
    void conditionalCheckFailureWithoutItem() {
        when(client.putItem(any(PutItemRequest.class))).thenThrow(ConditionalCheckFailedException.builder().message("failed").build());
        ConditionFailedException e = assertThrows(ConditionFailedException.class, () -> backend.put(PutRequest.builder(TABLE,
                Item.of("id", "alice")).condition("attribute_not_exists(id)").returnItemOnConditionFailure(false).build()));
        assertTrue(e.currentItem().isEmpty());
        assertTrue(e.getMessage().contains("attribute_not_exists(id)"), e.getMessage());
    }

    @Test
    void transactionCancellationKeepsEachReason() {
        var reasons = List.of(
                software.amazon.awssdk.services.dynamodb.model.CancellationReason.builder().code("ConditionalCheckFailed")
                        .message("The conditional request failed").item(Map.of("id", AttributeValue.fromS("alice"))).build(),
                software.amazon.awssdk.services.dynamodb.model.CancellationReason.builder().code("None").build(),
                software.amazon.awssdk.services.dynamodb.model.CancellationReason.builder().code("TransactionConflict")
                        .message("Transaction is ongoing for the item").build());
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class))).thenThrow(
                software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException.builder().message("cancelled")
                        .cancellationReasons(reasons).build());
        TransactionCanceledException e = assertThrows(TransactionCanceledException.class, () -> backend.transactWrite(
                TransactWriteRequest.builder().put(TABLE, Item.of("id", "alice")).put(TABLE, Item.of("id", "bob"))
                        .put(TABLE, Item.of("id", "carol")).build()));
        assertEquals(List.of(
                new CancellationReason("ConditionalCheckFailed", "The conditional request failed", Item.of("id", "alice")),
                new CancellationReason("None", null, null),
                new CancellationReason("TransactionConflict", "Transaction is ongoing for the item", null)), e.reasons());
        assertFalse(e.isRetryable(), "a condition failure is not transient");
    }

    @Test
    void ioFailureAndTimeoutAreRetryableUnavailability() {
        when(client.getItem(any(GetItemRequest.class))).thenThrow(SdkClientException.create("Unable to execute HTTP request",
                new IOException("Connection refused")));
        BackendUnavailableException io = assertThrows(BackendUnavailableException.class, () -> backend.get(GetRequest.builder(TABLE, KEY).build()));
        assertTrue(io.isRetryable());
        when(client.getItem(any(GetItemRequest.class))).thenThrow(ApiCallTimeoutException.create(1000));
        assertThrows(BackendUnavailableException.class, () -> backend.get(GetRequest.builder(TABLE, KEY).build()));
    }

    /** Only a connection never made proves a write was not applied; a timeout, a reset or a 5xx may come after. */
    @Test
    void unavailabilitySaysWhetherTheRequestMayHaveBeenApplied() {
        when(client.getItem(any(GetItemRequest.class))).thenThrow(SdkClientException.create("Unable to execute HTTP request",
                new java.net.ConnectException("Connection refused")));
        assertFalse(assertThrows(BackendUnavailableException.class, () -> backend.get(GetRequest.builder(TABLE, KEY).build())).mayHaveBeenApplied());
        when(client.getItem(any(GetItemRequest.class))).thenThrow(SdkClientException.create("Unable to execute HTTP request",
                new IOException("Connection reset")));
        assertTrue(assertThrows(BackendUnavailableException.class, () -> backend.get(GetRequest.builder(TABLE, KEY).build())).mayHaveBeenApplied());
        when(client.getItem(any(GetItemRequest.class))).thenThrow(ApiCallTimeoutException.create(1000));
        assertTrue(assertThrows(BackendUnavailableException.class, () -> backend.get(GetRequest.builder(TABLE, KEY).build())).mayHaveBeenApplied());
        when(client.getItem(any(GetItemRequest.class))).thenThrow(software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder()
                .statusCode(500).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("InternalServerError").errorMessage("Internal server error").build()).build());
        assertTrue(assertThrows(BackendUnavailableException.class, () -> backend.get(GetRequest.builder(TABLE, KEY).build())).mayHaveBeenApplied());
    }

    @Test
    void missingCredentialsAreConfigurationErrors() {
        when(client.getItem(any(GetItemRequest.class))).thenThrow(SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain"));
        DdbcConfigException e = assertThrows(DdbcConfigException.class, () -> backend.get(GetRequest.builder(TABLE, KEY).build()));
        assertFalse(e.isRetryable());
    }

    @Test
    void multiTableErrorsNameTheTables() {
        when(client.transactWriteItems(any(TransactWriteItemsRequest.class))).thenThrow(error("ValidationException", 400,
                "Transaction request cannot include multiple operations on one item"));
        ValidationException e = assertThrows(ValidationException.class, () -> backend.transactWrite(TransactWriteRequest.builder()
                .put(TABLE, Item.of("id", "alice")).put("users", Item.of("id", "u")).put(TABLE, Item.of("id", "alice")).build()));
        assertTrue(e.getMessage().contains("TransactWriteItems on tables [accounts, users]"), e.getMessage());
    }

    @Test
    void unknownServiceExceptionKeepsItsMessage() {
        AwsServiceException odd = AwsServiceException.builder().message("odd").statusCode(418).build();
        when(client.getItem(any(GetItemRequest.class))).thenThrow(odd);
        DdbcException e = assertThrows(DdbcException.class, () -> backend.get(GetRequest.builder(TABLE, KEY).build()));
        assertInstanceOf(DdbcException.class, e);
        assertTrue(e.getMessage().contains("odd"), e.getMessage());
        assertFalse(e.isRetryable());
    }
}
