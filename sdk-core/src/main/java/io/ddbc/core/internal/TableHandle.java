package io.ddbc.core.internal;

import io.ddbc.api.DeleteRequest;
import io.ddbc.api.DescribeTableRequest;
import io.ddbc.api.GetRequest;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.PutRequest;
import io.ddbc.api.QueryRequest;
import io.ddbc.api.ScanRequest;
import io.ddbc.api.Table;
import io.ddbc.api.TableDescription;
import io.ddbc.api.UpdateRequest;
import io.ddbc.api.WriteResult;
import java.util.function.UnaryOperator;

/** A table seen through a client or a session: builders bound to that client or session. */
final class TableHandle implements Table {
    /** The placeholder of the partition key in {@link #putIfAbsent}'s condition. */
    static final String ABSENT_KEY = "#ddbc_pk";

    private final Operations ops;
    private final String name;

    TableHandle(Operations ops, String name) {
        this.ops = ops;
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public GetRequest.Builder get(Key key) {
        return new GetRequest.Builder(ops, name, key);
    }

    @Override
    public PutRequest.Builder put(Item item) {
        return new PutRequest.Builder(ops, name, item);
    }

    @Override
    public PutRequest.Builder putIfAbsent(Item item) {
        String partitionKey = ops.engine.catalog.info(name).spec().partitionKey().name();
        return put(item).condition("attribute_not_exists(" + ABSENT_KEY + ")").name(ABSENT_KEY, partitionKey);
    }

    @Override
    public UpdateRequest.Builder update(Key key) {
        return new UpdateRequest.Builder(ops, name, key);
    }

    @Override
    public DeleteRequest.Builder delete(Key key) {
        return new DeleteRequest.Builder(ops, name, key);
    }

    @Override
    public QueryRequest.Builder query() {
        return new QueryRequest.Builder(ops, name);
    }

    @Override
    public ScanRequest.Builder scan() {
        return new ScanRequest.Builder(ops, name);
    }

    @Override
    public WriteResult mutate(Key key, UnaryOperator<Item> change) {
        ops.engine.ensureOpen();
        if (key == null) throw new io.ddbc.api.ValidationException("The key to mutate must be given (table '" + name + "')");
        if (change == null) throw new io.ddbc.api.ValidationException("The change function of mutate must be given (table '" + name + "')");
        return ops.engine.writes.mutate(name, key, change, ops);
    }

    @Override
    public TableDescription describe() {
        return ops.execute(new DescribeTableRequest(name));
    }

    @Override
    public String toString() {
        return "Table{" + name + "}";
    }
}
