package io.ddbc.wrapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.Key;
import io.ddbc.api.SessionToken;
import io.ddbc.api.SessionTokenException;
import io.ddbc.embedded.EmbeddedBackend;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Where sessions live: per wrapper, per thread, or bound to the thread with a token. */
class SessionScopeTest {
    private EmbeddedDynamoDbClient sdk;

    @BeforeEach
    void setUp() {
        sdk = EmbeddedDynamoDbClient.over(EmbeddedBackend.inMemory(1));
        sdk.createTable(b -> b.tableName("items").keySchema(k -> k.attributeName("id").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("id").attributeType("S")));
    }

    private static void write(DdbcDynamoDbClient w, String id) {
        w.putItem(b -> b.tableName("items").item(Map.of("id", AttributeValue.fromS(id), "ver", AttributeValue.fromN("3"))));
    }

    private static long known(DdbcDynamoDbClient w, String id) {
        return w.currentToken().knownVersion("items", Key.of("id", id));
    }

    private static WrapperOptions options(SessionScope scope) {
        return WrapperOptions.builder().versionAttribute("items", "ver").sessionScope(scope).build();
    }

    @Test
    void perWrapperOneSessionSeesWritesOfEveryThread() throws Exception {
        DdbcDynamoDbClient w = DdbcDynamoDbClient.wrap(sdk, options(SessionScope.PER_WRAPPER));
        Thread t = new Thread(() -> write(w, "a"));
        t.start();
        t.join();
        assertEquals(3, known(w, "a"));
    }

    @Test
    void perThreadEachThreadHasItsOwnSession() throws Exception {
        DdbcDynamoDbClient w = DdbcDynamoDbClient.wrap(sdk, options(SessionScope.PER_THREAD));
        AtomicLong seenThere = new AtomicLong(-1);
        Thread t = new Thread(() -> {
            write(w, "a");
            seenThere.set(known(w, "a"));
        });
        t.start();
        t.join();
        assertEquals(3, seenThere.get());
        assertEquals(0, known(w, "a"), "another thread's write is not in this thread's session");
    }

    @Test
    void aBoundSessionRecordsWhileBoundAndTheOuterSessionComesBack() {
        DdbcDynamoDbClient w = DdbcDynamoDbClient.wrap(sdk, options(SessionScope.PER_WRAPPER));
        SessionToken token;
        try (BoundSession s = w.session(null)) {
            write(w, "a");
            token = s.token();
            assertEquals(3, s.token().knownVersion("items", Key.of("id", "a")));
        }
        assertEquals(0, known(w, "a"), "the wrapper's own session did not record the bound session's write");
        try (BoundSession s = w.session(SessionToken.parse(token.serialize()))) {
            assertEquals(3, known(w, "a"));
            try (BoundSession inner = w.session(null)) {
                assertEquals(0, known(w, "a"));
            }
            assertEquals(3, known(w, "a"), "closing the inner binding restores the outer one");
        }
    }

    @Test
    void aTokenOfAnotherScopeIsRefused() {
        DdbcDynamoDbClient w = DdbcDynamoDbClient.wrap(sdk, options(SessionScope.PER_WRAPPER));
        SessionToken foreign = SessionToken.empty("ddbc:embedded:other", null);
        SessionTokenException e = assertThrows(SessionTokenException.class, () -> w.session(foreign));
        assertTrue(e.getMessage().contains("ddbc:embedded:other"), e.getMessage());
    }

    @Test
    void aBoundSessionMustBeClosedByItsThread() throws Exception {
        DdbcDynamoDbClient w = DdbcDynamoDbClient.wrap(sdk, options(SessionScope.PER_WRAPPER));
        BoundSession s = w.session(null);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                s.close();
            } catch (Throwable x) {
                failure.set(x);
            }
        });
        t.start();
        t.join();
        assertNotEquals(null, failure.get());
        s.close();
    }
}
