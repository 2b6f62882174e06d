/**
 * Typed tables: read and write your own classes instead of {@link io.ddbc.api.Item}s, with the mapping of
 * the DynamoDB Enhanced Client ({@code TableSchema.fromBean}, {@code fromImmutableClass}, static schemas)
 * and every guarantee of ddbc's untyped tables (consistency, sessions, managed versions, the cache),
 * because each typed call is one untyped call.
 *
 * <pre>{@code
 * TypedTable<Account> accounts = TypedTables.of(client).table("accounts", Account.class);
 * accounts.put(new Account("alice", 100));
 * Optional<Account> a = accounts.get(accounts.key("alice"));
 * }</pre>
 */
package io.ddbc.typed;
