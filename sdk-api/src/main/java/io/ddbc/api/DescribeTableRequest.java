package io.ddbc.api;

import io.ddbc.spi.Backend;

/**
 * DescribeTable: a table's definition, status and size.
 *
 * <pre>{@code
 * TableDescription d = client.describeTable("accounts");
 * }</pre>
 *
 * @param tableName the table
 */
public record DescribeTableRequest(String tableName) implements DdbcRequest<TableDescription> {
    /** Requires a name. */
    public DescribeTableRequest {
        Requests.tableName(tableName);
    }

    @Override
    public TableDescription sendTo(Backend backend) {
        return backend.describeTable(this);
    }

    @Override
    public String operation() {
        return "DescribeTable";
    }
}
