package io.ddbc.aws.internal;

import io.ddbc.api.BackendUnavailableException;
import io.ddbc.api.CancellationReason;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DdbcException;
import io.ddbc.api.Key;
import io.ddbc.api.ResourceInUseException;
import io.ddbc.api.ResourceNotFoundException;
import io.ddbc.api.ThrottlingException;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.TransactionConflictException;
import io.ddbc.api.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Maps the AWS SDK's exceptions to ddbc's, by DynamoDB error code, keeping DynamoDB's message and
 * adding the operation and table so the message names what was at fault. The one place that knows
 * DynamoDB's error codes. Stateless; thread-safe.
 *
 * <table>
 *   <caption>mapping</caption>
 *   <tr><td>ConditionalCheckFailedException</td><td>{@link ConditionFailedException} with the current item when returned</td></tr>
 *   <tr><td>TransactionCanceledException</td><td>{@link TransactionCanceledException} with one reason per action</td></tr>
 *   <tr><td>ProvisionedThroughputExceededException, ThrottlingException, RequestLimitExceeded, LimitExceededException</td>
 *       <td>{@link ThrottlingException} (retryable)</td></tr>
 *   <tr><td>TransactionConflictException, TransactionInProgressException, ReplicatedWriteConflictException</td>
 *       <td>{@link TransactionConflictException} (retryable)</td></tr>
 *   <tr><td>ResourceNotFoundException</td><td>{@link ResourceNotFoundException}</td></tr>
 *   <tr><td>ResourceInUseException (e.g. creating a table that exists)</td><td>{@link ResourceInUseException}</td></tr>
 *   <tr><td>ValidationException, ItemCollectionSizeLimitExceededException,
 *       IdempotentParameterMismatchException, SerializationException</td><td>{@link ValidationException}</td></tr>
 *   <tr><td>credential errors (UnrecognizedClientException, AccessDeniedException, ...)</td><td>{@link DdbcConfigException}</td></tr>
 *   <tr><td>status 5xx, InternalServerError, ServiceUnavailable, I/O errors and timeouts</td>
 *       <td>{@link BackendUnavailableException} (retryable)</td></tr>
 * </table>
 */
public final class ErrorMapper {
    private ErrorMapper() {
    }

    /**
     * What a request was addressed to, for messages and for the fields of {@link ConditionFailedException}.
     *
     * @param operation DynamoDB's operation name, e.g. {@code PutItem}
     * @param table the table of a single-table operation, or null
     * @param key the item's key, or null when unknown
     * @param condition the condition expression as written, or null
     * @param tables the tables of a multi-table operation (batches, transactions); empty otherwise
     */
    public record Target(String operation, String table, Key key, String condition, List<String> tables) {
        /** Copies the tables. */
        public Target {
            tables = tables == null ? List.of() : List.copyOf(tables);
        }

        /** A single-item target. */
        public Target(String operation, String table, Key key, String condition) {
            this(operation, table, key, condition, List.of());
        }

        /** A target naming only the operation and table. */
        public static Target of(String operation, String table) {
            return new Target(operation, table, null, null);
        }

        /** A multi-table target (batch or transaction), tables in request order, each once. */
        public static Target ofTables(String operation, Collection<String> tables) {
            return new Target(operation, null, null, null, List.copyOf(new LinkedHashSet<>(tables)));
        }

        String describe() {
            String where = table != null ? " on table '" + table + "'" : tables.isEmpty() ? "" : " on tables " + tables;
            return operation + where + (key == null ? "" : ", key " + key);
        }
    }

    /** The ddbc exception for an SDK exception raised by a request to {@code target}. */
    public static DdbcException map(SdkException e, Target target) {
        if (e instanceof ConditionalCheckFailedException c) {
            return new ConditionFailedException(target.table(), target.key(), target.condition(),
                    c.hasItem() ? ModelConverter.itemOrNull(c.item()) : null);
        }
        if (e instanceof software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException t) {
            return new TransactionCanceledException(reasons(t));
        }
        if (e instanceof AwsServiceException s) return mapService(s, target);
        if (e instanceof SdkClientException c) return mapClient(c, target);
        return new DdbcException("AWS SDK error in " + target.describe() + ": " + e.getMessage(), e);
    }

