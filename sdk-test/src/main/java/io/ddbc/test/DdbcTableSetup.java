package io.ddbc.test;

import io.ddbc.api.DdbcClient;

/**
 * Implemented by a {@link DdbcTest} class that creates its tables in code (after any {@link DdbcTable}s).
 *
 * <pre>{@code
 * @DdbcTest
 * class BankTest implements DdbcTableSetup {
 *     public void createTables(DdbcClient client) { new BankService(client).createTable(); }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DdbcTableSetup {
    /** Creates the tables on the fresh engine of one test. */
    void createTables(DdbcClient client);
}
