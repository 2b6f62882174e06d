package io.ddbc.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The definition of a table: keys, secondary indexes, billing, and an optional managed version
 * attribute that ddbc increments on every write for optimistic concurrency. Immutable; validated by
 * DynamoDB's rules when built.
 *
 * <pre>{@code
 * TableSpec accounts = TableSpec.builder("accounts")
 *         .partitionKey("id", AttributeValue.Type.S)
 *         .globalIndex(IndexSpec.global("by_email").partitionKey("email", AttributeValue.Type.S).build())
 *         .billing(Billing.provisioned(100, 50))
 *         .versionAttribute("version")
 *         .build();
 * client.createTable(accounts);
 * }</pre>
 */
public final class TableSpec {
    /** Most local secondary indexes a table may have. */
    public static final int MAX_LOCAL_INDEXES = 5;
    /** Most global secondary indexes a table may have (DynamoDB's default quota). */
    public static final int MAX_GLOBAL_INDEXES = 20;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{3,255}");

    private final String name;
    private final KeyAttribute partitionKey;
    private final KeyAttribute sortKey;
    private final List<IndexSpec> globalIndexes;
    private final List<IndexSpec> localIndexes;
    private final Billing billing;
    private final String versionAttribute;

    private TableSpec(Builder b) {
        this.name = b.name;
        this.partitionKey = b.partitionKey;
        this.sortKey = b.sortKey;
        this.globalIndexes = List.copyOf(b.globalIndexes);
        List<IndexSpec> locals = new ArrayList<>();
        for (IndexSpec lsi : b.localIndexes) locals.add(lsi.withPartitionKey(b.partitionKey));
        this.localIndexes = List.copyOf(locals);
        this.billing = b.billing;
        this.versionAttribute = b.versionAttribute;
    }

    /** A builder for a table with the given name (3–255 characters of {@code [A-Za-z0-9_.-]}). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder starting from this definition. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.partitionKey = partitionKey;
        b.sortKey = sortKey;
        b.globalIndexes.addAll(globalIndexes);
        b.localIndexes.addAll(localIndexes);
        b.billing = billing;
        b.versionAttribute = versionAttribute;
        return b;
    }

    static void checkName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("Invalid " + what + " name '" + name
                    + "': it must be 3 to 255 characters of letters, digits, '_', '-' and '.'");
        }
    }

    /** The table name. */
    public String name() {
        return name;
    }

    /** The partition key attribute. */
    public KeyAttribute partitionKey() {
        return partitionKey;
    }

    /** The sort key attribute, if any. */
    public Optional<KeyAttribute> sortKey() {
        return Optional.ofNullable(sortKey);
    }

    /** The global secondary indexes. */
    public List<IndexSpec> globalIndexes() {
        return globalIndexes;
    }

    /** The local secondary indexes (their partition key is the table's). */
    public List<IndexSpec> localIndexes() {
        return localIndexes;
    }

    /** An index by name, global or local. */
    public Optional<IndexSpec> index(String indexName) {
        for (IndexSpec i : globalIndexes) if (i.name().equals(indexName)) return Optional.of(i);
        for (IndexSpec i : localIndexes) if (i.name().equals(indexName)) return Optional.of(i);
        return Optional.empty();
    }

    /** The billing mode. */
    public Billing billing() {
        return billing;
    }

    /** The managed version attribute, if the table is versioned. */
    public Optional<String> versionAttribute() {
        return Optional.ofNullable(versionAttribute);
    }

    /** Whether an attribute is the table's partition or sort key. */
    public boolean isKeyAttribute(String attribute) {
        return partitionKey.name().equals(attribute) || (sortKey != null && sortKey.name().equals(attribute));
    }

    /**
     * The primary key of an item of this table.
     *
     * @throws ValidationException if a key attribute is missing, of the wrong type, or empty/over-long
     */
    public Key keyOf(Item item) {
        AttributeValue pv = item.get(partitionKey.name());
        checkKeyValue(partitionKey, pv, 2048);
        if (sortKey == null) return Key.of(partitionKey.name(), pv);
        AttributeValue sv = item.get(sortKey.name());
        checkKeyValue(sortKey, sv, 1024);
        return Key.of(partitionKey.name(), pv, sortKey.name(), sv);
    }

