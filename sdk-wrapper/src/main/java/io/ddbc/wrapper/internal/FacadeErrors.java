package io.ddbc.wrapper.internal;

import io.ddbc.api.CancellationReason;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.DdbcException;
import io.ddbc.aws.internal.ModelConverter;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * ddbc exceptions as the SDK exceptions DynamoDB would have raised, so code written against
 * {@code DynamoDbClient} (and the Enhanced Client) sees the same types: the inverse of the aws module's
 * {@code ErrorMapper}. Stateless.
 */
public final class FacadeErrors {
    private FacadeErrors() {
    }

    public static DynamoDbException toSdk(DdbcException e) {
        if (e instanceof ConditionFailedException c) {
            var b = ConditionalCheckFailedException.builder().message(e.getMessage()).statusCode(400)
                    .awsErrorDetails(details("ConditionalCheckFailedException", e, 400)).cause(e);
            c.currentItem().ifPresent(i -> b.item(ModelConverter.toSdk(i)));
            return (DynamoDbException) b.build();
        }
        if (e instanceof io.ddbc.api.TransactionCanceledException t) {
            List<software.amazon.awssdk.services.dynamodb.model.CancellationReason> reasons = new ArrayList<>();
            for (CancellationReason r : t.reasons()) {
                var rb = software.amazon.awssdk.services.dynamodb.model.CancellationReason.builder().code(r.code()).message(r.message().orElse(null));
                r.item().ifPresent(i -> rb.item(ModelConverter.toSdk(i)));
                reasons.add(rb.build());
            }
            return (DynamoDbException) TransactionCanceledException.builder().message(e.getMessage()).cancellationReasons(reasons).statusCode(400)
                    .awsErrorDetails(details("TransactionCanceledException", e, 400)).cause(e).build();
        }
        if (e instanceof io.ddbc.api.ResourceNotFoundException) return plain(ResourceNotFoundException.builder(), "ResourceNotFoundException", 400, e);
        if (e instanceof io.ddbc.api.ResourceInUseException) return plain(ResourceInUseException.builder(), "ResourceInUseException", 400, e);
        if (e instanceof io.ddbc.api.ThrottlingException) {
            return plain(ProvisionedThroughputExceededException.builder(), "ProvisionedThroughputExceededException", 400, e);
        }
        if (e instanceof io.ddbc.api.TransactionConflictException) return plain(TransactionConflictException.builder(), "TransactionConflictException", 400, e);
        if (e instanceof io.ddbc.api.BackendUnavailableException) return plain(InternalServerErrorException.builder(), "InternalServerError", 500, e);
        return plain(DynamoDbException.builder(), "ValidationException", 400, e);
    }

    /** An unexpected failure inside the engine or the facade, as DynamoDB reports its own faults (500, InternalServerError). */
    public static DynamoDbException internal(RuntimeException e) {
        String message = "Internal error in the embedded engine (a ddbc bug, please report it): " + e;
        return (DynamoDbException) InternalServerErrorException.builder().message(message).statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").errorMessage(message).serviceName("DynamoDb").build())
                .cause(e).build();
    }

    /**
     * The error for an SDK operation the engine does not model: DynamoDB's code for an operation it does not
     * know, with a message that names the operation and what to use instead.
     */
    public static DynamoDbException unsupported(String operation, String instead) {
        String message = operation + " is not supported by EmbeddedDynamoDbClient: " + instead;
        return (DynamoDbException) DynamoDbException.builder().message(message).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnknownOperationException").errorMessage(message)
                        .serviceName("DynamoDb").build()).build();
    }

    private static DynamoDbException plain(DynamoDbException.Builder b, String code, int status, DdbcException e) {
        return (DynamoDbException) b.message(e.getMessage()).statusCode(status).awsErrorDetails(details(code, e, status)).cause(e).build();
    }

    private static AwsErrorDetails details(String code, Exception e, int status) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(e.getMessage()).serviceName("DynamoDb").build();
    }
}
