package io.ddbc.samples.orders;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcOperations;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.api.WriteResult;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The seeds' OrderService, mixing consistency levels per call as the seeds recommend: the order
 * confirmation page reads strongly (it must show what was just placed), the order history reads
 * eventually (cheap, may lag a little), and a user's own view uses the session (sees their own
 * orders at eventual cost).
 *
 * <pre>{@code
 * OrderService orders = new OrderService(client);
 * orders.place(session, "alice", "o-1", 4200);
 * orders.confirmation("alice", "o-1");          // STRONG
 * orders.history("alice");                      // EVENTUAL query
 * orders.myOrders(session, "alice");            // SESSION query
 * }</pre>
 */
public final class OrderService {
    /** Orders by customer (partition key) and order id (sort key). */
    public static final String TABLE = "orders";

    private final DdbcClient client;

    /** An order service over a client. */
    public OrderService(DdbcClient client) {
        this.client = client;
    }

    /** Creates the orders table if absent. */
    public void createTable() {
        if (!client.listTables().contains(TABLE)) {
            client.createTable(TableSpec.builder(TABLE).partitionKey("customer", AttributeValue.Type.S)
                    .sortKey("orderId", AttributeValue.Type.S).build());
        }
    }

    /** Places an order once (a repeat with the same id is refused, so a retried request cannot double-order). */
    public WriteResult place(DdbcOperations ops, String customer, String orderId, long totalCents) {
        return ops.table(TABLE).putIfAbsent(Item.of("customer", customer, "orderId", orderId, "status", "PENDING",
                "total", totalCents)).execute();
    }

    /** Moves an order to a new status only from the expected one. */
    public void advance(DdbcOperations ops, String customer, String orderId, String from, String to) {
        ops.table(TABLE).update(Key.of("customer", customer, "orderId", orderId))
                .expression("SET #s = :to").condition("#s = :from")
                .name("#s", "status").value(":from", from).value(":to", to).execute();
    }

    /** The confirmation page: a strong read, guaranteed to show the order just placed. */
    public Optional<Item> confirmation(String customer, String orderId) {
        return client.table(TABLE).get(Key.of("customer", customer, "orderId", orderId))
                .consistency(Consistency.STRONG).execute().item();
    }

    /** The order history: an eventual query, half the cost, may miss the newest order briefly. */
    public List<Item> history(String customer) {
        return client.table(TABLE).query().keyCondition("customer = :c").value(":c", customer)
                .consistency(Consistency.EVENTUAL).scanIndexForward(false).stream().collect(Collectors.toList());
    }

    /** The customer's own view within their session: includes every order the session placed. */
    public List<Item> myOrders(DdbcOperations session, String customer) {
        return session.table(TABLE).query().keyCondition("customer = :c").value(":c", customer)
                .stream().collect(Collectors.toList());
    }
}