    /**
     * Checks that a key has exactly this table's key attributes with the declared types and sizes.
     *
     * @throws ValidationException naming the attribute at fault
     */
    public void validateKey(Key key) {
        if (key.sortName().isPresent() != (sortKey != null)) {
            // DynamoDB's text when a key has more or fewer attributes than the key schema.
            throw new ValidationException("The number of conditions on the keys is invalid (table '" + name + "': expected "
                    + schemaText() + ", got " + key + ")");
        }
        if (!key.partitionName().equals(partitionKey.name())
                || !Objects.equals(key.sortName().orElse(null), sortKey == null ? null : sortKey.name())) {
            throw new ValidationException("The provided key element does not match the schema of table '" + name
                    + "': expected " + schemaText() + ", got " + key);
        }
        checkKeyValue(partitionKey, key.partitionValue(), 2048);
        if (sortKey != null) checkKeyValue(sortKey, key.sortValue(), 1024);
    }

    private String schemaText() {
        return partitionKey.name() + " (" + partitionKey.type() + ")"
                + (sortKey == null ? "" : " + " + sortKey.name() + " (" + sortKey.type() + ")");
    }

    private void checkKeyValue(KeyAttribute attribute, AttributeValue value, int maxBytes) {
        if (value == null) {
            throw new ValidationException("One or more parameter values were invalid: Missing the key " + attribute.name()
                    + " in the item (table '" + name + "')");
        }
        if (value.type() != attribute.type()) {
            throw new ValidationException("One or more parameter values were invalid: Type mismatch for key " + attribute.name()
                    + " expected: " + attribute.type() + " actual: " + value.type() + " (table '" + name + "')");
        }
        int size = value.type() == AttributeValue.Type.S ? AttributeValue.utf8Length(value.s())
                : value.type() == AttributeValue.Type.B ? value.b().length : 1;
        if (value.type() != AttributeValue.Type.N && size == 0) {
            throw new ValidationException("One or more parameter values are not valid. The AttributeValue for a key attribute cannot"
                    + " contain an empty " + (value.type() == AttributeValue.Type.B ? "binary" : "string") + " value. Key: " + attribute.name() + " (table '" + name + "')");
        }
        if (size > maxBytes) {
            throw new ValidationException("One or more parameter values were invalid: Size of "
                    + (maxBytes == 2048 ? "hashkey" : "rangekey") + " has exceeded the maximum size limit of " + maxBytes
                    + " bytes: key " + attribute.name() + " is " + size + " bytes (table '" + name + "')");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableSpec)) return false;
        TableSpec t = (TableSpec) o;
        return name.equals(t.name) && partitionKey.equals(t.partitionKey) && Objects.equals(sortKey, t.sortKey)
                && globalIndexes.equals(t.globalIndexes) && localIndexes.equals(t.localIndexes)
                && billing.equals(t.billing) && Objects.equals(versionAttribute, t.versionAttribute);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, partitionKey, sortKey, globalIndexes, localIndexes, billing, versionAttribute);
    }

    @Override
    public String toString() {
        return "TableSpec{" + name + ": " + schemaText() + ", gsi=" + globalIndexes + ", lsi=" + localIndexes
                + ", " + billing + (versionAttribute == null ? "" : ", version=" + versionAttribute) + "}";
    }

    /** Builds a {@link TableSpec}. */
    public static final class Builder {
        private final String name;
        private KeyAttribute partitionKey;
        private KeyAttribute sortKey;
        private final List<IndexSpec> globalIndexes = new ArrayList<>();
        private final List<IndexSpec> localIndexes = new ArrayList<>();
        private Billing billing = Billing.onDemand();
        private String versionAttribute;

        private Builder(String name) {
            checkName(name, "table");
            this.name = name;
        }

        /** The partition key (required). */
        public Builder partitionKey(String attribute, AttributeValue.Type type) {
            this.partitionKey = new KeyAttribute(attribute, type);
            return this;
        }

        /** The sort key (optional). */
        public Builder sortKey(String attribute, AttributeValue.Type type) {
            this.sortKey = new KeyAttribute(attribute, type);
            return this;
        }

        /** Adds a global secondary index. */
        public Builder globalIndex(IndexSpec index) {
            if (!index.isGlobal()) throw new ValidationException("Index '" + index.name() + "' is local; use localIndex");
            globalIndexes.add(index);
            return this;
        }

        /** Adds a local secondary index. */
        public Builder localIndex(IndexSpec index) {
            if (index.isGlobal()) throw new ValidationException("Index '" + index.name() + "' is global; use globalIndex");
            localIndexes.add(index);
            return this;
        }

        /** The billing mode (default on-demand). */
        public Builder billing(Billing billing) {
            if (billing == null) throw new ValidationException("Billing of table '" + name + "' must not be null");
            this.billing = billing;
            return this;
        }

        /** Declares a managed version attribute (a number ddbc increments on every write; new items start at 1). */
        public Builder versionAttribute(String attribute) {
            if (attribute == null || attribute.isEmpty()) {
                throw new ValidationException("Version attribute name of table '" + name + "' must not be empty");
            }
            this.versionAttribute = attribute;
            return this;
        }

        /** The table definition. @throws ValidationException naming the rule that is broken */
        public TableSpec build() {
            if (partitionKey == null) throw new ValidationException("Table '" + name + "' needs a partition key");
            if (sortKey != null && sortKey.name().equals(partitionKey.name())) {
                throw new ValidationException("Table '" + name + "' uses '" + sortKey.name() + "' as both partition and sort key");
            }
            if (globalIndexes.size() > MAX_GLOBAL_INDEXES) {
                throw new ValidationException("Table '" + name + "' has " + globalIndexes.size() + " global secondary indexes; at most "
                        + MAX_GLOBAL_INDEXES + " are allowed");
            }
            if (localIndexes.size() > MAX_LOCAL_INDEXES) {
                throw new ValidationException("Table '" + name + "' has " + localIndexes.size() + " local secondary indexes; at most "
                        + MAX_LOCAL_INDEXES + " are allowed");
            }
            if (!localIndexes.isEmpty() && sortKey == null) {
                throw new ValidationException("Table '" + name + "' has local secondary indexes but no sort key;"
                        + " local indexes need a table with a sort key");
            }
            Set<String> indexNames = new HashSet<>();
            List<IndexSpec> all = new ArrayList<>(globalIndexes);
            all.addAll(localIndexes);
            // Like DynamoDB's AttributeDefinitions: one type per key attribute across the table and all indexes.
            Map<String, KeyAttribute> declared = new HashMap<>();
            declared.put(partitionKey.name(), partitionKey);
            if (sortKey != null) declared.put(sortKey.name(), sortKey);
            for (IndexSpec i : all) {
                if (!indexNames.add(i.name())) {
                    throw new ValidationException("Table '" + name + "' declares index '" + i.name() + "' twice");
                }
                checkIndexKeyTypes(i, declared);
            }
            if (versionAttribute != null && (versionAttribute.equals(partitionKey.name())
                    || (sortKey != null && versionAttribute.equals(sortKey.name())))) {
                throw new ValidationException("Version attribute '" + versionAttribute + "' of table '" + name
                        + "' must not be a key attribute");
            }
            return new TableSpec(this);
        }

        /** An attribute used as a key in several places must have one type everywhere. */
        private void checkIndexKeyTypes(IndexSpec index, Map<String, KeyAttribute> declared) {
            List<KeyAttribute> indexKeys = new ArrayList<>();
            if (index.partitionKey() != null) indexKeys.add(index.partitionKey());
            index.sortKey().ifPresent(indexKeys::add);
            for (KeyAttribute k : indexKeys) {
                KeyAttribute d = declared.putIfAbsent(k.name(), k);
                if (d != null && d.type() != k.type()) {
                    throw new ValidationException("Attribute '" + k.name() + "' is declared as " + d.type() + " and as "
                            + k.type() + " in index '" + index.name() + "' of table '" + name + "'");
                }
            }
        }
    }
}
