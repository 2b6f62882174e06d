package io.ddbc.embedded;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.CreateTableRequest;
import io.ddbc.api.DdbcException;
import io.ddbc.api.GetRequest;
import io.ddbc.api.IndexSpec;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Projection;
import io.ddbc.api.PutRequest;
import io.ddbc.api.TableSpec;
import io.ddbc.api.ValidationException;
import org.junit.jupiter.api.function.Executable;

/** Shared tables and helpers for the engine tests. Each test gets a fresh backend. */
final class Fixture {
    /** A table keyed by {@code id} (S). */
    static final String SIMPLE = "simple";
    /**
     * A table keyed by {@code pk} (S) + {@code sk} (N), with GSI {@code by_email} (email S, ALL), GSI
     * {@code by_status} (status S + sk N, KEYS_ONLY) and LSI {@code by_rank} (rank N, INCLUDE score).
     */
    static final String SORTED = "sorted";

    private Fixture() {
    }

    static EmbeddedBackend backendWithTables() {
        EmbeddedBackend b = EmbeddedBackend.inMemory(4);
        b.createTable(new CreateTableRequest(TableSpec.builder(SIMPLE).partitionKey("id", AttributeValue.Type.S).build()));
        b.createTable(new CreateTableRequest(sortedSpec()));
        return b;
    }

    static TableSpec sortedSpec() {
        return TableSpec.builder(SORTED).partitionKey("pk", AttributeValue.Type.S).sortKey("sk", AttributeValue.Type.N)
                .globalIndex(IndexSpec.global("by_email").partitionKey("email", AttributeValue.Type.S).build())
                .globalIndex(IndexSpec.global("by_status").partitionKey("status", AttributeValue.Type.S).sortKey("sk", AttributeValue.Type.N)
                        .projection(Projection.keysOnly()).build())
                .localIndex(IndexSpec.local("by_rank").sortKey("rank", AttributeValue.Type.N).projection(Projection.include("score")).build())
                .build();
    }

    static Item get(EmbeddedBackend b, String table, Key key) {
        return b.get(GetRequest.builder(table, key).consistency(io.ddbc.api.Consistency.STRONG).build()).item().orElse(null);
    }

    static void put(EmbeddedBackend b, String table, Item item) {
        b.put(PutRequest.builder(table, item).build());
    }

    /** A string of {@code n} ASCII bytes. */
    static String bytes(int n) {
        return "x".repeat(n);
    }

    /** Asserts a ValidationException whose message contains {@code fragment}. */
    static ValidationException invalid(String fragment, Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' should contain '" + fragment + "'");
        return e;
    }

    /** Asserts an exception of a type whose message contains {@code fragment}. */
    static <T extends DdbcException> T fails(Class<T> type, String fragment, Executable call) {
        T e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' should contain '" + fragment + "'");
        return e;
    }

    static AttributeValue s(String v) {
        return AttributeValue.s(v);
    }
}
