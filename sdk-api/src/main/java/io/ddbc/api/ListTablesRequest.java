package io.ddbc.api;

import io.ddbc.spi.Backend;

/**
 * ListTables: table names in order, in pages of at most {@code limit} (1–100).
 *
 * <pre>{@code
 * List<String> names = client.listTables();
 * }</pre>
 *
 * @param exclusiveStartTableName continue after this name, or null
 * @param limit page size, 1–100
 */
public record ListTablesRequest(String exclusiveStartTableName, int limit) implements DdbcRequest<ListTablesResult> {
    /** Checks the limit. */
    public ListTablesRequest {
        if (limit < 1 || limit > 100) throw new ValidationException("ListTables limit must be 1 to 100, got " + limit);
    }

    /** The first page of up to 100 names. */
    public static ListTablesRequest firstPage() {
        return new ListTablesRequest(null, 100);
    }

    @Override
    public ListTablesResult sendTo(Backend backend) {
        return backend.listTables(this);
    }

    @Override
    public String operation() {
        return "ListTables";
    }
}
