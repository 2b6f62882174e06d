package io.ddbc.bench;

import io.ddbc.api.Item;
import io.ddbc.api.PutRequest;
import io.ddbc.spi.Backend;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;

/**
 * Heap bytes per item stored in the embedded engine (three replicas), against the raw size of the data
 * by DynamoDB's item-size rules ({@link Item#sizeInBytes()}). Heap is measured with {@code System.gc()}
 * and the {@link MemoryMXBean} before and after loading; to show what dominates, the same items are also
 * measured held in a plain array (the cost of the immutable {@code Item} objects alone). Target: at most
 * twice the raw size.
 */
final class HeapPerItem implements Experiment {
    @Override
    public String name() {
        return "heap";
    }

    @Override
    public void run(Mode mode, Report report) throws Exception {
        int n = mode.heapItems();
        long raw = 0;
        for (int i = 0; i < n; i++) raw += Records.item(i).sizeInBytes();
        double rawPerItem = (double) raw / n;

        long base = usedHeap();
        Item[] held = new Item[n];
        for (int i = 0; i < n; i++) held[i] = Records.item(i);
        double objectsPerItem = (double) (usedHeap() - base) / n - 4; // minus the array slot
        Reference.reachabilityFence(held);
        held = null;

        for (int replicas : Backends.replicasSupported() ? new int[] {1, 3} : new int[] {1}) {
            double enginePerItem = enginePerItem(replicas, n);
            report.detail("%,d items, %d replica(s): raw %.1f B/item (DynamoDB rules), Item objects alone %.1f B/item,"
                    + " engine %.1f B/item (%.2fx raw, %.2fx the Item objects)", n, replicas, rawPerItem, objectsPerItem,
                    enginePerItem, enginePerItem / rawPerItem, enginePerItem / objectsPerItem);
            report.ratio("heap_vs_raw_ratio_" + replicas + "_replica" + (replicas > 1 ? "s" : ""), enginePerItem / rawPerItem);
        }
    }

    private static double enginePerItem(int replicas, int n) throws Exception {
        long before = usedHeap();
        try (Backend engine = Backends.embedded(replicas)) {
            engine.createTable(new io.ddbc.api.CreateTableRequest(Records.spec()));
            for (int i = 0; i < n; i++) engine.put(PutRequest.builder(Records.TABLE, Records.item(i)).build());
            Thread.sleep(500); // let asynchronous replication reach the third replica
            long after = usedHeap();
            Reference.reachabilityFence(engine);
            return (double) (after - before) / n;
        }
    }

    /** Heap in use after full collections (several, until it stops shrinking). */
    static long usedHeap() {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            long used = mx.getHeapMemoryUsage().getUsed();
            if (used >= last - 64 * 1024) return Math.min(used, last);
            last = used;
        }
        return last;
    }
}
