package io.ddbc.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.TableSpec;
import io.ddbc.api.VersionConflictException;
import io.ddbc.aws.AwsBackend;
import io.ddbc.aws.testing.DynamoDbLocalExtension;
import io.ddbc.core.Ddbc;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The typed table over the AWS adapter on DynamoDB Local (127.0.0.1): the same mapping, version declaration
 * (stored in ddbc's metadata table there), optimistic locking, sessions and queries as on the embedded engine.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class TypedTableOnDynamoDbLocalTest {

    @Test
    void theTypedContractHoldsOnDynamoDbLocal(DynamoDbClient local) {
        String name = "typed_" + UUID.randomUUID().toString().substring(0, 8);
        String orders = "orders_" + UUID.randomUUID().toString().substring(0, 8);
        try (DdbcClient client = Ddbc.builder().backend(AwsBackend.wrap(local)).build()) {
            client.createTable(TableSpec.builder(name).partitionKey("id", AttributeValue.Type.S).build());
            TypedTable<Account> accounts = TypedTables.of(client).table(name, Account.class);
            assertEquals("version", client.describeTable(name).spec().versionAttribute().orElseThrow());

            DdbcSession session = client.newSession();
            TypedTable<Account> mine = accounts.in(session);
            assertEquals(1, mine.put(new Account("alice", 10)).version().getAsLong());
            assertThrows(VersionConflictException.class, () -> mine.put(new Account("alice", 11)));
            mine.mutate(mine.key("alice"), a -> {
                a.setBalance(a.getBalance() + 5);
                return a;
            });
            Account alice = mine.get(mine.key("alice")).orElseThrow();
            assertEquals(15, alice.getBalance());
            assertEquals(2L, alice.getVersion());

            // another client (another process) finds the declaration stored with the backend
            try (DdbcClient other = Ddbc.builder().backend(AwsBackend.wrap(local)).build()) {
                TypedTable<Account> theirs = TypedTables.of(other).table(name, Account.class);
                assertEquals(3, theirs.mutate(theirs.key("alice"), a -> {
                    a.setBalance(0);
                    return a;
                }).version().getAsLong());
            }

            client.createTable(TableSpec.builder(orders).partitionKey("customer", AttributeValue.Type.S)
                    .sortKey("orderId", AttributeValue.Type.N).build());
            TypedTable<Order> typedOrders = TypedTables.of(client).table(orders, Order.class);
            typedOrders.put(Order.of("bob", 2, "2.50"));
            typedOrders.put(Order.of("bob", 1, "1.25"));
            List<Integer> ids = typedOrders.query(q -> q.keyCondition("customer = :c").value(":c", "bob").consistency(Consistency.STRONG))
                    .map(Order::orderId).toList();
            assertEquals(List.of(1, 2), ids);
            assertThrows(ConditionFailedException.class, () -> typedOrders.putIfAbsent(Order.of("bob", 1, "9")));
        }
    }
}
