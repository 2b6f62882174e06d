package io.ddbc.spi;

import io.ddbc.api.DdbcRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Runs requests: what the fluent builders of {@code io.ddbc.api} call on {@code execute()}. The
 * client core implements it (routing, sessions, cache, retries) over a {@link Backend}; applications
 * do not implement it.
 *
 * <pre>{@code
 * GetResult r = executor.execute(GetRequest.builder("accounts", key).build());
 * }</pre>
 */
public interface RequestExecutor {

    /** Runs a request and returns its result, or throws a {@link io.ddbc.api.DdbcException}. */
    <R> R execute(DdbcRequest<R> request);

    /** Runs a request asynchronously; the future fails with a {@link io.ddbc.api.DdbcException}. */
    <R> CompletableFuture<R> executeAsync(DdbcRequest<R> request);
}
