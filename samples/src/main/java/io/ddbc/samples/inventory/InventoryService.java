package io.ddbc.samples.inventory;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;
import io.ddbc.api.VersionConflictException;

/**
 * Stock kept per SKU with optimistic locking: many buyers at once, never oversold. Each purchase
 * is a read-modify-write through {@code mutate}, which retries on version conflicts.
 *
 * <pre>{@code
 * InventoryService inv = new InventoryService(client);
 * inv.restock("sku-1", 10);
 * boolean bought = inv.buy("sku-1", 1);
 * }</pre>
 */
public final class InventoryService {
    /** Stock per SKU, versioned. */
    public static final String TABLE = "inventory";

    private final DdbcClient client;

    /** An inventory over a client. */
    public InventoryService(DdbcClient client) {
        this.client = client;
    }

    /** Creates the versioned inventory table if absent. */
    public void createTable() {
        if (!client.listTables().contains(TABLE)) {
            client.createTable(TableSpec.builder(TABLE).partitionKey("sku", AttributeValue.Type.S).versionAttribute("version").build());
        }
    }

    /** Sets the stock of a SKU. */
    public void restock(String sku, long quantity) {
        client.table(TABLE).mutate(Key.of("sku", sku), item -> Item.of("sku", sku, "stock", quantity, "sold", 0));
    }

    /**
     * Buys {@code quantity} units if enough are left.
     *
     * @return whether the purchase went through
     * @throws VersionConflictException if contention outlasted the retry limit
     */
    public boolean buy(String sku, long quantity) {
        boolean[] bought = {false};
        client.table(TABLE).mutate(Key.of("sku", sku), item -> {
            long stock = item.has("stock") ? item.getLong("stock") : 0;
            bought[0] = stock >= quantity;   // re-evaluated on every attempt
            if (!bought[0]) return item;
            long sold = item.has("sold") ? item.getLong("sold") : 0;
            return item.with("stock", stock - quantity).with("sold", sold + quantity);
        });
        return bought[0];
    }

    /** Units left, read strongly. */
    public long stock(String sku) {
        return client.table(TABLE).get(Key.of("sku", sku)).consistency(Consistency.STRONG).execute()
                .item().map(i -> i.getLong("stock")).orElse(0L);
    }

    /** Units sold, read strongly. */
    public long sold(String sku) {
        return client.table(TABLE).get(Key.of("sku", sku)).consistency(Consistency.STRONG).execute()
                .item().map(i -> i.getLong("sold")).orElse(0L);
    }
}
