package io.ddbc.api;

import java.util.function.UnaryOperator;

/**
 * One table, seen through a client or a session: the entry point of the fluent single-table
 * operations. Obtained from {@link DdbcOperations#table(String)}; cheap, thread-safe, reusable.
 *
 * <pre>{@code
 * Table accounts = client.table("accounts");
 * accounts.put(Item.of("id", "alice", "balance", 0)).execute();
 * GetResult r = accounts.get(Key.of("id", "alice")).consistency(Consistency.STRONG).execute();
 * accounts.update(Key.of("id", "alice")).expression("SET balance = balance + :d").value(":d", 500).execute();
 * accounts.mutate(Key.of("id", "alice"), item -> item.with("balance", item.getLong("balance") - 20));
 * }</pre>
 */
public interface Table {

    /** The table name. */
    String name();

    /** GetItem by key. */
    GetRequest.Builder get(Key key);

    /** PutItem: create or replace an item. */
    PutRequest.Builder put(Item item);

    /**
     * PutItem only if no item with the same key exists (idempotent create): a repeat raises
     * {@link ConditionFailedException} carrying the existing item.
     */
    PutRequest.Builder putIfAbsent(Item item);

    /** UpdateItem by key with an update expression. */
    UpdateRequest.Builder update(Key key);

    /** DeleteItem by key. */
    DeleteRequest.Builder delete(Key key);

    /** Query one partition key of the table or an index. */
    QueryRequest.Builder query();

    /** Scan the table or an index. */
    ScanRequest.Builder scan();

    /**
     * Read-modify-write with optimistic concurrency on a versioned table: reads the item (session
     * consistency), applies {@code change} (which receives {@link Item#empty()} if absent, and may be
     * called several times), writes with the version condition, and on a conflict retries with jittered
     * backoff up to the client's limit.
     *
     * @return the result of the successful write, with the new version
     * @throws VersionConflictException carrying the current item if every attempt met a concurrent writer
     * @throws ValidationException if the table has no managed version attribute
     */
    WriteResult mutate(Key key, UnaryOperator<Item> change);

    /** DescribeTable. */
    TableDescription describe();
}
