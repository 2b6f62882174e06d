package io.ddbc.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of table names.
 *
 * <pre>{@code
 * ListTablesResult page = client.execute(ListTablesRequest.firstPage());
 * }</pre>
 *
 * @param tableNames the names, in order
 * @param lastEvaluatedTableName where to continue, empty on the last page
 */
public record ListTablesResult(List<String> tableNames, Optional<String> lastEvaluatedTableName) {
    /** Copies the list. */
    public ListTablesResult {
        tableNames = List.copyOf(tableNames);
        lastEvaluatedTableName = lastEvaluatedTableName == null ? Optional.empty() : lastEvaluatedTableName;
    }
}
