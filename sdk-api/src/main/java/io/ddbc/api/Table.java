package io.ddbc.api;

import com.google.errorprone.annotations.CheckReturnValue;
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
 *
 * <p>The methods that return a builder are {@code @CheckReturnValue}: nothing is sent until {@code execute()}, so
 * Error Prone and IDEs flag a statement like {@code accounts.put(item);} that would silently do nothing.
 */
public interface Table {

    /** The table name. */
    String name();

    /** GetItem by key. */
    @CheckReturnValue
    GetRequest.Builder get(Key key);

    /** PutItem: create or replace an item. */
    @CheckReturnValue
    PutRequest.Builder put(Item item);

    /**
     * PutItem only if no item with the same key exists (idempotent create): a repeat raises
     * {@link ConditionFailedException} carrying the existing item.
     */
    @CheckReturnValue
    PutRequest.Builder putIfAbsent(Item item);

    /** UpdateItem by key with an update expression. */
    @CheckReturnValue
    UpdateRequest.Builder update(Key key);

    /** DeleteItem by key. */
    @CheckReturnValue
    DeleteRequest.Builder delete(Key key);

    /** Query one partition key of the table or an index. */
    @CheckReturnValue
    QueryRequest.Builder query();

    /** Scan the table or an index. */
    @CheckReturnValue
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
