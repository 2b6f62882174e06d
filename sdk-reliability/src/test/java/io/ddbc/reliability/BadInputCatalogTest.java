package io.ddbc.reliability;

import static io.ddbc.reliability.Store.ACCOUNTS;
import static io.ddbc.reliability.Store.BY_STATUS;
import static io.ddbc.reliability.Store.COUNTERS;
import static io.ddbc.reliability.Store.ORDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.ConditionCheck;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.api.DdbcException;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.ResourceNotFoundException;
import io.ddbc.api.SessionToken;
import io.ddbc.api.SessionTokenException;
import io.ddbc.api.TableSpec;
import io.ddbc.api.TransactWriteRequest;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import io.ddbc.core.CacheSpec;
import io.ddbc.core.Ddbc;
import io.ddbc.core.RetryPolicy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The bad-input catalog: every case is a name, an action, the {@link DdbcException} subtype it must raise
 * and a fragment of the message that names what is wrong. For every case the exception must be exactly
 * of that kind (never a NullPointerException, IllegalArgumentException or IllegalStateException leaking
 * from ddbc), and every table must hold the same items afterwards as before (strong scans).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogTest {
    private static final byte[] SECRET = "catalog-secret".getBytes(StandardCharsets.UTF_8);
    private static final Key A0 = Key.of("id", "a0");
    private static final Key O0 = Key.of("customer", "c0", "no", 0);

    private Store store;
    private DdbcClient client;

    /** What a case does to the store. */
    @FunctionalInterface
    interface Action {
        void run(Store store) throws Exception;
    }

    /** One catalog entry. */
    record Case(String name, Action action, Class<? extends DdbcException> expected, String fragment) {
    }

    @BeforeAll
    void open() {
        store = new Store("ddbc:embedded:mem?partitions=4");
        client = store.client;
    }

    @AfterAll
    void close() {
        store.close();
    }

    static List<Case> catalog() {
        List<Case> c = new ArrayList<>();
        urls(c);
        regions(c);
        tokens(c);
        items(c);
        expressions(c);
        limits(c);
        nulls(c);
        afterClose(c);
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputGetsItsTypedExceptionAndChangesNothing() {
        return catalog().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> check(k)));
    }

    @Test
    void catalogIsLargeAndNamesAreUnique() {
        List<Case> all = catalog();
        assertTrue(all.size() >= 100, "catalog has " + all.size() + " cases");
        assertEquals(all.size(), all.stream().map(Case::name).distinct().count(), "duplicate case names");
    }

    private void check(Case k) {
        Map<String, List<Item>> before = store.snapshot();
        Throwable thrown = null;
        try {
            k.action().run(store);
        } catch (Throwable t) {
            thrown = unwrapAsync(t);
        }
        if (thrown == null) fail(k.name() + ": no exception; expected " + k.expected().getSimpleName());
        if (!(thrown instanceof DdbcException)) {
            throw new AssertionError(k.name() + ": leaked a " + thrown.getClass().getName() + " instead of a DdbcException", thrown);
        }
        if (!k.expected().equals(thrown.getClass())) {
            throw new AssertionError(k.name() + ": expected " + k.expected().getSimpleName() + " but got "
                    + thrown.getClass().getSimpleName() + ": " + thrown.getMessage(), thrown);
        }
        String message = String.valueOf(thrown.getMessage());
        assertTrue(message.contains(k.fragment()), k.name() + ": message does not name the fault ('" + k.fragment() + "'): " + message);
        assertEquals(before, store.snapshot(), k.name() + ": the store changed");
    }

    /** Async failures arrive wrapped; the catalog judges the cause. */
    private static Throwable unwrapAsync(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        return t;
    }

    // ------------------------------------------------------------------------------------------- URLs

    private static void urls(List<Case> c) {
        Class<DdbcConfigException> cfg = DdbcConfigException.class;
        c.add(new Case("url: empty", s -> Ddbc.connect(""), cfg, "URL is empty"));
        c.add(new Case("url: blank", s -> Ddbc.connect("   "), cfg, "URL is empty"));
        c.add(new Case("url: wrong scheme", s -> Ddbc.connect("jdbc:embedded:mem"), cfg, "must start with 'ddbc:'"));
        c.add(new Case("url: no target", s -> Ddbc.connect("ddbc:embedded"), cfg, "ddbc:<backend>:<target>"));
        c.add(new Case("url: unknown backend", s -> Ddbc.connect("ddbc:cassandra:mem"), cfg, "cassandra"));
        c.add(new Case("url: unknown backend lists present ones", s -> Ddbc.connect("ddbc:mongo:x"), cfg, "embedded"));
        c.add(new Case("url: unknown parameter", s -> Ddbc.connect("ddbc:embedded:mem?replica=3x"), cfg, "'replica'"));
        c.add(new Case("url: parameter without value", s -> Ddbc.connect("ddbc:embedded:mem?partitions"), cfg, "'partitions'"));
        c.add(new Case("url: parameter twice", s -> Ddbc.connect("ddbc:embedded:mem?partitions=2&partitions=3"), cfg, "given twice"));
        c.add(new Case("url: integer parameter not a number", s -> Ddbc.connect("ddbc:embedded:mem?partitions=four"), cfg, "'partitions'"));
        c.add(new Case("url: integer parameter out of range", s -> Ddbc.connect("ddbc:embedded:mem?partitions=0"), cfg, "'partitions'"));
        c.add(new Case("url: integer parameter too large", s -> Ddbc.connect("ddbc:embedded:mem?partitions=99999999999"), cfg, "'partitions'"));
        c.add(new Case("url: bad consistency", s -> Ddbc.connect("ddbc:embedded:mem?consistency=SOMETIMES"), cfg, "consistency"));
        c.add(new Case("url: bad percent-encoding", s -> Ddbc.connect("ddbc:embedded:mem?partitions=%zz"), cfg, "percent-encoding"));
        c.add(new Case("url: embedded time neither real nor virtual", s -> Ddbc.connect("ddbc:embedded:mem?time=sometimes"), cfg, "'time'"));
        c.add(new Case("url: embedded seed not a number", s -> Ddbc.connect("ddbc:embedded:mem?seed=abc"), cfg, "'seed'"));
        c.add(new Case("url: embedded negative lag", s -> Ddbc.connect("ddbc:embedded:mem?lagMs=-5"), cfg, "'lagMs'"));
        c.add(new Case("url: embedded two replicas", s -> Ddbc.connect("ddbc:embedded:mem?replicas=2"), cfg, "'replicas'"));
        c.add(new Case("url: embedded spike probability over 1", s -> Ddbc.connect("ddbc:embedded:mem?lagSpikeProbability=1.5"), cfg,
                "'lagSpikeProbability'"));
        c.add(new Case("url: unknown embedded target", s -> Ddbc.connect("ddbc:embedded:disk"), cfg, "'disk'"));
        c.add(new Case("url: aws endpoint not http", s -> Ddbc.connect("ddbc:aws:?endpoint=ftp://127.0.0.1:1"), cfg, "endpoint"));
        c.add(new Case("url: aws endpoint malformed", s -> Ddbc.connect("ddbc:aws:?endpoint=http://[::1"), cfg, "endpoint"));
        c.add(new Case("url: aws two regions", s -> Ddbc.connect("ddbc:aws://eu-west-1?region=us-east-1"), cfg, "region"));
        c.add(new Case("url: aws timeout not a duration",
                s -> Ddbc.connect("ddbc:aws:?endpoint=http://127.0.0.1:1&apiCallTimeout=forever"), cfg, "apiCallTimeout"));
        c.add(new Case("url: aws pool size not an integer",
                s -> Ddbc.connect("ddbc:aws:?endpoint=http://127.0.0.1:1&maxConnections=many"), cfg, "maxConnections"));
        c.add(new Case("url: aws sdkMaxAttempts zero",
                s -> Ddbc.connect("ddbc:aws:?endpoint=http://127.0.0.1:1&sdkMaxAttempts=0"), cfg, "sdkMaxAttempts"));
        c.add(new Case("properties: access key without secret", s -> {
            Properties p = new Properties();
            p.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
            Ddbc.builder().url("ddbc:aws:?endpoint=http://127.0.0.1:1").properties(p).build();
        }, cfg, "aws.secretAccessKey"));
        c.add(new Case("properties: keys together with a profile", s -> {
            Properties p = new Properties();
            p.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
            p.setProperty("aws.secretAccessKey", "secret");
            Ddbc.builder().url("ddbc:aws:?endpoint=http://127.0.0.1:1&profile=prod").properties(p).build();
        }, cfg, "profile"));
        c.add(new Case("builder: null url", s -> Ddbc.builder().url(null), cfg, "URL"));
        c.add(new Case("builder: empty version attribute", s -> Ddbc.builder().versionAttribute(COUNTERS, ""), cfg, COUNTERS));
        c.add(new Case("builder: empty token secret", s -> Ddbc.builder().sessionTokenSecret(new byte[0]), cfg, "secret"));
        c.add(new Case("retry: negative attempts", s -> RetryPolicy.exponential(-1, Duration.ofMillis(10)), cfg, "maxAttempts"));
        c.add(new Case("retry: negative delay", s -> RetryPolicy.exponential(3, Duration.ofMillis(-10)), cfg, "baseDelay"));
        c.add(new Case("cache: negative size", s -> CacheSpec.writeThrough().maximumSize(-1), cfg, "maximumSize"));
        c.add(new Case("cache: negative ttl", s -> CacheSpec.writeThrough().ttl(Duration.ofSeconds(-1)), cfg, "ttl"));
    }

    // ------------------------------------------------------------------------------------ regions

    private static final String GLOBAL = "ddbc:embedded:mem?time=virtual&regions=us-east-1,eu-west-1";

    /** Something done on a fresh two-region client, which is closed afterwards. */
    private static Action onGlobal(java.util.function.Consumer<DdbcClient> use) {
        return s -> {
            try (DdbcClient g = Ddbc.connect(GLOBAL)) {
                use.accept(g);
            }
        };
    }

    private static void regions(List<Case> c) {
        Class<DdbcConfigException> cfg = DdbcConfigException.class;
        c.add(new Case("regions: malformed region", s -> Ddbc.connect("ddbc:embedded:mem?regions=us-east-1,Mars"), cfg, "'Mars'"));
        c.add(new Case("regions: region twice", s -> Ddbc.connect("ddbc:embedded:mem?regions=us-east-1,us-east-1"), cfg, "twice"));
        c.add(new Case("regions: empty entry", s -> Ddbc.connect("ddbc:embedded:mem?regions=us-east-1,,eu-west-1"), cfg, "regions"));
        c.add(new Case("regions: lag without regions", s -> Ddbc.connect("ddbc:embedded:mem?regionLagMs=100"), cfg, "'regionLagMs'"));
        c.add(new Case("regions: negative cross-region lag", s -> Ddbc.connect(GLOBAL + "&regionLagMs=-1"), cfg, "'regionLagMs'"));
        c.add(new Case("regions: home not a region", s -> Ddbc.connect(GLOBAL + "&home=ap-south-1"), cfg, "ap-south-1"));
        c.add(new Case("regions: home on a single-region backend", s -> Ddbc.connect("ddbc:embedded:mem?home=eu-west-1"), cfg, "eu-west-1"));
        c.add(new Case("regions: aws endpoints fewer than regions",
                s -> Ddbc.connect("ddbc:aws:?regions=us-east-1,eu-west-1&endpoint=http://127.0.0.1:1"), cfg, "endpoint"));
        c.add(new Case("regions: session in an unknown region", onGlobal(g -> g.newSession("eu-central-1")), cfg, "eu-central-1"));
        c.add(new Case("regions: session region on a single-region client", s -> s.client.newSession("eu-west-1"), cfg, "eu-west-1"));
        c.add(new Case("regions: resumed in an unknown region",
                onGlobal(g -> g.resumeSession(g.newSession().token(), "sa-east-1")), cfg, "sa-east-1"));
        c.add(new Case("regions: write affinity names an unknown region", s -> {
            try (DdbcClient g = Ddbc.builder().url(GLOBAL).writeAffinity(io.ddbc.core.WriteAffinity.of((t, k) -> "moon-base-1")).build()) {
                g.createTable(TableSpec.builder("owned").partitionKey("id", AttributeValue.Type.S).build());
                g.table("owned").put(Item.of("id", "x")).execute();
            }
        }, cfg, "moon-base-1"));
        c.add(new Case("regions: transaction across owner regions", s -> {
            try (DdbcClient g = Ddbc.builder().url(GLOBAL)
                    .writeAffinity(io.ddbc.core.WriteAffinity.of((t, k) -> k.partitionValue().s().startsWith("u") ? "us-east-1" : "eu-west-1"))
                    .build()) {
                g.createTable(TableSpec.builder("owned").partitionKey("id", AttributeValue.Type.S).build());
                g.transactWrite().put("owned", Item.of("id", "u1")).put("owned", Item.of("id", "e1")).execute();
            }
        }, io.ddbc.api.ValidationException.class, "eu-west-1"));
    }

    // ----------------------------------------------------------------------------------- session tokens

    private static String writtenToken(DdbcClient client) {
        DdbcSession session = client.newSession();
        session.table(ACCOUNTS).get(A0).execute();
        return session.token().serialize();
    }

    private static String withBody(String token, java.util.function.UnaryOperator<byte[]> change) {
        int dot = token.indexOf('.') + 1;
        byte[] body = Base64.getUrlDecoder().decode(token.substring(dot));
        return token.substring(0, dot) + Base64.getUrlEncoder().withoutPadding().encodeToString(change.apply(body));
    }

    private static void tokens(List<Case> c) {
        Class<SessionTokenException> tok = SessionTokenException.class;
        c.add(new Case("token: empty", s -> SessionToken.parse(""), tok, "empty"));
        c.add(new Case("token: not a token", s -> SessionToken.parse("hello world"), tok, "Not a ddbc session token"));
        c.add(new Case("token: truncated", s -> {
            String t = writtenToken(s.client);
            SessionToken.parse(withBody(t, b -> java.util.Arrays.copyOf(b, b.length / 2)));
        }, tok, "truncated"));
        c.add(new Case("token: cut inside base64", s -> {
            String t = writtenToken(s.client);
            SessionToken.parse(t.substring(0, t.length() - (t.length() - 3) % 4 == 1 ? t.length() - 4 : t.length() - 5) + "*");
        }, tok, "base64"));
        c.add(new Case("token: trailing garbage", s -> SessionToken.parse(withBody(writtenToken(s.client), b -> {
            byte[] longer = java.util.Arrays.copyOf(b, b.length + 3);
            return longer;
        })), tok, "trailing"));
        c.add(new Case("token: other format version", s -> {
            String t = writtenToken(s.client);
            SessionToken.parse("v2" + t.substring(t.indexOf('.')));
        }, tok, "v2"));
        c.add(new Case("token: huge", s -> SessionToken.parse("v1." + "A".repeat(5000)), tok, "1024"));
        c.add(new Case("token: bogus count", s -> SessionToken.parse(withBody(writtenToken(s.client), b -> {
            byte[] forged = new byte[] {1, 'x', 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
            return forged;
        })), tok, "positions"));
        c.add(new Case("token: forged signature", s -> {
            try (DdbcClient signed = s.client(Ddbc.builder().sessionTokenSecret(SECRET))) {
                String t = writtenToken(signed);
                String forged = withBody(t, b -> {
                    b[b.length - 1] ^= 0x55;
                    return b;
                });
                signed.resumeSession(SessionToken.parse(forged));
            }
        }, tok, "signature does not match"));
        c.add(new Case("token: altered content keeps old signature", s -> {
            try (DdbcClient signed = s.client(Ddbc.builder().sessionTokenSecret(SECRET))) {
                SessionToken t = SessionToken.parse(writtenToken(signed));
                SessionToken altered = SessionToken.parse(withBody(t.serialize(), b -> b)).withVersion(ACCOUNTS, A0, 99);
                // withVersion drops the signature; sign with a different key to simulate a forger
                signed.resumeSession(altered.sign("other".getBytes(StandardCharsets.UTF_8)));
            }
        }, tok, "signature does not match"));
        c.add(new Case("token: unsigned to a client requiring signatures", s -> {
            try (DdbcClient signed = s.client(Ddbc.builder().sessionTokenSecret(SECRET))) {
                signed.resumeSession(SessionToken.parse(writtenToken(s.client)));
            }
        }, tok, "not signed"));
        c.add(new Case("token: foreign scope on resume", s -> {
            try (DdbcClient other = Ddbc.connect("ddbc:embedded:mem")) {
                s.client.resumeSession(other.newSession().token());
            }
        }, tok, "belongs to backend"));
        c.add(new Case("token: foreign scope on merge", s -> {
            try (DdbcClient other = Ddbc.connect("ddbc:embedded:mem")) {
                s.client.newSession().merge(other.newSession().token());
            }
        }, tok, "belongs to backend"));
        c.add(new Case("token: foreign scope merged into a token", s -> {
            try (DdbcClient other = Ddbc.connect("ddbc:embedded:mem")) {
                s.client.newSession().token().merge(other.newSession().token());
            }
        }, tok, "different backends"));
    }

    // ------------------------------------------------------------------------------------------ items

    private static AttributeValue nested(int depth) {
        AttributeValue v = AttributeValue.s("leaf");
        for (int i = 0; i < depth; i++) v = AttributeValue.m(Map.of("a", v));
        return v;
    }

    private static void items(List<Case> c) {
        Class<ValidationException> val = ValidationException.class;
        c.add(new Case("item: over 400 KB", s -> s.client.table(ACCOUNTS).put(Item.of("id", "big", "pad", "x".repeat(400 * 1024))).execute(),
                val, "Item size has exceeded the maximum allowed size"));
        c.add(new Case("item: over 400 KB by update", s -> s.client.table(ACCOUNTS).update(A0).expression("SET filler = :p")
                .value(":p", "x".repeat(400 * 1024)).execute(), val, "Item size to update has exceeded the maximum allowed size"));
        c.add(new Case("item: partition key of wrong type", s -> s.client.table(ACCOUNTS).put(Item.of("id", 7)).execute(),
                val, "Type mismatch for key id"));
        c.add(new Case("item: sort key of wrong type", s -> s.client.table(ORDERS).put(Item.of("customer", "c9", "no", "nine")).execute(),
                val, "Type mismatch for key no"));
        c.add(new Case("item: key missing", s -> s.client.table(ACCOUNTS).put(Item.of("balance", 1)).execute(), val, "Missing the key id"));
        c.add(new Case("item: sort key missing", s -> s.client.table(ORDERS).put(Item.of("customer", "c9")).execute(), val, "Missing the key no"));
        c.add(new Case("item: empty partition key", s -> s.client.table(ACCOUNTS).put(Item.of("id", "")).execute(), val, "empty string"));
        c.add(new Case("item: partition key over 2048 bytes", s -> s.client.table(ACCOUNTS).put(Item.of("id", "k".repeat(2049))).execute(),
                val, "2048"));
        c.add(new Case("item: GSI key of wrong type", s -> s.client.table(ORDERS).put(Item.of("customer", "c9", "no", 9, "status", 1)).execute(),
                val, "status"));
        c.add(new Case("item: empty attribute name", s -> s.client.table(ACCOUNTS).put(Item.of("id", "k", "", 1)).execute(),
                val, "attribute name cannot be empty"));
        c.add(new Case("item: nesting 33 levels", s -> s.client.table(ACCOUNTS).put(Item.of("id", "k", "deep", nested(33))).execute(),
                val, "Nesting Levels have exceeded supported limits"));
        c.add(new Case("get: key of wrong type", s -> s.client.table(ACCOUNTS).get(Key.of("id", 1)).execute(), val, "Type mismatch for key id"));
        c.add(new Case("get: key with a foreign attribute", s -> s.client.table(ACCOUNTS).get(Key.of("name", "x")).execute(),
                val, "does not match the schema"));
        c.add(new Case("get: empty key string", s -> s.client.table(ACCOUNTS).get(Key.of("id", "")).execute(), val, "empty string"));
        c.add(new Case("delete: key lacking the sort key", s -> s.client.table(ORDERS).delete(Key.of("customer", "c0")).execute(),
                val, "The number of conditions on the keys is invalid"));
        c.add(new Case("number: 39 digits", s -> AttributeValue.n("123456789012345678901234567890123456789"), val, "38 significant digits"));
        c.add(new Case("number: 39 digits in an item", s -> s.client.table(ACCOUNTS)
                .put(Item.of("id", "k", "n", new BigDecimal("123456789012345678901234567890123456789"))).execute(), val, "38 significant digits"));
        c.add(new Case("number: 1E+126", s -> AttributeValue.n("1E+126"), val, "Number overflow"));
        c.add(new Case("number: 1E-131", s -> AttributeValue.n("1E-131"), val, "Number underflow"));
        c.add(new Case("number: not a number", s -> AttributeValue.n("twelve"), val, "twelve"));
        c.add(new Case("number: NaN", s -> Item.of("id", "k", "n", Double.NaN), val, "NaN"));
        c.add(new Case("number: infinity as a placeholder", s -> s.client.table(ACCOUNTS).update(A0).expression("SET n = :n")
                .value(":n", Double.POSITIVE_INFINITY), val, "Infinity"));
        c.add(new Case("set: empty string set", s -> AttributeValue.ss(List.of()), val, "may not be empty"));
        c.add(new Case("set: empty Java set", s -> Item.of("id", "k", "tags", Set.of()), val, "empty set"));
        c.add(new Case("set: duplicate numbers", s -> AttributeValue.ns(List.of("1", "1.0")), val, "duplicates"));
        c.add(new Case("set: mixed element types", s -> AttributeValue.from(new java.util.LinkedHashSet<>(List.of("a", 1))), val, "SS"));
        c.add(new Case("item: unsupported Java type", s -> Item.of("id", "k", "when", new Object()), val, "java.lang.Object"));
        c.add(new Case("item: odd arguments", s -> Item.of("id", "k", "balance"), val, "name/value pairs"));
        c.add(new Case("item: repeated name", s -> Item.of("id", "k", "id", "j"), val, "'id' twice"));
        c.add(new Case("item: map with non-string keys", s -> Item.of("id", "k", "m", Map.of(1, "x")), val, "Map keys must be strings"));
        c.add(new Case("key: same name twice", s -> Key.of("id", "a", "id", "b"), val, "'id'"));
        c.add(new Case("control: advance on real time", s -> control(s).advance(Duration.ofSeconds(1)), DdbcConfigException.class, "virtual"));
        c.add(new Case("control: unknown AZ", s -> control(s).crashReplica("az-z"), val, "az-z"));
        c.add(new Case("control: null AZ", s -> control(s).isolateAz(null), val, "availability zone"));
        c.add(new Case("control: failover null key", s -> control(s).failoverLeader(ACCOUNTS, null), val, "key"));
        c.add(new Case("control: failover null table", s -> control(s).failoverLeader(null, A0), val, "Table name"));
        c.add(new Case("control: throttle null table", s -> control(s).throttle(null, Duration.ofSeconds(1)), val, "Table name"));
        c.add(new Case("control: failover on an unknown table", s -> control(s).failoverLeader("nosuch", A0), ResourceNotFoundException.class,
                "nosuch"));
        c.add(new Case("control: negative lag spike", s -> control(s).lagSpike(Duration.ofMillis(-1), Duration.ofSeconds(1)), val, "lag"));
        c.add(new Case("control: throttle null duration", s -> control(s).throttle(ACCOUNTS, null), val, "duration"));
        c.add(new Case("control: unwrap an unknown type", s -> s.client.unwrap(java.sql.Connection.class), DdbcConfigException.class, "java.sql.Connection"));
        c.add(new Case("table: unknown", s -> s.client.table("nosuch").get(A0).execute(), ResourceNotFoundException.class, "nosuch"));
        c.add(new Case("table: create existing", s -> s.client.createTable(TableSpec.builder(ACCOUNTS)
                .partitionKey("id", AttributeValue.Type.S).build()), io.ddbc.api.ResourceInUseException.class, ACCOUNTS));
        c.add(new Case("table: name too short", s -> s.client.createTable(TableSpec.builder("ab")
                .partitionKey("id", AttributeValue.Type.S).build()), val, "ab"));
        c.add(new Case("table: describe unknown", s -> s.client.describeTable("nosuch"), ResourceNotFoundException.class, "nosuch"));
        c.add(new Case("table: delete unknown", s -> s.client.deleteTable("nosuch"), ResourceNotFoundException.class, "nosuch"));
        c.add(new Case("mutate: table without version", s -> s.client.table(ACCOUNTS).mutate(A0, i -> i.with("balance", 1)),
                val, "version"));
        c.add(new Case("expectVersion: negative", s -> s.client.table(COUNTERS).update(Key.of("id", "k0")).expectVersion(-1), val, "expectVersion"));
        c.add(new Case("minVersion: negative", s -> s.client.table(COUNTERS).get(Key.of("id", "k0")).minVersion(-2), val, "minVersion"));
        c.add(new Case("query: limit zero", s -> s.client.table(ORDERS).query().limit(0), val, "Limit"));
        c.add(new Case("scan: segment out of range", s -> s.client.table(ORDERS).scan().segment(4, 4).execute(), val, "egment"));
    }

    private static io.ddbc.embedded.EmbeddedControl control(Store s) {
        return s.client.unwrap(io.ddbc.embedded.EmbeddedControl.class);
    }

    // ------------------------------------------------------------------------------------ expressions

    private static void expressions(List<Case> c) {
        Class<ValidationException> val = ValidationException.class;
        c.add(new Case("update: syntax", s -> s.client.table(ACCOUNTS).update(A0).expression("SET = 1").execute(),
                val, "Invalid UpdateExpression"));
        c.add(new Case("condition: syntax", s -> s.client.table(ACCOUNTS).put(Item.of("id", "a0")).condition("attribute_exists(").execute(),
                val, "Invalid ConditionExpression"));
        c.add(new Case("condition: unknown function", s -> s.client.table(ACCOUNTS).delete(A0).condition("exists(id)").execute(),
                val, "exists"));
        c.add(new Case("projection: syntax", s -> s.client.table(ACCOUNTS).get(A0).projection("balance,,id").execute(),
                val, "Invalid ProjectionExpression"));
        c.add(new Case("filter: syntax", s -> s.client.table(ACCOUNTS).scan().filter("balance >").execute(), val, "Invalid FilterExpression"));
        c.add(new Case("key condition: syntax", s -> s.client.table(ORDERS).query().keyCondition("customer ==").execute(),
                val, "Invalid KeyConditionExpression"));
        c.add(new Case("placeholder: unknown value", s -> s.client.table(ACCOUNTS).update(A0).expression("SET balance = :missing").execute(),
                val, ":missing"));
        c.add(new Case("placeholder: unknown name", s -> s.client.table(ACCOUNTS).update(A0).expression("SET #b = :v").value(":v", 1).execute(),
                val, "#b"));
        c.add(new Case("placeholder: unused value", s -> s.client.table(ACCOUNTS).update(A0).expression("SET balance = :v")
                .value(":v", 1).value(":extra", 2).execute(), val, ":extra"));
        c.add(new Case("placeholder: unused name", s -> s.client.table(ACCOUNTS).update(A0).expression("SET balance = :v")
                .value(":v", 1).name("#x", "x").execute(), val, "#x"));
        c.add(new Case("placeholder: value name without colon", s -> s.client.table(ACCOUNTS).update(A0).value("v", 1), val, "'v'"));
        c.add(new Case("placeholder: name without hash", s -> s.client.table(ACCOUNTS).update(A0).name("n", "x"), val, "'n'"));
        c.add(new Case("placeholder: values without expression", s -> s.client.table(ACCOUNTS).delete(A0).value(":v", 1).execute(),
                val, "ExpressionAttributeValues"));
        c.add(new Case("reserved word in update", s -> s.client.table(ACCOUNTS).update(A0).expression("SET status = :v").value(":v", "x").execute(),
                val, "reserved keyword"));
        c.add(new Case("reserved word in condition", s -> s.client.table(ACCOUNTS).delete(A0).condition("size > :v").value(":v", 1).execute(),
                val, "size"));
        c.add(new Case("reserved word in projection", s -> s.client.table(ACCOUNTS).get(A0).projection("name").execute(), val, "reserved keyword"));
        c.add(new Case("type error: string plus number", s -> s.client.table(ACCOUNTS).update(A0).expression("SET balance = balance + :s")
                .value(":s", "ten").execute(), val, "Incorrect operand type"));
        c.add(new Case("type error: ADD string", s -> s.client.table(ACCOUNTS).update(A0).expression("ADD tags :s").value(":s", "z").execute(),
                val, "Incorrect operand type"));
        c.add(new Case("type error: number set DELETE from string set", s -> s.client.table(ACCOUNTS).update(A0).expression("DELETE tags :s")
                .value(":s", Set.of(1)).execute(), val, "incorrect data type"));
        c.add(new Case("type error: begins_with on a number", s -> s.client.table(ACCOUNTS).delete(A0).condition("begins_with(id, :n)")
                .value(":n", 1).execute(), val, "begins_with"));
        c.add(new Case("update: key attribute", s -> s.client.table(ACCOUNTS).update(A0).expression("SET id = :v").value(":v", "z").execute(),
                val, "Cannot update attribute id"));
        c.add(new Case("update: overlapping paths", s -> s.client.table(ACCOUNTS).update(A0).expression("SET balance = :v REMOVE balance")
                .value(":v", 1).execute(), val, "overlap"));
        c.add(new Case("query: condition misses the partition key", s -> s.client.table(ORDERS).query().keyCondition("#n = :n")
                .name("#n", "no").value(":n", 1).execute(), val, "missed key schema element"));
        c.add(new Case("query: filter on a key attribute", s -> s.client.table(ORDERS).query().keyCondition("customer = :c")
                .filter("#n > :n").name("#n", "no").value(":c", "c0").value(":n", 1).execute(), val, "Primary key attribute: no"));
        c.add(new Case("query: key type mismatch", s -> s.client.table(ORDERS).query().keyCondition("customer = :c")
                .value(":c", 5).execute(), val, "type"));
        c.add(new Case("query: unknown index", s -> s.client.table(ORDERS).query().index("by_nothing").keyCondition("customer = :c")
                .value(":c", "c0").execute(), val, "by_nothing"));
        c.add(new Case("query: without key condition", s -> s.client.table(ORDERS).query().execute(), val, "key condition"));
        c.add(new Case("expression: over 4 KB", s -> s.client.table(ACCOUNTS).delete(A0).condition("attribute_exists(" + "a".repeat(5000) + ")")
                .execute(), val, "Expression size has exceeded the maximum allowed size"));
    }

    // --------------------------------------------------------------------------------- batches, transactions, GSIs

    private static List<Key> keys(int n) {
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) keys.add(Key.of("id", "k" + i));
        return keys;
    }

    private static void limits(List<Case> c) {
        Class<ValidationException> val = ValidationException.class;
        c.add(new Case("batch get: 101 keys", s -> s.client.batchGet().add(ACCOUNTS, keys(101)).execute(), val, "100"));
        c.add(new Case("batch get: 101 keys over two tables", s -> s.client.batchGet().add(ACCOUNTS, keys(60))
                .add(COUNTERS, keys(41)).execute(), val, "100"));
        c.add(new Case("batch get: same key twice", s -> s.client.batchGet().add(ACCOUNTS, A0, A0).execute(), val, "duplicates"));
        c.add(new Case("batch get: none", s -> s.client.batchGet().execute(), val, "at least one"));
        c.add(new Case("batch write: 26 writes", s -> {
            var b = s.client.batchWrite();
            for (int i = 0; i < 26; i++) b.put(ACCOUNTS, Item.of("id", "new" + i));
            b.execute();
        }, val, "25"));
        c.add(new Case("batch write: same item twice", s -> s.client.batchWrite().put(ACCOUNTS, Item.of("id", "n1"))
                .delete(ACCOUNTS, Key.of("id", "n1")).execute(), val, "duplicates"));
        c.add(new Case("batch write: one bad item spoils the batch", s -> s.client.batchWrite().put(ACCOUNTS, Item.of("id", "n1"))
                .put(ACCOUNTS, Item.of("id", 2)).execute(), val, "Type mismatch for key id"));
        c.add(new Case("batch write: none", s -> s.client.batchWrite().execute(), val, "at least one"));
        c.add(new Case("transact write: 101 actions", s -> {
            var t = s.client.transactWrite();
            for (int i = 0; i < 101; i++) t.put(ACCOUNTS, Item.of("id", "t" + i));
            t.execute();
        }, val, "100"));
        c.add(new Case("transact write: same item twice", s -> s.client.transactWrite().put(ACCOUNTS, Item.of("id", "t1"))
                .delete(ACCOUNTS, Key.of("id", "t1")).execute(), val, "multiple operations on one item"));
        c.add(new Case("transact write: over 4 MB", s -> {
            var t = s.client.transactWrite();
            for (int i = 0; i < 11; i++) t.put(ACCOUNTS, Item.of("id", "t" + i, "pad", "x".repeat(390 * 1024)));
            t.execute();
        }, val, "Transaction request size"));
        c.add(new Case("transact write: bad update among good puts", s -> s.client.transactWrite().put(ACCOUNTS, Item.of("id", "t1"))
                .update(UpdateRequest.builder(ACCOUNTS, A0).expression("SET balance = :x").build()).execute(), val, ":x"));
        c.add(new Case("transact write: client token too long", s -> s.client.transactWrite().clientToken("x".repeat(37)), val, "36"));
        c.add(new Case("transact write: none", s -> s.client.transactWrite().execute(), val, "at least one"));
        c.add(new Case("transact write: check without condition", s -> s.client.transactWrite()
                .conditionCheck(ConditionCheck.of(ACCOUNTS, A0, null, null)).execute(), val, "ondition"));
        c.add(new Case("transact get: 101 items", s -> {
            var t = s.client.transactGet();
            for (Key k : keys(101)) t.get(ACCOUNTS, k);
            t.execute();
        }, val, "100"));
        c.add(new Case("transact get: same item twice", s -> s.client.transactGet().get(ACCOUNTS, A0).get(ACCOUNTS, A0).execute(),
                val, "multiple operations on one item"));
        c.add(new Case("gsi: strong query", s -> s.client.table(ORDERS).query().index(BY_STATUS).keyCondition("#s = :s")
                .name("#s", "status").value(":s", "open").consistency(Consistency.STRONG).execute(), val,
                "Consistent read cannot be true when querying a GSI"));
        c.add(new Case("gsi: strong scan", s -> s.client.table(ORDERS).scan().index(BY_STATUS).consistency(Consistency.STRONG).execute(),
                val, "Consistent read cannot be true when scanning a GSI"));
        c.add(new Case("gsi: strong query in a session", s -> s.client.newSession().table(ORDERS).query().index(BY_STATUS)
                .keyCondition("#s = :s").name("#s", "status").value(":s", "open").consistency(Consistency.STRONG).execute(),
                val, "Consistent read cannot be true when querying a GSI"));
    }

    // ------------------------------------------------------------------------------------------ nulls

    private static void nulls(List<Case> c) {
        Class<ValidationException> val = ValidationException.class;
        Class<DdbcConfigException> cfg = DdbcConfigException.class;
        c.add(new Case("null: url", s -> Ddbc.connect((String) null), cfg, "URL"));
        c.add(new Case("null: builder backend", s -> Ddbc.builder().backend(null), cfg, "backend"));
        c.add(new Case("null: builder consistency", s -> Ddbc.builder().defaultConsistency(null), cfg, "consistency"));
        c.add(new Case("null: builder table consistency", s -> Ddbc.builder().tableConsistency(null, Consistency.STRONG), cfg, "table"));
        c.add(new Case("null: builder version attribute table", s -> Ddbc.builder().versionAttribute(null, "v"), cfg, "table"));
        c.add(new Case("null: builder cache", s -> Ddbc.builder().cache(null), cfg, "cache"));
        c.add(new Case("null: builder meter registry", s -> Ddbc.builder().meterRegistry(null), cfg, "registry"));
        c.add(new Case("null: builder retry", s -> Ddbc.builder().retry(null), cfg, "retry"));
        c.add(new Case("null: builder properties", s -> Ddbc.builder().properties(null), cfg, "properties"));
        c.add(new Case("null: builder secret", s -> Ddbc.builder().sessionTokenSecret(null), cfg, "secret"));
        c.add(new Case("null: table name", s -> s.client.table(null), val, "Table name"));
        c.add(new Case("null: key of get", s -> s.client.table(ACCOUNTS).get(null), val, "key"));
        c.add(new Case("null: item of put", s -> s.client.table(ACCOUNTS).put(null), val, "item"));
        c.add(new Case("null: item of putIfAbsent", s -> s.client.table(ACCOUNTS).putIfAbsent(null), val, "item"));
        c.add(new Case("null: key of update", s -> s.client.table(ACCOUNTS).update(null), val, "key"));
        c.add(new Case("null: key of delete", s -> s.client.table(ACCOUNTS).delete(null), val, "key"));
        c.add(new Case("null: mutate key", s -> s.client.table(COUNTERS).mutate(null, i -> i), val, "key"));
        c.add(new Case("null: mutate function", s -> s.client.table(COUNTERS).mutate(Key.of("id", "k0"), null), val, "change"));
        c.add(new Case("null: mutate function result", s -> s.client.table(COUNTERS).mutate(Key.of("id", "k0"), i -> null), val, "change"));
        c.add(new Case("null: key name", s -> Key.of(null, "x"), val, "partition key"));
        c.add(new Case("null: key value", s -> Key.of("id", null), val, "'id'"));
        c.add(new Case("null: attribute name in item", s -> Item.of(null, "x"), val, "attribute name"));
        c.add(new Case("null: Item.of map", s -> Item.of((Map<String, ?>) null), val, "values"));
        c.add(new Case("null: item builder name", s -> Item.builder().put(null, 1), val, "Attribute name"));
        c.add(new Case("null: item with name", s -> Item.of("id", "a").with(null, 1), val, "Attribute name"));
        c.add(new Case("null: string value", s -> AttributeValue.s(null), val, "S"));
        c.add(new Case("null: number text", s -> AttributeValue.n((String) null), val, "N"));
        c.add(new Case("null: list", s -> AttributeValue.l((List<AttributeValue>) null), val, "L"));
        c.add(new Case("null: set", s -> AttributeValue.ss(null), val, "SS"));
        c.add(new Case("null: set element", s -> AttributeValue.ss(java.util.Arrays.asList("a", null)), val, "SS"));
        c.add(new Case("null: placeholder name", s -> s.client.table(ACCOUNTS).update(A0).name(null, "x"), val, "null"));
        c.add(new Case("null: placeholder target", s -> s.client.table(ACCOUNTS).update(A0).name("#n", null), val, "#n"));
        c.add(new Case("null: names map", s -> s.client.table(ACCOUNTS).update(A0).names(null), val, "names"));
        c.add(new Case("null: values map", s -> s.client.table(ACCOUNTS).update(A0).values(null), val, "values"));
        c.add(new Case("null: expressions", s -> s.client.table(ACCOUNTS).update(A0).expressions(null), val, "placeholders"));
        c.add(new Case("null: execute request", s -> s.client.execute(null), val, "request"));
        c.add(new Case("null: executeAsync request", s -> s.client.executeAsync(null).join(), val, "request"));
        c.add(new Case("null: session execute request", s -> s.client.newSession().execute(null), val, "request"));
        c.add(new Case("null: batch get table", s -> s.client.batchGet().add(null, A0), val, "Table name"));
        c.add(new Case("null: batch get keys", s -> s.client.batchGet().add(ACCOUNTS, (Collection<Key>) null), val, "keys"));
        c.add(new Case("null: batch get key", s -> s.client.batchGet().add(ACCOUNTS, A0, null), val, "key"));
        c.add(new Case("null: batch get projection table", s -> s.client.batchGet().add(ACCOUNTS, A0).projection(null, "balance", Map.of()),
                val, "Table name"));
        c.add(new Case("null: batch write item", s -> s.client.batchWrite().put(ACCOUNTS, null), val, "item"));
        c.add(new Case("null: batch write key", s -> s.client.batchWrite().delete(ACCOUNTS, null), val, "key"));
        c.add(new Case("null: transact put", s -> s.client.transactWrite().put((PutRequest) null), val, "put"));
        c.add(new Case("null: transact put item", s -> s.client.transactWrite().put(ACCOUNTS, null), val, "item"));
        c.add(new Case("null: item builder putAll", s -> Item.builder().putAll(null), val, "null item"));
        c.add(new Case("null: retry delay", s -> RetryPolicy.exponential(3, null), cfg, "baseDelay"));
        c.add(new Case("null: cache ttl", s -> CacheSpec.writeThrough().ttl(null), cfg, "ttl"));
        c.add(new Case("null: transact update", s -> s.client.transactWrite().update(null), val, "update"));
        c.add(new Case("null: transact delete", s -> s.client.transactWrite().delete((DeleteRequest) null), val, "delete"));
        c.add(new Case("null: transact check", s -> s.client.transactWrite().conditionCheck(null), val, "check"));
        c.add(new Case("null: transact get key", s -> s.client.transactGet().get(ACCOUNTS, null), val, "key"));
        c.add(new Case("null: transact get table", s -> s.client.transactGet().get(null, A0), val, "Table name"));
        c.add(new Case("null: create table spec", s -> s.client.createTable(null), val, "table definition"));
        c.add(new Case("null: table spec name", s -> TableSpec.builder(null), val, "name"));
        c.add(new Case("null: describe table", s -> s.client.describeTable(null), val, "Table name"));
        c.add(new Case("null: delete table", s -> s.client.deleteTable(null), val, "Table name"));
        c.add(new Case("null: resume session", s -> s.client.resumeSession(null), SessionTokenException.class, "token"));
        c.add(new Case("null: merge session", s -> s.client.newSession().merge(null), SessionTokenException.class, "token"));
        c.add(new Case("null: token parse", s -> SessionToken.parse(null), SessionTokenException.class, "empty"));
        c.add(new Case("null: token merge", s -> s.client.newSession().token().merge(null), SessionTokenException.class, "token"));
        c.add(new Case("null: unwrap", s -> s.client.unwrap(null), cfg, "type"));
        c.add(new Case("null: get request builder", s -> s.client.execute(GetRequest.builder(ACCOUNTS, null).build()), val, "key"));
    }

    // ------------------------------------------------------------------------------------ after close

    /** What a case does with a closed client. */
    @FunctionalInterface
    interface ClosedAction {
        void run(DdbcClient closed, Store store) throws Exception;
    }

    private static void closed(List<Case> c, String name, ClosedAction onClosedClient) {
        c.add(new Case("closed: " + name, s -> {
            DdbcClient closed = s.client(Ddbc.builder());
            closed.close();
            closed.close(); // idempotent
            onClosedClient.run(closed, s);
        }, DdbcException.class, "closed"));
    }

    private static void afterClose(List<Case> c) {
        closed(c, "get", (k, s) -> k.table(ACCOUNTS).get(A0).execute());
        closed(c, "put", (k, s) -> k.table(ACCOUNTS).put(Item.of("id", "after-close")).execute());
        closed(c, "update", (k, s) -> k.table(ACCOUNTS).update(A0).expression("SET balance = :v").value(":v", 1).execute());
        closed(c, "delete", (k, s) -> k.table(ACCOUNTS).delete(A0).execute());
        closed(c, "query", (k, s) -> k.table(ORDERS).query().keyCondition("customer = :c").value(":c", "c0").execute());
        closed(c, "scan stream", (k, s) -> k.table(ORDERS).scan().stream().count());
        closed(c, "batch get", (k, s) -> k.batchGet().add(ACCOUNTS, A0).execute());
        closed(c, "batch write", (k, s) -> k.batchWrite().put(ACCOUNTS, Item.of("id", "after-close")).execute());
        closed(c, "transact write", (k, s) -> k.transactWrite().put(ACCOUNTS, Item.of("id", "after-close")).execute());
        closed(c, "transact get", (k, s) -> k.transactGet().get(ACCOUNTS, A0).execute());
        closed(c, "mutate", (k, s) -> k.table(COUNTERS).mutate(Key.of("id", "k0"), i -> i.with("n", 9)));
        closed(c, "create table", (k, s) -> k.createTable(TableSpec.builder("after_close").partitionKey("id", AttributeValue.Type.S).build()));
        closed(c, "delete table", (k, s) -> k.deleteTable(ACCOUNTS));
        closed(c, "list tables", (k, s) -> k.listTables());
        closed(c, "new session", (k, s) -> k.newSession());
        closed(c, "resume session", (k, s) -> k.resumeSession(SessionToken.empty(s.backend.sessionScope(), null)));
        c.add(new Case("closed: session opened before close", s -> {
            DdbcClient client = s.client(Ddbc.builder());
            DdbcSession session = client.newSession();
            client.close();
            session.table(ACCOUNTS).put(Item.of("id", "after-close")).execute();
        }, DdbcException.class, "closed"));
        closed(c, "executeAsync", (k, s) -> k.executeAsync(GetRequest.builder(ACCOUNTS, A0).build()).get(5, TimeUnit.SECONDS));
        closed(c, "builder executeAsync", (k, s) -> k.table(ACCOUNTS).put(Item.of("id", "after-close")).executeAsync().join());
        c.add(new Case("closed: concurrently with 4 writers", BadInputCatalogTest::concurrentClose, DdbcException.class, "closed"));
    }

    /**
     * Four threads write while the client closes under them: every operation either completes before the
     * close or fails with the "closed" DdbcException; the first such failure is rethrown for the catalog.
     * The writes that completed are undone so the store is as before.
     */
    private static void concurrentClose(Store s) throws Exception {
        DdbcClient client = s.client(Ddbc.builder());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch started = new CountDownLatch(4);
        List<Future<Throwable>> results = new ArrayList<>();
        try {
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    started.countDown();
                    for (int i = 0; ; i++) {
                        try {
                            client.table(ACCOUNTS).put(Item.of("id", "cc-" + thread + "-" + (i % 3))).execute();
                            client.table(ACCOUNTS).get(A0).execute();
                        } catch (Throwable e) {
                            return e;
                        }
                    }
                }));
            }
            started.await();
            Thread.sleep(20);
            client.close();
            DdbcException first = null;
            for (Future<Throwable> f : results) {
                Throwable e = f.get(10, TimeUnit.SECONDS);
                if (!(e instanceof DdbcException)) throw new AssertionError("a writer failed with " + e, e);
                if (first == null) first = (DdbcException) e;
            }
            throw first;
        } finally {
            pool.shutdownNow();
            var cleanup = s.client.batchWrite();
            for (int t = 0; t < 4; t++) for (int i = 0; i < 3; i++) cleanup.delete(ACCOUNTS, Key.of("id", "cc-" + t + "-" + i));
            cleanup.execute();
        }
    }
}
