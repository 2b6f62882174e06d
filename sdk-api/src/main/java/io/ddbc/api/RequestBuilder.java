package io.ddbc.api;

import io.ddbc.spi.RequestExecutor;
import java.util.concurrent.CompletableFuture;

/**
 * Base of every request builder. A builder obtained from a client, session or {@link Table} is bound
 * to it and can {@link #execute()} directly; one obtained from a request type's static
 * {@code builder(...)} only {@link #build()}s, for {@link DdbcOperations#execute(DdbcRequest)} or a
 * backend.
 *
 * @param <Q> the request type
 * @param <R> the result type
 * @param <B> the concrete builder type, for chaining
 */
public abstract class RequestBuilder<Q extends DdbcRequest<R>, R, B extends RequestBuilder<Q, R, B>> {
    private final RequestExecutor executor;

    /** @param executor what runs the built request; null for a builder that only builds */
    protected RequestBuilder(RequestExecutor executor) {
        this.executor = executor;
    }

    /** The immutable request. @throws ValidationException if a required part is missing */
    public abstract Q build();

    /** Builds and runs the request on the client, session or table this builder came from. */
    public R execute() {
        return executor().execute(build());
    }

    /** Builds and runs the request asynchronously. */
    public CompletableFuture<R> executeAsync() {
        return executor().executeAsync(build());
    }

    /** The executor this builder is bound to. @throws IllegalStateException if it is unbound */
    protected RequestExecutor executor() {
        if (executor == null) {
            throw new IllegalStateException("This builder is not bound to a client: build() the request and pass it to"
                    + " DdbcClient.execute(request), or start from client.table(name)");
        }
        return executor;
    }

    /** This builder, typed for chaining. */
    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }
}