    private static List<CancellationReason> reasons(software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException t) {
        List<CancellationReason> out = new ArrayList<>();
        if (!t.hasCancellationReasons()) return out;
        for (software.amazon.awssdk.services.dynamodb.model.CancellationReason r : t.cancellationReasons()) {
            String code = r.code() == null ? CancellationReason.NONE : r.code();
            out.add(new CancellationReason(code, r.message(), r.hasItem() ? ModelConverter.itemOrNull(r.item()) : null));
        }
        return out;
    }

    private static DdbcException mapService(AwsServiceException e, Target target) {
        String code = errorCode(e);
        String dynamoMessage = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? e.getMessage() : e.awsErrorDetails().errorMessage();
        String message = dynamoMessage + " (" + target.describe() + (code == null ? "" : ", " + code) + ")";
        switch (code == null ? "" : code) {
            case "ProvisionedThroughputExceededException":
            case "ThrottlingException":
            case "RequestLimitExceeded":
            case "RequestLimitExceededException":
            case "LimitExceededException":
                return new ThrottlingException(message, e);
            case "TransactionConflictException":
            case "TransactionInProgressException":
            case "ReplicatedWriteConflictException":
                return new TransactionConflictException(message, e);
            case "ResourceNotFoundException":
                return new ResourceNotFoundException(message, e);
            case "ResourceInUseException":
                return new ResourceInUseException(message, e);
            case "ValidationException":
            case "ItemCollectionSizeLimitExceededException":
            case "IdempotentParameterMismatchException":
            case "SerializationException":
                return new ValidationException(message, e);
            case "UnrecognizedClientException":
            case "AccessDeniedException":
            case "MissingAuthenticationToken":
            case "InvalidSignatureException":
            case "IncompleteSignature":
            case "ExpiredTokenException":
                return new DdbcConfigException("AWS rejected the credentials: " + message, e);
            case "InternalServerError":
            case "InternalServerErrorException":
            case "ServiceUnavailable":
                // DynamoDB does not say whether a 5xx request was applied: a write may have been.
                return new BackendUnavailableException(message, e, true);
            default:
                if (e.statusCode() >= 500 || e.isThrottlingException()) {
                    return e.isThrottlingException() ? new ThrottlingException(message, e) : new BackendUnavailableException(message, e, true);
                }
                return new DdbcException(message, e);
        }
    }

    /** DynamoDB's error code; for an exception built without one, its SDK class name (which matches the code). */
    private static String errorCode(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if (code != null) return code;
        return e.getClass().getPackageName().startsWith("software.amazon.awssdk.services.dynamodb") ? e.getClass().getSimpleName() : null;
    }

    private static DdbcException mapClient(SdkClientException e, Target target) {
        String message = "DynamoDB could not be reached for " + target.describe() + ": " + e.getMessage();
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException || causedByIo(e)) {
            // Only a connection that was never made proves the request was not sent; a timeout or a broken
            // connection may come after DynamoDB applied it.
            return new BackendUnavailableException(message, e, !neverSent(e));
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("credentials") || text.contains("region")) {
            return new DdbcConfigException("The AWS SDK client is not configured for " + target.describe() + ": " + text, e);
        }
        return new DdbcException("AWS SDK client error in " + target.describe() + ": " + text, e);
    }

    /** Whether the failure happened before the request was sent: the connection could not be made. */
    public static boolean neverSent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException
                    || t.getClass().getName().equals("org.apache.http.conn.ConnectTimeoutException")
                    || t.getClass().getName().equals("org.apache.http.conn.HttpHostConnectException")) {
                return true;
            }
        }
        return false;
    }

    static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) return true;
        }
        return false;
    }
}
