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
 * The client: a backend under the engine (one engine per region on a multi-region backend), plus the
 * implicit session that requests made directly on the client record into. A SESSION read outside a
 * {@link DdbcSession} is served against that implicit session: it sees every write made through this
 * client (by any thread), never silently eventual. Requests made on the client go to its home region;
 * sessions may live in another ({@link #newSession(String)}). Thread-safe.
 *
 * <pre>{@code
 * DdbcClient client = Ddbc.builder().url("ddbc:embedded:mem?regions=us-east-1,eu-west-1").build();
 * DdbcSession us = client.newSession("us-east-1");
 * us.table("profiles").put(profile).execute();
 * DdbcSession eu = client.resumeSession(us.token(), "eu-west-1");   // the user moved
 * eu.table("profiles").get(key).execute();   // served in eu-west-1 once it has the write, else waits, routes or refuses
 * }</pre>
 */
public final class CoreClient extends Operations implements DdbcClient {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CoreClient.class);

    /** A client over a backend, which it closes on {@link #close()} if it {@code owns} it. */
    public CoreClient(Backend backend, boolean owns, ClientConfig config) {
        this(new Regions(Objects.requireNonNull(backend, "backend"), owns, config));
        // Never the token secret itself: only whether tokens are signed.
        LOG.debug("ddbc client started: backend {}, regions {}, home {}, default consistency {}, table consistency {},"
                        + " version attributes {}, cache {}, retry {}, signed tokens {}, metrics {}", backend.getClass().getSimpleName(),
                regions(), homeRegion(), config.defaultConsistency(), config.tableConsistency(), config.versionAttributes(),
                config.cache() == null ? "off" : config.cache(), config.retry(), config.tokenSecret() != null,
                config.registry() == null ? "off" : config.registry().getClass().getSimpleName());
    }

    private CoreClient(Regions regions) {
        super(regions, new Ctx(new SessionState(SessionToken.empty(regions.root().sessionScope(), null)), false, regions.home, false));
    }

    /** The regions, this client's home region first; empty on a single-region backend. */
    @Override
    public List<String> regions() {
        List<String> out = new ArrayList<>(regions.names());
        if (out.remove(regions.home)) out.add(0, regions.home);
        return List.copyOf(out);
    }

    /** Where requests made directly on this client read and write; null on a single-region backend. */
    @Override
    public String homeRegion() {
        return regions.home;
    }

    /**
     * A session living in {@code homeRegion}: it reads there (waiting for, or routing to, a region that has
     * its writes from elsewhere) and writes there unless the client's write affinity names another region.
     */
    @Override
    public DdbcSession newSession(String homeRegion) {
        if (homeRegion == null) return newSession();
        regions.ensureOpen();
        return new CoreSession(this, SessionToken.empty(regions.root().sessionScope(), null), regions.region(homeRegion));
    }

    @Override
    public DdbcSession resumeSession(SessionToken token, String homeRegion) {
        if (homeRegion == null) return resumeSession(token);
        regions.ensureOpen();
        String home = regions.region(homeRegion);
        return new CoreSession(this, admit(token), home);
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

    /**
     * Stores the declaration with the backend (every region's, on a multi-region backend) and forgets what this
     * client knew of the table, so its next request describes it again.
     */
    @Override
    public void declareVersionAttribute(String table, String attribute) {
        if (table == null || table.isBlank()) {
            throw new io.ddbc.api.ValidationException("declareVersionAttribute needs a table name, got " + (table == null ? "null" : "'" + table + "'"));
        }
        if (attribute == null || attribute.isBlank()) {
            throw new io.ddbc.api.ValidationException("declareVersionAttribute on table '" + table + "' needs an attribute name, got "
                    + (attribute == null ? "null" : "'" + attribute + "'"));
        }
        String onBuilder = engine.config.versionAttributes().get(table);
        if (onBuilder != null && !onBuilder.equals(attribute)) {
            throw new DdbcConfigException("Table '" + table + "': this client was built with version attribute '" + onBuilder
                    + "' (DdbcClientBuilder.versionAttribute), so it cannot declare '" + attribute + "'");
        }
        engine.ensureOpen();
        engine.retrier.run("DeclareVersionAttribute", true, () -> {
            engine.backend.declareVersionAttribute(table, attribute);
            return null;
        });
        engine.catalog.forget(table);
    }

    @Override
    public DdbcSession newSession() {
        regions.ensureOpen();
        return new CoreSession(this, SessionToken.empty(regions.root().sessionScope(), null), regions.home);
    }

    @Override
    public DdbcSession resumeSession(SessionToken token) {
        regions.ensureOpen();
        return new CoreSession(this, admit(token), regions.home);
    }

    /**
     * Checks a token from outside: same backend scope, and a valid signature when the client has a secret.
     *
     * @throws SessionTokenException otherwise
     */
    SessionToken admit(SessionToken token) {
        if (token == null) throw new SessionTokenException("The session token must be given (got null)");
        String scope = regions.root().sessionScope();
        if (!scope.equals(token.scope())) {
            throw new SessionTokenException("Session token belongs to backend '" + token.scope() + "'; this client is connected to '"
                    + scope + "'");
        }
        byte[] secret = engine.config.tokenSecret();
        if (secret != null) token.verify(secret);
        return token;
    }

    /**
     * Whether {@link #admit} checks signatures: only then are a token's requirements enforced as firmly as the
     * session's own (waited for, refused over); an unverified token's are hints that may upgrade reads.
     */
    boolean verifiesTokens() {
        return engine.config.tokenSecret() != null;
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
        T fromBackend = regions.root().unwrap(type);
        if (fromBackend != null) return fromBackend;
        throw new DdbcConfigException("Neither the ddbc client nor its backend '" + regions.root().name() + "' provides "
                + type.getName());
    }

    @Override
    public void close() {
        regions.close();
    }

    @Override
    public String toString() {
        return "DdbcClient{backend=" + regions.root().name() + (regions.home == null ? "" : ", home=" + regions.home)
                + (regions.isClosed() ? ", closed" : "") + "}";
    }
}
