package io.ddbc.typed;

import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.DdbcOperations;
import io.ddbc.api.DeleteRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ReturnValues;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.Table;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.ValidationException;
import io.ddbc.api.VersionConflictException;
import io.ddbc.api.WriteResult;
import io.ddbc.aws.SdkAttributes;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One table read and written as objects of {@code T}. Every method is one call of the untyped
 * {@link Table} of the client or session it is bound to, so consistency levels, session guarantees,
 * managed versions, {@code minVersion}, retries and the item cache behave exactly as there; the Enhanced
 * Client's {@link TableSchema} only converts between {@code T} and {@link Item}. Thread-safe.
 *
 * <pre>{@code
 * TypedTable<Account> accounts = TypedTables.of(client).table("accounts", Account.class);
 * accounts.put(account);                                              // version checked, like the Enhanced Client
 * Optional<Account> a = accounts.get(accounts.key("alice"), g -> g.consistency(Consistency.STRONG));
 * accounts.mutate(accounts.key("alice"), acc -> acc.withBalance(acc.balance() - 20));
 * List<Account> mine = accounts.query(q -> q.keyCondition("id = :id").value(":id", "alice")).toList();
 * DdbcSession session = client.newSession();
 * accounts.in(session).put(account);                                  // a later session read sees it
 * }</pre>
 *
 * <p>Versions: when {@code T} has a {@code @DynamoDbVersionAttribute}, {@link #put} is conditional on the
 * version the object carries, as with the Enhanced Client's {@code VersionedRecordExtension}: an object
 * without a version must be new, one read at version n overwrites only version n, and a
 * {@link VersionConflictException} says otherwise. ddbc increments the version on every write.
 *
 * @param <T> the mapped class
 */
public final class TypedTable<T> {
    /** Where the Enhanced Client's {@code VersionedRecordExtension} keeps the version attribute's name in a schema. */
    private static final String VERSION_METADATA_KEY = "VersionedRecordExtension:VersionAttribute";

    private final DdbcOperations ops;
    private final String name;
    private final TableSchema<T> schema;
    private final String versionAttribute;
    private final Table table;

    TypedTable(DdbcOperations ops, String name, TableSchema<T> schema, String versionAttribute) {
        this.ops = Objects.requireNonNull(ops, "ops");
        this.name = name;
        this.schema = schema;
        this.versionAttribute = versionAttribute;
        this.table = ops.table(name);
    }

    static Optional<String> versionAttributeOf(TableSchema<?> schema) {
        return schema.tableMetadata().customMetadataObject(VERSION_METADATA_KEY, String.class);
    }

    /** The table name. */
    public String name() {
        return name;
    }

    /** The mapping. */
    public TableSchema<T> schema() {
        return schema;
    }

    /** The managed version attribute declared by the class, if any. */
    public Optional<String> versionAttribute() {
        return Optional.ofNullable(versionAttribute);
    }

    /** The untyped table this one delegates to (same client or session). */
    public Table untyped() {
        return table;
    }

    /**
     * This table through another client or session, e.g. {@code accounts.in(session)}: reads and writes then
     * carry and advance that session's guarantees.
     */
    public TypedTable<T> in(DdbcOperations clientOrSession) {
        return new TypedTable<>(clientOrSession, name, schema, versionAttribute);
    }

    // ------------------------------------------------------------------------------------ keys and mapping

    /** The key of a table with a partition key only. */
    public Key key(Object partitionValue) {
        TableMetadata m = schema.tableMetadata();
        if (m.primarySortKey().isPresent()) {
            throw new ValidationException("Table '" + name + "' has sort key '" + m.primarySortKey().get() + "': use key(partition, sort)");
        }
        return Key.of(m.primaryPartitionKey(), partitionValue);
    }

    /** The key of a table with a partition and a sort key. */
    public Key key(Object partitionValue, Object sortValue) {
        TableMetadata m = schema.tableMetadata();
        String sort = m.primarySortKey().orElseThrow(() ->
                new ValidationException("Table '" + name + "' has no sort key in " + schema.itemType().rawClass().getName() + ": use key(partition)"));
        return Key.of(m.primaryPartitionKey(), partitionValue, sort, sortValue);
    }

    /** The key of an object. @throws ValidationException if a key attribute is null */
    public Key keyOf(T object) {
        TableMetadata m = schema.tableMetadata();
        Item item = toItem(object);
        String pk = m.primaryPartitionKey();
        Optional<String> sk = m.primarySortKey();
        for (String k : sk.isPresent() ? new String[] {pk, sk.get()} : new String[] {pk}) {
            if (!item.has(k)) throw new ValidationException("Table '" + name + "': the object has no value for key attribute '" + k + "'");
        }
        return sk.isPresent() ? Key.of(pk, item.get(pk), sk.get(), item.get(sk.get())) : Key.of(pk, item.get(pk));
    }

    /** The object as an item (null attributes left out, as the Enhanced Client writes them). */
    public Item toItem(T object) {
        Objects.requireNonNull(object, "object");
        return SdkAttributes.toItem(schema.itemToMap(object, true));
    }

    /** The item as an object; null for null or an empty item. */
    public T toObject(Item item) {
        if (item == null || item.isEmpty()) return null;
        return schema.mapToItem(SdkAttributes.toSdk(item));
    }

    // ------------------------------------------------------------------------------------ reads

    /** GetItem with the default consistency of the client, table or session. */
    public Optional<T> get(Key key) {
        return get(key, UnaryOperator.identity());
    }

    /**
     * GetItem with options of the untyped builder, e.g. {@code g -> g.consistency(Consistency.STRONG)} or
     * {@code g -> g.minVersion(7)}.
     */
    public Optional<T> get(Key key, UnaryOperator<GetRequest.Builder> options) {
        return options.apply(table.get(key)).execute().item().map(this::toObject);
    }

    /** Every item of one partition, pages fetched lazily (partition key of the table, not of an index). */
    public Stream<T> query(Object partitionValue) {
        String pk = schema.tableMetadata().primaryPartitionKey();
        return query(q -> q.keyCondition("#ddbc_typed_pk = :ddbc_typed_pk").name("#ddbc_typed_pk", pk).value(":ddbc_typed_pk", partitionValue));
    }

    /** A query built on the untyped builder (key condition, index, filter, consistency), items mapped lazily. */
    public Stream<T> query(UnaryOperator<QueryRequest.Builder> request) {
        return request.apply(table.query()).stream().map(this::toObject);
    }

    /** Every item of the table, pages fetched lazily. */
    public Stream<T> scan() {
        return scan(UnaryOperator.identity());
    }

    /** A scan built on the untyped builder (filter, index, segments, consistency), items mapped lazily. */
    public Stream<T> scan(UnaryOperator<ScanRequest.Builder> request) {
        return request.apply(table.scan()).stream().map(this::toObject);
    }

    // ------------------------------------------------------------------------------------ writes

    /**
     * PutItem. With a version attribute, conditional on the object's version (absent: the item must not
     * exist), as the Enhanced Client's optimistic locking.
     *
     * @return the result; {@link WriteResult#version()} is the item's new version
     * @throws VersionConflictException carrying the current item if the stored version is another
     */
    public WriteResult put(T object) {
        return put(object, UnaryOperator.identity());
    }

    /** {@link #put(Object)} with options of the untyped builder, e.g. a condition or return values. */
    public WriteResult put(T object, UnaryOperator<PutRequest.Builder> options) {
        Item item = toItem(object);
        PutRequest.Builder b = table.put(item);
        if (versionAttribute != null) b.expectVersion(item.has(versionAttribute) ? item.getLong(versionAttribute) : 0);
        return options.apply(b).execute();
    }

    /**
     * PutItem only if no item with the object's key exists (idempotent create).
     *
     * @throws ConditionFailedException carrying the existing item if it exists
     */
    public WriteResult putIfAbsent(T object) {
        return table.putIfAbsent(toItem(object)).execute();
    }

    /**
     * UpdateItem with an expression on the untyped builder; returns the new image.
     *
     * <pre>{@code
     * Account a = accounts.update(key, u -> u.expression("SET balance = balance + :d").value(":d", 5)).orElseThrow();
     * }</pre>
     */
    public Optional<T> update(Key key, UnaryOperator<UpdateRequest.Builder> update) {
        return update.apply(table.update(key)).returnValues(ReturnValues.ALL_NEW).execute().attributes().map(this::toObject);
    }

    /** DeleteItem. */
    public WriteResult delete(Key key) {
        return delete(key, UnaryOperator.identity());
    }

    /** DeleteItem with options of the untyped builder, e.g. {@code d -> d.expectVersion(3)}. */
    public WriteResult delete(Key key, UnaryOperator<DeleteRequest.Builder> options) {
        return options.apply(table.delete(key)).execute();
    }

    /**
     * Read-modify-write with optimistic concurrency ({@link Table#mutate}): {@code change} receives the
     * current object — null if there is none — and returns the new one; it may run several times when other
     * writers interleave. Requires a version attribute.
     *
     * @throws VersionConflictException if every attempt met a concurrent writer
     * @throws ValidationException if the table has no managed version attribute, or {@code change} returns null
     */
    public WriteResult mutate(Key key, UnaryOperator<T> change) {
        return table.mutate(key, current -> {
            T next = change.apply(toObject(current));
            if (next == null) throw new ValidationException("mutate on table '" + name + "', key " + key + ": the change returned null");
            return toItem(next);
        });
    }
}
