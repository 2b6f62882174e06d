package io.ddbc.api;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Capacity units a request consumed, per table and per index, as DynamoDB reports them with
 * {@code ReturnConsumedCapacity=INDEXES}. Immutable; {@link #plus} adds two reports (pages, retries,
 * batch parts).
 *
 * <pre>{@code
 * ConsumedCapacity c = result.consumedCapacity();
 * double rcu = c.readUnits();                             // everything read, tables and indexes
 * double gsiWcu = c.index("accounts", "by_email").write();
 * }</pre>
 */
public final class ConsumedCapacity {

    /** Read and write units of one table or index. */
    public record Units(double read, double write) {
        /** No units. */
        public static final Units ZERO = new Units(0, 0);

        /** The sum of two unit counts. */
        public Units plus(Units other) {
            return new Units(read + other.read, write + other.write);
        }

        /** Read plus write units. */
        public double total() {
            return read + write;
        }
    }

    /** No capacity consumed (e.g. a cache hit). */
    public static final ConsumedCapacity NONE = new ConsumedCapacity(Collections.emptyMap(), Collections.emptyMap());

    /** table → units of the table itself. */
    private final Map<String, Units> tables;
    /** table → index → units. */
    private final Map<String, Map<String, Units>> indexes;

    private ConsumedCapacity(Map<String, Units> tables, Map<String, Map<String, Units>> indexes) {
        this.tables = tables;
        this.indexes = indexes;
    }

    /** Capacity consumed on a table itself. */
    public static ConsumedCapacity ofTable(String table, double readUnits, double writeUnits) {
        return NONE.plusTable(table, new Units(readUnits, writeUnits));
    }

    /** This report plus units on a table itself. */
    public ConsumedCapacity plusTable(String table, Units units) {
        Map<String, Units> t = new TreeMap<>(tables);
        t.merge(table, units, Units::plus);
        return new ConsumedCapacity(Collections.unmodifiableMap(t), indexes);
    }

    /** This report plus units on an index of a table. */
    public ConsumedCapacity plusIndex(String table, String index, Units units) {
        Map<String, Map<String, Units>> all = new TreeMap<>(indexes);
        Map<String, Units> forTable = new TreeMap<>(all.getOrDefault(table, Collections.emptyMap()));
        forTable.merge(index, units, Units::plus);
        all.put(table, Collections.unmodifiableMap(forTable));
        Map<String, Units> t = tables.containsKey(table) ? tables : plusTable(table, Units.ZERO).tables;
        return new ConsumedCapacity(t, Collections.unmodifiableMap(all));
    }

    /** The sum of two reports. */
    public ConsumedCapacity plus(ConsumedCapacity other) {
        if (other.isZero() && other.tables.isEmpty()) return this;
        if (isZero() && tables.isEmpty()) return other;
        ConsumedCapacity sum = this;
        for (Map.Entry<String, Units> e : other.tables.entrySet()) sum = sum.plusTable(e.getKey(), e.getValue());
        for (Map.Entry<String, Map<String, Units>> t : other.indexes.entrySet()) {
            for (Map.Entry<String, Units> i : t.getValue().entrySet()) sum = sum.plusIndex(t.getKey(), i.getKey(), i.getValue());
        }
        return sum;
    }

    /** Read units over all tables and indexes. */
    public double readUnits() {
        double r = 0;
        for (Units u : tables.values()) r += u.read;
        for (Map<String, Units> m : indexes.values()) for (Units u : m.values()) r += u.read;
        return r;
    }

    /** Write units over all tables and indexes. */
    public double writeUnits() {
        double w = 0;
        for (Units u : tables.values()) w += u.write;
        for (Map<String, Units> m : indexes.values()) for (Units u : m.values()) w += u.write;
        return w;
    }

    /** Read plus write units over everything, DynamoDB's {@code CapacityUnits}. */
    public double capacityUnits() {
        return readUnits() + writeUnits();
    }

    /** Whether nothing was consumed. */
    public boolean isZero() {
        return capacityUnits() == 0;
    }

    /** The names of the tables in this report. */
    public Set<String> tableNames() {
        return tables.keySet();
    }

    /** Units consumed on the table itself (not its indexes); zero if absent. */
    public Units table(String table) {
        return tables.getOrDefault(table, Units.ZERO);
    }

    /** Units of every index of a table that consumed any. */
    public Map<String, Units> indexes(String table) {
        return indexes.getOrDefault(table, Collections.emptyMap());
    }

    /** Units consumed on one index; zero if absent. */
    public Units index(String table, String index) {
        return indexes(table).getOrDefault(index, Units.ZERO);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsumedCapacity && tables.equals(((ConsumedCapacity) o).tables)
                && indexes.equals(((ConsumedCapacity) o).indexes);
    }

    @Override
    public int hashCode() {
        return tables.hashCode() * 31 + indexes.hashCode();
    }

    @Override
    public String toString() {
        return "ConsumedCapacity{read=" + readUnits() + ", write=" + writeUnits() + ", tables=" + tables + ", indexes=" + indexes + "}";
    }
}
