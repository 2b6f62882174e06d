package io.ddbc.core.internal;

import io.ddbc.api.DdbcSession;
import io.ddbc.api.SessionToken;

/** A session: the client's engine with its own token. Thread-safe. */
final class CoreSession extends Operations implements DdbcSession {
    private final CoreClient client;

    CoreSession(CoreClient client, SessionToken start) {
        super(client.engine, new Ctx(new SessionState(start), true));
        this.client = client;
    }

    @Override
    public SessionToken token() {
        return client.sign(ctx.session().token());
    }

    @Override
    public void merge(SessionToken other) {
        ctx.session().merge(client.admit(other));
    }

    @Override
    public String toString() {
        return "DdbcSession{" + ctx.session().token() + "}";
    }
}
