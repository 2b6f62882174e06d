package io.ddbc.server.internal;

/** A request the endpoint cannot read: answered as DynamoDB answers one, with its error type and message. */
public final class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;

    public ProtocolException(String type, String message) {
        super(message);
        this.type = type;
    }

    /** DynamoDB's error code, e.g. {@code SerializationException} or {@code UnknownOperationException}. */
    public String type() {
        return type;
    }
}
