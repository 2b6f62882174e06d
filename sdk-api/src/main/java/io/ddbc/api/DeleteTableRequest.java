package io.ddbc.api;

import io.ddbc.spi.Backend;

/**
 * DeleteTable: remove a table and all its items.
 *
 * <pre>{@code
 * client.deleteTable("scratch");
 * }</pre>
 *
 * @param tableName the table
 */
public record DeleteTableRequest(String tableName) implements DdbcRequest<TableDescription> {
    /** Requires a name. */
    public DeleteTableRequest {
        Requests.tableName(tableName);
    }

    @Override
    public TableDescription sendTo(Backend backend) {
        return backend.deleteTable(this);
    }

    @Override
    public String operation() {
        return "DeleteTable";
    }
}
