package io.ddbc.api;

import io.ddbc.spi.Backend;

/**
 * A request to DynamoDB, immutable, producing a result of type {@code R}. Each operation has its own
 * request type with a builder; the fluent calls on {@link Table} and {@link DdbcClient} build and run
 * them, and {@link DdbcOperations#execute(DdbcRequest)} runs one built elsewhere.
 *
 * <pre>{@code
 * GetRequest request = GetRequest.builder("accounts", Key.of("id", "alice")).consistency(Consistency.STRONG).build();
 * GetResult result = client.execute(request);
 * }</pre>
 *
 * @param <R> the result type
 */
public interface DdbcRequest<R> {

    /**
     * Hands this request to the backend's method for its operation (double dispatch, so the core
     * needs no type switch). Used by the client core; applications call {@code execute()}.
     */
    R sendTo(Backend backend);

    /** The operation name as DynamoDB calls it, e.g. {@code GetItem}; used in metrics and messages. */
    String operation();
}
