package io.ddbc.bench;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.BatchGetResult;
import io.ddbc.api.Consistency;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.Page;
import io.ddbc.api.Table;
import io.ddbc.api.TableSpec;
import io.ddbc.api.TransactWriteResult;
import io.ddbc.api.WriteResult;
import io.ddbc.core.Ddbc;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single operations on the embedded engine through the core client: get, put, update, a query page,
 * a batch get and a transactWrite. Items: partition key {@code pk} (100 partitions), sort key {@code sk}
 * (100 items each), about 60 bytes; three replicas per partition. Run: {@code java -jar benchmarks/target/benchmarks.jar jmh CoreOps}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoreOpsBenchmark {
    static final int PARTITIONS = 100;
    static final int ROWS = 100;
    static final String TABLE = "ops";

    DdbcClient client;
    Table table;
    Key[] keys;

    @Setup(Level.Trial)
    public void setUp() {
        client = Ddbc.connect(Backends.embeddedUrl(3));
        client.createTable(TableSpec.builder(TABLE).partitionKey("pk", AttributeValue.Type.S)
                .sortKey("sk", AttributeValue.Type.N).build());
        table = client.table(TABLE);
        keys = new Key[PARTITIONS * ROWS];
        for (int p = 0; p < PARTITIONS; p++) {
            for (int r = 0; r < ROWS; r++) {
                keys[p * ROWS + r] = Key.of("pk", "p" + p, "sk", r);
                table.put(item(p, r, 0)).execute();
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
    }

    static Item item(int p, int r, long v) {
        return Item.of("pk", "p" + p, "sk", r, "name", "name of row " + r, "counter", v, "active", true);
    }

    /** Each benchmark thread's own random numbers. */
    @State(Scope.Thread)
    public static class Rnd {
        final SplittableRandom rnd = new SplittableRandom(42);

        int row() {
            return rnd.nextInt(PARTITIONS * ROWS);
        }
    }

    @Benchmark
    public GetResult get(Rnd r) {
        return table.get(keys[r.row()]).consistency(Consistency.EVENTUAL).execute();
    }

    @Benchmark
    public WriteResult put(Rnd r) {
        int i = r.row();
        return table.put(item(i / ROWS, i % ROWS, i)).execute();
    }

    @Benchmark
    public WriteResult update(Rnd r) {
        return table.update(keys[r.row()]).expression("ADD #c :one").name("#c", "counter").value(":one", 1).execute();
    }

    /** One page of 25 items of one partition. */
    @Benchmark
    public Page queryPage(Rnd r) {
        return table.query().keyCondition("pk = :p AND sk >= :s").value(":p", "p" + r.row() / ROWS)
                .value(":s", r.rnd.nextInt(ROWS - 25)).limit(25).execute();
    }

    /** 25 random keys. */
    @Benchmark
    public BatchGetResult batchGet(Rnd r) {
        List<Key> batch = new ArrayList<>(25);
        while (batch.size() < 25) {
            Key k = keys[r.row()];
            if (!batch.contains(k)) batch.add(k);
        }
        return client.batchGet().add(TABLE, batch).execute();
    }

    /** Four puts in one partition plus an update in another, all or nothing. */
    @Benchmark
    public TransactWriteResult transactWrite(Rnd r) {
        int p = r.row() / ROWS;
        int row = r.rnd.nextInt(ROWS - 4);
        var tx = client.transactWrite();
        for (int i = 0; i < 4; i++) tx.put(TABLE, item(p, row + i, row));
        tx.update(table.update(keys[((p + 1) % PARTITIONS) * ROWS + row]).expression("ADD #c :one").name("#c", "counter")
                .value(":one", 1).build());
        return tx.execute();
    }
}
