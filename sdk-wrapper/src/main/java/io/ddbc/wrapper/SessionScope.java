package io.ddbc.wrapper;

/**
 * Where a {@link DdbcDynamoDbClient} keeps the session that requests record into when no session is
 * bound explicitly with {@link DdbcDynamoDbClient#session(io.ddbc.api.SessionToken)}.
 *
 * <pre>{@code
 * DdbcDynamoDbClient.wrap(sdk, WrapperOptions.builder().sessionScope(SessionScope.PER_THREAD).build());
 * }</pre>
 */
public enum SessionScope {
    /** One session for everything done through the wrapper, by any thread (the default). */
    PER_WRAPPER,
    /** One session per thread: each thread reads its own writes. */
    PER_THREAD
}
