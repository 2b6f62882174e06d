package io.ddbc.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs one DynamoDB JSON-protocol call ({@code X-Amz-Target: DynamoDB_20120810.PutItem} and a JSON body) on a
 * {@link DynamoDbClient} — here the SDK facade over a ddbc backend — and answers with DynamoDB's JSON: the
 * response's members, or {@code __type} and {@code message} (plus a modeled exception's own members, such as
 * {@code CancellationReasons}) for an error. Thread-safe.
 */
public final class Dispatcher {
    /** The JSON protocol's target prefix for DynamoDB. */
    public static final String PREFIX = "DynamoDB_20120810.";
    private static final String TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";

    private final DynamoDbClient client;
    private final Map<String, Method> operations = new ConcurrentHashMap<>();

    public Dispatcher(DynamoDbClient client) {
        this.client = client;
        // Every DynamoDbClient operation that takes its request object: PutItem -> putItem(PutItemRequest).
        for (Method m : DynamoDbClient.class.getMethods()) {
            if (m.getParameterCount() != 1 || !SdkPojo.class.isAssignableFrom(m.getParameterTypes()[0])) continue;
            String request = m.getParameterTypes()[0].getSimpleName();
            if (!request.endsWith("Request")) continue;
            String op = request.substring(0, request.length() - "Request".length());
            if (!m.getName().equals(Character.toLowerCase(op.charAt(0)) + op.substring(1))) continue;
            operations.put(op, m);
        }
    }

    /** An answer: HTTP status and JSON body. */
    public record Answer(int status, ObjectNode body) {
    }

    /** Runs {@code target} with the request body {@code json}. */
    public Answer call(String target, JsonNode json) {
        try {
            if (target == null || !target.startsWith(PREFIX)) {
                throw new ProtocolException("UnknownOperationException", "Missing or unknown X-Amz-Target: " + target);
            }
            Method m = operations.get(target.substring(PREFIX.length()));
            if (m == null) throw new ProtocolException("UnknownOperationException", "Unknown operation " + target.substring(PREFIX.length()));
            SdkPojo builder = (SdkPojo) m.getParameterTypes()[0].getMethod("builder").invoke(null);
            Object request = SdkJson.read(json, builder);
            Object response;
            try {
                response = m.invoke(client, request);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return new Answer(200, SdkJson.write((SdkPojo) response));
        } catch (ProtocolException e) {
            return error(400, e.type(), e.getMessage(), null);
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null ? e.awsErrorDetails().errorCode()
                    : e.getClass().getSimpleName();
            String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null ? e.awsErrorDetails().errorMessage()
                    : e.getMessage();
            int status = e.statusCode() > 0 ? e.statusCode() : code.startsWith("InternalServer") ? 500 : 400;
            return error(status, code, message, e);
        } catch (Throwable e) {
            return error(500, "InternalServerError", "Internal server error: " + e, null);
        }
    }

    private static Answer error(int status, String code, String message, SdkPojo modeled) {
        ObjectNode body = modeled == null ? SdkJson.MAPPER.createObjectNode() : SdkJson.write(modeled);
        body.remove("Message");
        body.put("__type", TYPE_PREFIX + code);
        body.put("message", message);
        return new Answer(status, body);
    }
}
