package io.ddbc.api;

import io.ddbc.spi.Backend;

/**
 * CreateTable from a {@link TableSpec}.
 *
 * <pre>{@code
 * TableDescription d = client.createTable(TableSpec.builder("accounts").partitionKey("id", AttributeValue.Type.S).build());
 * }</pre>
 *
 * @param spec the table definition
 */
public record CreateTableRequest(TableSpec spec) implements DdbcRequest<TableDescription> {
    /** Requires a spec. */
    public CreateTableRequest {
        if (spec == null) throw new ValidationException("CreateTable needs a table definition");
    }

    @Override
    public TableDescription sendTo(Backend backend) {
        return backend.createTable(this);
    }

    @Override
    public String operation() {
        return "CreateTable";
    }
}
