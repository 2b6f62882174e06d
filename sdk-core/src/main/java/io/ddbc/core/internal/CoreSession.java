package io.ddbc.core.internal;

import io.ddbc.api.DdbcSession;
import io.ddbc.api.SessionToken;

/** A session: the client's engine with its own token. Thread-safe. */
final class CoreSession extends Operations implements DdbcSession {
    private final CoreClient client;

    CoreSession(CoreClient client, SessionToken start, String home) {
        // A token from outside is vouched for only when the client checked its signature (see SessionState).
        super(client.regions, new Ctx(new SessionState(start, client.verifiesTokens()), true, home, false));
        this.client = client;
    }

    /** The region this session reads and writes in; null on a single-region backend. */
    @Override
    public String homeRegion() {
        return ctx.home();
    }

    @Override
    public SessionToken token() {
        return client.sign(ctx.session().token());
    }

    @Override
    public void merge(SessionToken other) {
        ctx.session().merge(client.admit(other), client.verifiesTokens());
    }

    @Override
    public String toString() {
        return "DdbcSession{" + (ctx.home() == null ? "" : "home=" + ctx.home() + ", ") + ctx.session().token() + "}";
    }
}
