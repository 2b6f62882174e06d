package io.ddbc.wrapper.internal;

import io.ddbc.api.SessionToken;
import io.ddbc.api.SessionTokenException;
import io.ddbc.core.internal.SessionState;
import io.ddbc.wrapper.BoundSession;
import io.ddbc.wrapper.SessionScope;
import java.util.Objects;

/**
 * Which session a request records into: the one bound to the thread, else the wrapper's or the thread's
 * (by {@link SessionScope}). Sessions are ddbc-core's {@link SessionState}, so tokens are the same
 * bounded, mergeable {@link SessionToken}s as the client's. Thread-safe.
 */
public final class Sessions {
    private final String scope;
    private final SessionScope mode;
    private final SessionState shared;
    private final ThreadLocal<SessionState> perThread;
    private final ThreadLocal<SessionState> bound = new ThreadLocal<>();

    public Sessions(String scope, SessionScope mode) {
        this.scope = scope;
        this.mode = mode;
        this.shared = new SessionState(SessionToken.empty(scope, null));
        this.perThread = ThreadLocal.withInitial(() -> new SessionState(SessionToken.empty(scope, null)));
    }

    /** The session of the current request. */
    public SessionState current() {
        SessionState b = bound.get();
        if (b != null) return b;
        return mode == SessionScope.PER_THREAD ? perThread.get() : shared;
    }

    /**
     * Binds a session resumed from {@code token} (a fresh one if null) to this thread until the result is closed.
     *
     * @throws SessionTokenException if the token belongs to another scope
     */
    public BoundSession bind(SessionToken token) {
        if (token != null && !scope.equals(token.scope())) {
            throw new SessionTokenException("Session token belongs to scope '" + token.scope() + "'; this wrapper's scope is '" + scope + "'");
        }
        SessionState s = new SessionState(token != null ? token : SessionToken.empty(scope, null));
        SessionState previous = bound.get();
        Thread owner = Thread.currentThread();
        bound.set(s);
        return new BoundSession() {
            @Override
            public SessionToken token() {
                return s.token();
            }

            @Override
            public void close() {
                // Closing from another thread would unbind that thread's session, not this one.
                if (Thread.currentThread() != owner) throw new IllegalStateException("A bound session must be closed by the thread that bound it");
                if (previous == null) bound.remove();
                else bound.set(previous);
            }
        };
    }

    public String scope() {
        return Objects.requireNonNull(scope);
    }
}
