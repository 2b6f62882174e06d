package io.ddbc.core.internal;

import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.DeleteTableRequest;
import io.ddbc.api.DescribeTableRequest;
import io.ddbc.api.ListTablesRequest;
import io.ddbc.api.ListTablesResult;
import io.ddbc.api.SessionToken;
import io.ddbc.api.SessionTokenException;
import io.ddbc.api.TableDescription;
import io.ddbc.api.TableSpec;
import io.ddbc.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The client: a backend under the engine, plus the implicit session that requests made directly on
 * the client record into. A SESSION read outside a {@link DdbcSession} is served against that implicit
 * session: it sees every write made through this client (by any thread), never silently eventual.
 * Thread-safe.
 */
public final class CoreClient extends Operations implements DdbcClient {

    /** A client over a backend, which it closes on {@link #close()} if it {@code owns} it. */
    public CoreClient(Backend backend, boolean owns, ClientConfig config) {
        this(new Engine(Objects.requireNonNull(backend, "backend"), owns, config));
    }

    private CoreClient(Engine engine) {
        super(engine, new Ctx(new SessionState(SessionToken.empty(engine.backend.sessionScope(), null)), false));
    }

    @Override
    public TableDescription createTable(TableSpec spec) {
        return execute(new CreateTableRequest(spec));
    }

    @Override
    public TableDescription describeTable(String name) {
        return execute(new DescribeTableRequest(name));
    }

    @Override
    public void deleteTable(String name) {
        execute(new DeleteTableRequest(name));
    }

    @Override
    public List<String> listTables() {
        List<String> names = new ArrayList<>();
        ListTablesRequest page = ListTablesRequest.firstPage();
        while (true) {
            ListTablesResult r = execute(page);
            names.addAll(r.tableNames());
            if (r.lastEvaluatedTableName().isEmpty()) return names;
            page = new ListTablesRequest(r.lastEvaluatedTableName().get(), page.limit());
        }
    }

    @Override
    public DdbcSession newSession() {
        engine.ensureOpen();
        return new CoreSession(this, SessionToken.empty(engine.backend.sessionScope(), null));
    }

    @Override
    public DdbcSession resumeSession(SessionToken token) {
        engine.ensureOpen();
        return new CoreSession(this, admit(token));
    }

    /**
     * Checks a token from outside: same backend scope, and a valid signature when the client has a secret.
     *
     * @throws SessionTokenException otherwise
     */
    SessionToken admit(SessionToken token) {
        if (token == null) throw new SessionTokenException("The session token must be given (got null)");
        String scope = engine.backend.sessionScope();
        if (!scope.equals(token.scope())) {
            throw new SessionTokenException("Session token belongs to backend '" + token.scope() + "'; this client is connected to '"
                    + scope + "'");
        }
        byte[] secret = engine.config.tokenSecret();
        if (secret != null) token.verify(secret);
        return token;
    }

    /** The token as handed out: signed when the client has a secret. */
    SessionToken sign(SessionToken token) {
        byte[] secret = engine.config.tokenSecret();
        return secret == null ? token : token.sign(secret);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type == null) throw new DdbcConfigException("unwrap needs the type to unwrap to (got null)");
        if (type.isInstance(this)) return type.cast(this);
        T fromBackend = engine.backend.unwrap(type);
        if (fromBackend != null) return fromBackend;
        throw new DdbcConfigException("Neither the ddbc client nor its backend '" + engine.backend.name() + "' provides "
                + type.getName());
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "DdbcClient{backend=" + engine.backend.name() + (engine.isClosed() ? ", closed" : "") + "}";
    }
}
