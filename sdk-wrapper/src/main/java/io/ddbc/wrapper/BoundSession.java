package io.ddbc.wrapper;

import io.ddbc.api.SessionToken;

/**
 * A session bound to the current thread by {@link DdbcDynamoDbClient#session(SessionToken)}; requests
 * the thread makes through the wrapper record into it and honour it until {@link #close()}.
 *
 * <pre>{@code
 * try (BoundSession s = wrapper.session(SessionToken.parse(header))) {
 *     repository.save(order);
 *     response.header("X-Session", s.token().serialize());
 * }
 * }</pre>
 */
public interface BoundSession extends AutoCloseable {
    /** The session's current token (serializable, mergeable). */
    SessionToken token();

    /** Unbinds the session from the thread, restoring what was bound before. */
    @Override
    void close();
}
