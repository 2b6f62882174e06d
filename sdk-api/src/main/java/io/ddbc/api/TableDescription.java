package io.ddbc.api;

import java.time.Instant;

/**
 * What DescribeTable says of a table.
 *
 * <pre>{@code
 * TableDescription d = client.describeTable("accounts");
 * System.out.println(d.spec().billing() + " " + d.itemCount());
 * }</pre>
 *
 * @param spec the definition (for AWS, the version attribute is what ddbc was configured with)
 * @param status ACTIVE, CREATING, DELETING or UPDATING
 * @param itemCount approximate number of items
 * @param sizeBytes approximate size in bytes
 * @param createdAt when the table was created
 */
public record TableDescription(TableSpec spec, String status, long itemCount, long sizeBytes, Instant createdAt) {
    /** Requires a spec and status. */
    public TableDescription {
        if (spec == null || status == null) throw new ValidationException("A table description needs a spec and a status");
    }

    /** The table name. */
    public String name() {
        return spec.name();
    }
}
