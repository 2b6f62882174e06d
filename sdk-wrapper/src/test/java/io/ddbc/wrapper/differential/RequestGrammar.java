package io.ddbc.wrapper.differential;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.Get;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Generates seeded AWS SDK requests from DynamoDB's request grammar: keys of three tables (string, number
 * and binary keys), items of every type (sets, lists, maps, nested paths, items at 400 KB ± 2 bytes),
 * condition expressions (every comparator, BETWEEN, IN, AND/OR/NOT, attribute_exists/not_exists,
 * attribute_type, begins_with, contains, size), update expressions (SET with + - if_not_exists list_append,
 * REMOVE, ADD, DELETE), queries and scans over GSIs and LSIs of every projection type with Limit and
 * ExclusiveStartKey boundaries, parallel scans, batches and transactions — and about 15% invalid requests.
 * The same object is sent to both clients.
 */
final class RequestGrammar {
    static final String ORDERS = "diff_orders";
    static final String BLOBS = "diff_blobs";
    static final String USERS = "diff_users";
    /** Largest item DynamoDB accepts, bytes (names plus values, UTF-8). */
    static final int MAX_ITEM = 400 * 1024;

    private final Random random;
    private final double invalidShare;

    RequestGrammar(long seed, double invalidShare) {
        this.random = new Random(seed);
        this.invalidShare = invalidShare;
    }

    // ------------------------------------------------------------------------------------------ tables

    /** The tables both sides start with: every projection type, a binary key, a string-only key. */
    static List<CreateTableRequest> tables() {
        CreateTableRequest orders = CreateTableRequest.builder().tableName(ORDERS).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N), attr("g", ScalarAttributeType.S),
                        attr("v", ScalarAttributeType.N), attr("w", ScalarAttributeType.S), attr("g2", ScalarAttributeType.S))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("by_g").keySchema(key("g", KeyType.HASH), key("sk", KeyType.RANGE))
                                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes("v", "s").build()).build(),
                        GlobalSecondaryIndex.builder().indexName("by_g2").keySchema(key("g2", KeyType.HASH))
                                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .localSecondaryIndexes(
                        LocalSecondaryIndex.builder().indexName("by_v").keySchema(key("pk", KeyType.HASH), key("v", KeyType.RANGE))
                                .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build(),
                        LocalSecondaryIndex.builder().indexName("by_w").keySchema(key("pk", KeyType.HASH), key("w", KeyType.RANGE))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .build();
        CreateTableRequest blobs = CreateTableRequest.builder().tableName(BLOBS).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("pk", ScalarAttributeType.B), attr("sk", ScalarAttributeType.S), attr("n", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by_n").keySchema(key("n", KeyType.HASH))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .build();
        CreateTableRequest users = CreateTableRequest.builder().tableName(USERS).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attr("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH)).build();
        return List.of(orders, blobs, users);
    }

    static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    // ---------------------------------------------------------------------------------------- the mix

    /** The next request: about {@code invalidShare} of them invalid. */
    Gen next() {
        if (random.nextDouble() < invalidShare) return invalid();
        int dice = random.nextInt(100);
        if (dice < 16) return put();
        if (dice < 26) return get();
        if (dice < 42) return update();
        if (dice < 48) return delete();
        if (dice < 62) return query();
        if (dice < 69) return scan();
        if (dice < 75) return batchGet();
        if (dice < 81) return batchWrite();
        if (dice < 90) return transactWrite();
        if (dice < 95) return transactGet();
        if (dice < 97) return bigPut(random.nextInt(3) - 2);
        return tableOperation();
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private String table() {
        int d = random.nextInt(10);
        return d < 6 ? ORDERS : d < 8 ? BLOBS : USERS;
    }

    private ReturnConsumedCapacity capacity() {
        return pick(ReturnConsumedCapacity.TOTAL, ReturnConsumedCapacity.INDEXES, ReturnConsumedCapacity.INDEXES, null);
    }

    // ---------------------------------------------------------------------------------------- values

    private static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }

    private static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    private static AttributeValue b(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) out[i] = (byte) bytes[i];
        return AttributeValue.fromB(SdkBytes.fromByteArray(out));
    }

    /** Numbers as text in the forms DynamoDB accepts, canonical or not (1.50, -0, 1E+2, 00012...). */
    private String number() {
        if (random.nextInt(3) == 0) return Integer.toString(random.nextInt(20));
        return pick("0", "1", "-1", "10", "1.5", "1.50", "-0", "0.0", "100", "1E+2", "1e2", "0.001", "12.3400", "00012", "-7.25",
                "99999999999999999999999999999999999999", "1E-130", "9.9999999999999999999999999999999999999E+125", "3.14159");
    }

    private AttributeValue scalar() {
        switch (random.nextInt(7)) {
            case 0: return n(number());
            case 1: return s(pick("", "a", "ab", "abc", "b", "x y", "é", "zz"));
            case 2: return b(random.nextInt(3), random.nextInt(256));
            case 3: return AttributeValue.fromBool(random.nextBoolean());
            case 4: return AttributeValue.fromNul(true);
            case 5: return n(Integer.toString(random.nextInt(10)));
            default: return s("s" + random.nextInt(4));
        }
    }

    private AttributeValue set() {
        switch (random.nextInt(3)) {
            case 0: return AttributeValue.fromSs(new ArrayList<>(new LinkedHashSet<>(List.of("a", "b" + random.nextInt(3), "c" + random.nextInt(2)))));
            case 1: return AttributeValue.fromNs(new ArrayList<>(new LinkedHashSet<>(List.of("1", Integer.toString(random.nextInt(5) + 2), "1.5"))));
            default: return AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[] {(byte) (2 + random.nextInt(3))})));
        }
    }

    private AttributeValue value(int depth) {
        int d = random.nextInt(depth > 1 ? 8 : 11);
        if (d < 5) return scalar();
        if (d < 8) return set();
        if (d < 9) {
            List<AttributeValue> l = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) l.add(value(depth + 1));
            return AttributeValue.fromL(l);
        }
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) m.put(pick("a", "b", "c", "d"), value(depth + 1));
        return AttributeValue.fromM(m);
    }

    /** A document shaped so the nested paths the grammar uses (doc.a.b[1].c, l[0]) often exist. */
    private AttributeValue doc() {
        Map<String, AttributeValue> c = new LinkedHashMap<>();
        c.put("c", random.nextBoolean() ? n(number()) : s("deep"));
        AttributeValue list = AttributeValue.fromL(List.of(s("zero"), AttributeValue.fromM(c), n("2")));
        Map<String, AttributeValue> a = new LinkedHashMap<>();
        a.put("b", list);
        if (random.nextBoolean()) a.put("x", value(2));
        Map<String, AttributeValue> doc = new LinkedHashMap<>();
        doc.put("a", AttributeValue.fromM(a));
        if (random.nextBoolean()) doc.put("list", AttributeValue.fromL(List.of(n("1"), s("two"))));
        return AttributeValue.fromM(doc);
    }

    // ------------------------------------------------------------------------------------------ keys

    private Map<String, AttributeValue> key(String table) {
        Map<String, AttributeValue> k = new LinkedHashMap<>();
        switch (table) {
            case ORDERS:
                k.put("pk", s("p" + random.nextInt(4)));
                k.put("sk", n(Integer.toString(random.nextInt(8))));
                break;
            case BLOBS:
                k.put("pk", pick(b(0), b(1, 2), b(255), b(1)));
                k.put("sk", s(pick("a", "b", "c", "ab")));
                break;
            default:
                k.put("id", s("u" + random.nextInt(12)));
        }
        return k;
    }

    private Map<String, AttributeValue> item(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(key);
        if (table.equals(ORDERS)) {
            if (random.nextInt(4) != 0) item.put("v", n(Integer.toString(random.nextInt(20))));
            if (random.nextBoolean()) item.put("g", s("g" + random.nextInt(3)));
            if (random.nextInt(3) == 0) item.put("g2", s("h" + random.nextInt(2)));
            if (random.nextInt(3) == 0) item.put("w", s(pick("a", "b", "c")));
        }
        if (table.equals(BLOBS) && random.nextBoolean()) item.put("n", n(Integer.toString(random.nextInt(4))));
        if (random.nextInt(3) == 0) item.put("s", s("t".repeat(pick(0, 3, 700, 2100, 5000))));
        if (random.nextInt(4) == 0) item.put("num", n(number()));
        if (random.nextInt(4) == 0) item.put("tags", AttributeValue.fromSs(List.of("a", "b" + random.nextInt(3))));
        if (random.nextInt(6) == 0) item.put("nums", AttributeValue.fromNs(List.of("1", "2.5", Integer.toString(3 + random.nextInt(3)))));
        if (random.nextInt(8) == 0) item.put("bins", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}))));
        if (random.nextInt(4) == 0) item.put("doc", doc());
        if (random.nextInt(5) == 0) item.put("l", AttributeValue.fromL(List.of(n(number()), s("x"), AttributeValue.fromBool(true))));
        if (random.nextInt(6) == 0) item.put("flag", AttributeValue.fromBool(random.nextBoolean()));
        if (random.nextInt(8) == 0) item.put("nul", AttributeValue.fromNul(true));
        if (random.nextInt(6) == 0) item.put("bin", b(random.nextInt(4), 7));
        if (random.nextInt(6) == 0) item.put("any", value(0));
        return item;
    }

    // ---------------------------------------------------------------------------------- expressions

    /** Placeholders of one request's expressions. */
    private final class Expr {
        final Map<String, String> names = new LinkedHashMap<>();
        final Map<String, AttributeValue> values = new LinkedHashMap<>();

        /** An attribute name, bare or through a #placeholder. */
        String name(String attr) {
            if (random.nextInt(3) != 0) return attr;
            String p = "#" + attr.replaceAll("[^a-z0-9]", "");
            names.put(p, attr);
            return p;
        }

        /** A document path: dotted names and list indexes, each name bare or a placeholder. */
        String path(String path) {
            StringBuilder out = new StringBuilder();
            for (String part : path.split("\\.")) {
                if (out.length() > 0) out.append('.');
                int bracket = part.indexOf('[');
                out.append(name(bracket < 0 ? part : part.substring(0, bracket)));
                if (bracket >= 0) out.append(part.substring(bracket));
            }
            return out.toString();
        }

        String value(AttributeValue v) {
            String p = ":v" + values.size();
            values.put(p, v);
            return p;
        }
    }

    private String attributePath() {
        return pick("v", "w", "s", "g", "num", "tags", "nums", "bins", "doc", "doc.a", "doc.a.b[1].c", "doc.a.b[0]", "doc.list[1]",
                "l", "l[0]", "l[2]", "flag", "nul", "bin", "any", "missing", "doc.a.x");
    }

    /** A comparison operand value: mostly the types the attributes hold, sometimes another type. */
    private AttributeValue operandValue() {
        int d = random.nextInt(10);
        if (d < 4) return n(Integer.toString(random.nextInt(20)));
        if (d < 7) return s(pick("a", "b", "g1", "t", "deep", "zero", "x"));
        if (d < 8) return b(random.nextInt(4), 7);
        return scalar();
    }

    private String operand(Expr e) {
        int d = random.nextInt(10);
        if (d < 4) return e.path(attributePath());
        if (d < 5) return "size(" + e.path(attributePath()) + ")";
        return e.value(operandValue());
    }

    String condition(Expr e, int depth) {
        int d = random.nextInt(depth >= 2 ? 8 : 12);
        switch (d) {
            case 0:
            case 1: return operand(e) + " " + pick("=", "<>", "<", "<=", ">", ">=") + " " + operand(e);
            case 2: return operand(e) + " BETWEEN " + operand(e) + " AND " + operand(e);
            case 3: {
                StringBuilder in = new StringBuilder(operand(e)).append(" IN (");
                for (int i = 1 + random.nextInt(3); i > 0; i--) in.append(e.value(operandValue())).append(i > 1 ? ", " : "");
                return in.append(")").toString();
            }
            case 4: return pick("attribute_exists", "attribute_not_exists") + "(" + e.path(attributePath()) + ")";
            case 5: return "attribute_type(" + e.path(attributePath()) + ", " + e.value(s(pick("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M"))) + ")";
            case 6: return "begins_with(" + e.path(attributePath()) + ", " + e.value(pick(s(pick("a", "t", "g", "de", "")), b(1))) + ")";
            case 7: return "contains(" + e.path(attributePath()) + ", " + e.value(pick(s(pick("a", "b1", "t", "x")), n("1"), n("2.5"))) + ")";
            case 8: return condition(e, depth + 1) + " AND " + condition(e, depth + 1);
            case 9: return condition(e, depth + 1) + " OR " + condition(e, depth + 1);
            case 10: return "NOT " + condition(e, depth + 1);
            default: return "(" + condition(e, depth + 1) + ")";
        }
    }

    /** An update expression over distinct top-level attributes, so its paths never overlap. */
    private String updateExpression(Expr e, Set<String> features) {
        List<String> free = new ArrayList<>(List.of("v", "w", "s", "num", "tags", "nums", "doc", "l", "flag", "c", "bin", "any"));
        java.util.Collections.shuffle(free, random);
        Map<String, List<String>> clauses = new LinkedHashMap<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n && !free.isEmpty(); i++) {
            String attr = free.remove(0);
            String clause;
            if (attr.equals("v") || attr.equals("w")) {
                // Local secondary index keys: always of the key's type. DynamoDB Local does not check index key
                // types on UpdateItem (it stores a binary w), which would leave the two sides apart for good.
                AttributeValue typed = attr.equals("v") ? n(Integer.toString(random.nextInt(20))) : s(pick("a", "b", "c"));
                String p = e.name(attr);
                String action = pick("SET", "SET", "REMOVE", attr.equals("v") ? "ADD" : "SET");
                if (action.equals("REMOVE")) clause = p;
                else if (action.equals("ADD")) clause = p + " " + e.value(n(Integer.toString(random.nextInt(3))));
                else clause = p + " = " + (random.nextBoolean() ? e.value(typed) : "if_not_exists(" + p + ", " + e.value(typed) + ")");
                clauses.computeIfAbsent(action, k -> new ArrayList<>()).add(clause);
                continue;
            }
            String action = pick("SET", "SET", "SET", "REMOVE", "ADD", "DELETE");
            switch (action) {
                case "SET": {
                    String target = attr.equals("doc") && random.nextBoolean() ? pick("doc.a.b[1].c", "doc.a.x", "doc.list[0]")
                            : attr.equals("l") && random.nextBoolean() ? pick("l[0]", "l[5]") : attr;
                    String p = e.path(target);
                    int f = random.nextInt(6);
                    if (f == 0) {
                        clause = p + " = " + e.path(pick("num", "c")) + " " + pick("+", "-") + " " + e.value(n(number()));
                        features.add("arithmetic");
                    } else if (f == 1) {
                        clause = p + " = if_not_exists(" + p + ", " + e.value(value(1)) + ")";
                    } else if (f == 2) {
                        String list = e.value(AttributeValue.fromL(List.of(n(number()), s("y"))));
                        clause = p + " = " + (random.nextBoolean() ? "list_append(" + p + ", " + list + ")" : "list_append(" + list + ", " + p + ")");
                    } else if (f == 3) {
                        clause = p + " = if_not_exists(" + p + ", " + e.value(n("0")) + ") + " + e.value(n(number()));
                        features.add("arithmetic");
                    } else {
                        clause = p + " = " + e.value(value(0));
                    }
                    break;
                }
                case "REMOVE":
                    clause = e.path(attr.equals("doc") ? pick("doc", "doc.a.x", "doc.a.b[1]") : attr.equals("l") ? pick("l", "l[1]") : attr);
                    break;
                case "ADD":
                    clause = e.name(attr) + " " + e.value(random.nextBoolean() ? n(number()) : set());
                    break;
                default:
                    clause = e.name(attr) + " " + e.value(set());
            }
            clauses.computeIfAbsent(action, k -> new ArrayList<>()).add(clause);
        }
        StringBuilder out = new StringBuilder();
        for (var c : clauses.entrySet()) {
            if (out.length() > 0) out.append(' ');
            out.append(c.getKey()).append(' ').append(String.join(", ", c.getValue()));
        }
        return out.toString();
    }

    private String projection(Expr e) {
        List<String> paths = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) paths.add(e.path(pick("v", "s", "g", "doc.a.b[1]", "l[0]", "tags", "pk", "sk", "id", "w", "missing")));
        return String.join(", ", new LinkedHashSet<>(paths));
    }

    private static Map<String, String> namesOrNull(Expr e) {
        return e.names.isEmpty() ? null : e.names;
    }

    private static Map<String, AttributeValue> valuesOrNull(Expr e) {
        return e.values.isEmpty() ? null : e.values;
    }

    // ------------------------------------------------------------------------------------ operations

    private Gen put() {
        String t = table();
        Set<String> f = new HashSet<>();
        Expr e = new Expr();
        Map<String, AttributeValue> item = item(t, key(t));
        String cond = random.nextInt(3) == 0 ? condition(e, 0) : null;
        if (cond != null) f.add("condition");
        ReturnValue rv = pick(ReturnValue.ALL_OLD, ReturnValue.NONE, null);
        PutItemRequest r = PutItemRequest.builder().tableName(t).item(item).conditionExpression(cond)
                .expressionAttributeNames(namesOrNull(e)).expressionAttributeValues(valuesOrNull(e)).returnValues(rv)
                .returnConsumedCapacity(capacity())
                .returnValuesOnConditionCheckFailure(random.nextBoolean() ? ReturnValuesOnConditionCheckFailure.ALL_OLD : null).build();
        return new Gen("PutItem", r, false, f);
    }

    /** A put of an item whose size is exactly {@code delta} bytes from the 400 KB limit. */
    Gen bigPut(int delta) {
        String id = "u" + random.nextInt(12);
        int overhead = "id".length() + id.length() + "big".length();
        String big = "b".repeat(MAX_ITEM + delta - overhead);
        PutItemRequest r = PutItemRequest.builder().tableName(USERS).item(Map.of("id", s(id), "big", s(big)))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        return new Gen("PutItem", r, delta > 0, Set.of("size" + (delta >= 0 ? "+" : "") + delta));
    }

    private Gen get() {
        String t = table();
        Expr e = new Expr();
        String projection = random.nextInt(4) == 0 ? projection(e) : null;
        GetItemRequest r = GetItemRequest.builder().tableName(t).key(key(t)).consistentRead(pick(Boolean.TRUE, Boolean.FALSE, null))
                .projectionExpression(projection).expressionAttributeNames(namesOrNull(e)).returnConsumedCapacity(capacity()).build();
        return new Gen("GetItem", r, false, Set.of());
    }

    private Gen update() {
        String t = table();
        Set<String> f = new HashSet<>();
        Expr e = new Expr();
        String expression = updateExpression(e, f);
        String cond = random.nextInt(3) == 0 ? condition(e, 0) : null;
        if (cond != null) f.add("condition");
        UpdateItemRequest r = UpdateItemRequest.builder().tableName(t).key(key(t)).updateExpression(expression).conditionExpression(cond)
                .expressionAttributeNames(namesOrNull(e)).expressionAttributeValues(valuesOrNull(e))
                .returnValues(pick(null, ReturnValue.NONE, ReturnValue.ALL_OLD, ReturnValue.UPDATED_OLD, ReturnValue.ALL_NEW, ReturnValue.UPDATED_NEW))
                .returnValuesOnConditionCheckFailure(random.nextBoolean() ? ReturnValuesOnConditionCheckFailure.ALL_OLD : null)
                .returnConsumedCapacity(capacity()).build();
        return new Gen("UpdateItem", r, false, f);
    }

    private Gen delete() {
        String t = table();
        Expr e = new Expr();
        String cond = random.nextBoolean() ? condition(e, 0) : null;
        DeleteItemRequest r = DeleteItemRequest.builder().tableName(t).key(key(t)).conditionExpression(cond)
                .expressionAttributeNames(namesOrNull(e)).expressionAttributeValues(valuesOrNull(e))
                .returnValues(pick(ReturnValue.ALL_OLD, ReturnValue.NONE, null)).returnConsumedCapacity(capacity()).build();
        return new Gen("DeleteItem", r, false, cond == null ? Set.of() : Set.of("condition"));
    }

    private Gen query() {
        Set<String> f = new HashSet<>();
        Expr e = new Expr();
        String t = random.nextInt(4) == 0 ? BLOBS : random.nextInt(6) == 0 ? USERS : ORDERS;
        QueryRequest.Builder b = QueryRequest.builder().tableName(t).returnConsumedCapacity(capacity()).scanIndexForward(pick(true, false, null));
        String index = null;
        String keyCondition;
        if (t.equals(USERS)) {
            keyCondition = e.name("id") + " = " + e.value(s("u" + random.nextInt(12)));
        } else if (t.equals(BLOBS)) {
            if (random.nextInt(3) == 0) {
                index = "by_n";
                keyCondition = e.name("n") + " = " + e.value(n(Integer.toString(random.nextInt(4))));
            } else {
                keyCondition = e.name("pk") + " = " + e.value(pick(b(0), b(1, 2), b(255), b(1)));
                switch (random.nextInt(4)) {
                    case 0: keyCondition += " AND begins_with(" + e.name("sk") + ", " + e.value(s(pick("a", "b", ""))) + ")"; break;
                    case 1: keyCondition += " AND " + e.name("sk") + " " + pick("=", "<", "<=", ">", ">=") + " " + e.value(s(pick("a", "ab", "b", "c"))); break;
                    case 2: keyCondition += " AND " + e.name("sk") + " BETWEEN " + e.value(s("a")) + " AND " + e.value(s(pick("ab", "b", "c"))); break;
                    default:
                }
            }
        } else {
            index = pick(null, null, null, "by_v", "by_w", "by_g", "by_g2");
            if ("by_g".equals(index)) {
                keyCondition = e.name("g") + " = " + e.value(s("g" + random.nextInt(3)));
                if (random.nextBoolean()) keyCondition += " AND " + e.name("sk") + " >= " + e.value(n(Integer.toString(random.nextInt(8))));
            } else if ("by_g2".equals(index)) {
                keyCondition = e.name("g2") + " = " + e.value(s("h" + random.nextInt(2)));
            } else {
                keyCondition = e.name("pk") + " = " + e.value(s("p" + random.nextInt(4)));
                String range = index == null ? "sk" : index.equals("by_v") ? "v" : "w";
                AttributeValue bound = range.equals("w") ? s(pick("a", "b", "c")) : n(Integer.toString(random.nextInt(range.equals("v") ? 20 : 8)));
                switch (random.nextInt(5)) {
                    case 0: keyCondition += " AND " + e.name(range) + " " + pick("=", "<", "<=", ">", ">=") + " " + e.value(bound); break;
                    case 1: keyCondition += " AND " + e.name(range) + " BETWEEN " + e.value(bound) + " AND "
                            + e.value(range.equals("w") ? s("c") : n("19")); break;
                    default:
                }
            }
        }
        boolean global = index != null && (index.startsWith("by_g") || index.equals("by_n"));
        if (index != null) b.indexName(index);
        b.consistentRead(global ? pick(Boolean.FALSE, null) : pick(Boolean.TRUE, Boolean.FALSE, null));
        if (random.nextInt(3) == 0) {
            b.filterExpression(condition(e, 1));
            f.add("filter");
        }
        int sel = random.nextInt(10);
        if (sel == 0) {
            b.select(Select.COUNT);
        } else if (sel == 1 && index != null) {
            b.select(Select.ALL_PROJECTED_ATTRIBUTES);
        } else if (sel < 4) {
            b.projectionExpression(projection(e));
            f.add("projection");
        }
        // Entries of an index with equal index keys have no defined order (Local and the engine differ), so
        // Limit is used on tables only, where pages are compared one by one; index pages are compared as sets.
        if (index == null && random.nextInt(5) < 2) {
            b.limit(1 + random.nextInt(4));
            f.add("limit");
        }
        if (index == null && t.equals(ORDERS) && random.nextInt(8) == 0) {
            // ExclusiveStartKey at the boundaries: before, between and after the partition's items.
            String pk = e.values.get(":v0").s(); // the key condition's partition value is the first placeholder
            boolean outside = random.nextInt(4) == 0;
            b.exclusiveStartKey(Map.of("pk", s(outside ? "p9" : pk), "sk", n(Integer.toString(random.nextInt(10) - 1))));
            f.add(outside ? "esk-outside" : "esk");
        }
        b.keyConditionExpression(keyCondition).expressionAttributeNames(namesOrNull(e)).expressionAttributeValues(valuesOrNull(e));
        if (global) f.add("global");
        return new Gen("Query", b.build(), false, f);
    }

    private Gen scan() {
        Set<String> f = new HashSet<>();
        Expr e = new Expr();
        String t = table();
        ScanRequest.Builder b = ScanRequest.builder().tableName(t).returnConsumedCapacity(capacity());
        String index = t.equals(ORDERS) ? pick(null, null, "by_g", "by_v", "by_w", "by_g2") : t.equals(BLOBS) ? pick(null, "by_n") : null;
        if (index != null) b.indexName(index);
        boolean global = index != null && (index.startsWith("by_g") || index.equals("by_n"));
        b.consistentRead(global ? null : pick(Boolean.TRUE, Boolean.FALSE, null));
        if (random.nextInt(3) == 0) {
            b.filterExpression(condition(e, 1));
            f.add("filter");
        }
        if (random.nextInt(5) == 0) {
            b.projectionExpression(projection(e));
            f.add("projection");
        } else if (random.nextInt(8) == 0) {
            b.select(Select.COUNT);
        }
        if (random.nextInt(4) == 0) {
            b.limit(1 + random.nextInt(5));
            f.add("limit");
        }
        if (random.nextInt(4) == 0) {
            b.totalSegments(1 + random.nextInt(4));
            f.add("parallel");
        }
        b.expressionAttributeNames(namesOrNull(e)).expressionAttributeValues(valuesOrNull(e));
        return new Gen("Scan", b.build(), false, f);
    }

    private Gen batchGet() {
        Map<String, List<Map<String, AttributeValue>>> keys = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1 + random.nextInt(6); i > 0; i--) {
            String t = table();
            Map<String, AttributeValue> k = key(t);
            if (seen.add(t + k)) keys.computeIfAbsent(t, x -> new ArrayList<>()).add(k);
        }
        Map<String, KeysAndAttributes> items = new LinkedHashMap<>();
        keys.forEach((t, l) -> {
            Expr e = new Expr();
            String projection = random.nextInt(4) == 0 ? projection(e) : null;
            items.put(t, KeysAndAttributes.builder().keys(l).consistentRead(pick(Boolean.TRUE, Boolean.FALSE, null))
                    .projectionExpression(projection).expressionAttributeNames(namesOrNull(e)).build());
        });
        return new Gen("BatchGetItem", BatchGetItemRequest.builder().requestItems(items).returnConsumedCapacity(capacity()).build(), false, Set.of());
    }

    private Gen batchWrite() {
        Map<String, List<WriteRequest>> writes = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1 + random.nextInt(6); i > 0; i--) {
            String t = table();
            Map<String, AttributeValue> k = key(t);
            if (!seen.add(t + k)) continue;
            WriteRequest w = random.nextInt(3) == 0 ? WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(k).build()).build()
                    : WriteRequest.builder().putRequest(PutRequest.builder().item(item(t, k)).build()).build();
            writes.computeIfAbsent(t, x -> new ArrayList<>()).add(w);
        }
        return new Gen("BatchWriteItem", BatchWriteItemRequest.builder().requestItems(writes).returnConsumedCapacity(capacity()).build(), false, Set.of());
    }

    private Gen transactWrite() {
        List<TransactWriteItem> actions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> f = new HashSet<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            String t = table();
            Map<String, AttributeValue> k = key(t);
            if (!seen.add(t + k)) continue;
            Expr e = new Expr();
            ReturnValuesOnConditionCheckFailure rv = pick(ReturnValuesOnConditionCheckFailure.ALL_OLD, ReturnValuesOnConditionCheckFailure.NONE, null);
            switch (random.nextInt(4)) {
                case 0: {
                    String cond = random.nextBoolean() ? condition(e, 1) : null;
                    actions.add(TransactWriteItem.builder().put(Put.builder().tableName(t).item(item(t, k)).conditionExpression(cond)
                            .expressionAttributeNames(namesOrNull(e)).expressionAttributeValues(valuesOrNull(e))
                            .returnValuesOnConditionCheckFailure(rv).build()).build());
                    break;
                }
                case 1: {
                    String expression = updateExpression(e, f);
                    String cond = random.nextBoolean() ? condition(e, 1) : null;
                    actions.add(TransactWriteItem.builder().update(Update.builder().tableName(t).key(k).updateExpression(expression)
                            .conditionExpression(cond).expressionAttributeNames(namesOrNull(e)).expressionAttributeValues(valuesOrNull(e))
                            .returnValuesOnConditionCheckFailure(rv).build()).build());
                    break;
                }
                case 2: {
                    String cond = random.nextBoolean() ? condition(e, 1) : null;
                    actions.add(TransactWriteItem.builder().delete(Delete.builder().tableName(t).key(k).conditionExpression(cond)
                            .expressionAttributeNames(namesOrNull(e)).expressionAttributeValues(valuesOrNull(e))
                            .returnValuesOnConditionCheckFailure(rv).build()).build());
                    break;
                }
                default: {
                    String cond = condition(e, 1);
                    actions.add(TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(t).key(k).conditionExpression(cond)
                            .expressionAttributeNames(namesOrNull(e)).expressionAttributeValues(valuesOrNull(e))
                            .returnValuesOnConditionCheckFailure(rv).build()).build());
                }
            }
        }
        TransactWriteItemsRequest.Builder b = TransactWriteItemsRequest.builder().transactItems(actions).returnConsumedCapacity(capacity());
        if (random.nextInt(5) == 0) {
            b.clientRequestToken("tok-" + random.nextInt(1_000_000));
            f.add("token");
        }
        return new Gen("TransactWriteItems", b.build(), false, f);
    }

    private Gen transactGet() {
        List<TransactGetItem> gets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            String t = table();
            Map<String, AttributeValue> k = key(t);
            if (!seen.add(t + k)) continue;
            Expr e = new Expr();
            String projection = random.nextInt(4) == 0 ? projection(e) : null;
            gets.add(TransactGetItem.builder().get(Get.builder().tableName(t).key(k).projectionExpression(projection)
                    .expressionAttributeNames(namesOrNull(e)).build()).build());
        }
        return new Gen("TransactGetItems", TransactGetItemsRequest.builder().transactItems(gets).returnConsumedCapacity(capacity()).build(), false, Set.of());
    }

    /** DescribeTable of a table that exists or not (the create/delete of scratch tables is done by the test). */
    private Gen tableOperation() {
        String t = pick(ORDERS, BLOBS, USERS, "diff_nosuch");
        return new Gen("DescribeTable", DescribeTableRequest.builder().tableName(t).build(), t.equals("diff_nosuch"), Set.of());
    }

    // --------------------------------------------------------------------------------------- invalid

    private Gen invalid() {
        Map<String, AttributeValue> ok = key(ORDERS);
        Expr e = new Expr();
        switch (random.nextInt(36)) {
            case 0: return bad("GetItem", GetItemRequest.builder().tableName(ORDERS).key(Map.of("pk", n("1"), "sk", n("1"))).build(), "key-type");
            case 1: return bad("GetItem", GetItemRequest.builder().tableName(ORDERS).key(Map.of("pk", s("p1"))).build(), "key-missing");
            case 2: return bad("PutItem", PutItemRequest.builder().tableName(ORDERS).item(Map.of("pk", s("p1"), "v", n("1"))).build(), "key-missing");
            case 3: return bad("PutItem", PutItemRequest.builder().tableName(ORDERS).item(Map.of("pk", s("p1"), "sk", s("one"))).build(), "key-type");
            case 4: return bad("UpdateItem", UpdateItemRequest.builder().tableName(ORDERS).key(ok).updateExpression("SET sk = :x")
                    .expressionAttributeValues(Map.of(":x", n("3"))).build(), "update-key");
            case 5: return bad("UpdateItem", UpdateItemRequest.builder().tableName(ORDERS).key(ok).updateExpression("SET doc.a = :x, doc.a.b = :y")
                    .expressionAttributeValues(Map.of(":x", n("1"), ":y", n("2"))).build(), "overlap");
            case 6: return bad("UpdateItem", UpdateItemRequest.builder().tableName(ORDERS).key(ok).updateExpression("SET v = :x")
                    .expressionAttributeValues(Map.of(":x", n("1"), ":unused", n("2"))).build(), "unused-value");
            case 7: return bad("UpdateItem", UpdateItemRequest.builder().tableName(ORDERS).key(ok).updateExpression("SET v = :nope")
                    .expressionAttributeValues(Map.of(":x", n("1"))).build(), "undefined-value");
            case 8: return bad("UpdateItem", UpdateItemRequest.builder().tableName(ORDERS).key(ok).updateExpression(pick("SET v = ", "SET = :x", "SET v = :x,"))
                    .expressionAttributeValues(Map.of(":x", n("1"))).build(), "syntax");
            case 9: return bad("UpdateItem", UpdateItemRequest.builder().tableName(ORDERS).key(ok).updateExpression("SET " + pick("count", "data", "name", "size") + " = :x")
                    .expressionAttributeValues(Map.of(":x", n("1"))).build(), "reserved");
            case 10: return bad("Query", QueryRequest.builder().tableName(ORDERS).keyConditionExpression("sk = :s")
                    .expressionAttributeValues(Map.of(":s", n("1"))).build(), "key-condition");
            case 11: return bad("Query", QueryRequest.builder().tableName(ORDERS).keyConditionExpression("pk = :p").filterExpression("sk > :s")
                    .expressionAttributeValues(Map.of(":p", s("p0"), ":s", n("1"))).build(), "filter-key");
            case 12: return bad("Query", QueryRequest.builder().tableName(ORDERS).indexName("by_g").keyConditionExpression("g = :g")
                    .expressionAttributeValues(Map.of(":g", s("g0"))).consistentRead(true).build(), "strong-gsi");
            case 13: return bad("Query", QueryRequest.builder().tableName(ORDERS).indexName("nosuch").keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", s("p0"))).build(), "no-index");
            case 14: return bad("Query", QueryRequest.builder().tableName(ORDERS).keyConditionExpression("pk = :p AND sk BETWEEN :a AND :b")
                    .expressionAttributeValues(Map.of(":p", s("p0"), ":a", n("5"), ":b", n("1"))).build(), "between-order");
            case 15: return bigPut(1 + random.nextInt(2));
            case 16: return bad("PutItem", PutItemRequest.builder().tableName(ORDERS).item(Map.of("pk", s("p1"), "sk", n("1"),
                    "v", n(pick("abc", "1e200", "1E-131", "1.2.3", "123456789012345678901234567890123456789012")))).build(), "bad-number");
            case 17: return bad("PutItem", PutItemRequest.builder().tableName(ORDERS).item(Map.of("pk", s("p1"), "sk", n("1"),
                    "tags", pick(AttributeValue.fromSs(List.of()), AttributeValue.fromSs(List.of("a", "a")), AttributeValue.fromNs(List.of("1", "1.0"))))).build(), "bad-set");
            case 18: return bad("GetItem", GetItemRequest.builder().tableName("diff_nosuch").key(Map.of("id", s("a"))).build(), "no-table");
            case 19: return bad("PutItem", PutItemRequest.builder().tableName(ORDERS).item(item(ORDERS, ok))
                    .returnValues(pick(ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD, ReturnValue.UPDATED_NEW)).build(), "put-return-values");
            case 20: return bad("PutItem", PutItemRequest.builder().tableName(ORDERS).item(item(ORDERS, ok)).conditionExpression("size(v) > :x")
                    .expressionAttributeValues(Map.of(":x", n("1"))).build(), "operand-type");
            case 21: {
                String cond = pick("v < :ss", ":ss > :x", "v BETWEEN :ss AND :x", "begins_with(v, :x)");
                Map<String, AttributeValue> values = new LinkedHashMap<>();
                if (cond.contains(":ss")) values.put(":ss", AttributeValue.fromSs(List.of("a")));
                if (cond.contains(":x")) values.put(":x", n("1"));
                return bad("PutItem", PutItemRequest.builder().tableName(ORDERS).item(item(ORDERS, ok)).conditionExpression(cond)
                        .expressionAttributeValues(values).build(), "operand-type");
            }
            case 22: return bad("TransactWriteItems", TransactWriteItemsRequest.builder().transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(ORDERS).item(item(ORDERS, ok)).build()).build(),
                    TransactWriteItem.builder().delete(Delete.builder().tableName(ORDERS).key(ok).build()).build()).build(), "same-item");
            case 23: return bad("BatchWriteItem", BatchWriteItemRequest.builder().requestItems(Map.of(ORDERS, List.of(
                    WriteRequest.builder().putRequest(PutRequest.builder().item(ok).build()).build(),
                    WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(ok).build()).build()))).build(), "duplicates");
            case 24: return bad("Scan", ScanRequest.builder().tableName(ORDERS).segment(pick(0, 3, 5)).totalSegments(pick(null, 2, 3)).build(), "segments");
            case 25: return bad("Query", QueryRequest.builder().tableName(ORDERS).keyConditionExpression("pk = :p").limit(pick(0, -1))
                    .expressionAttributeValues(Map.of(":p", s("p0"))).build(), "limit");
            case 26: return bad("Query", QueryRequest.builder().tableName(ORDERS).keyConditionExpression("pk = :p")
                    .select(pick(Select.SPECIFIC_ATTRIBUTES, Select.COUNT)).projectionExpression(pick(null, "v"))
                    .expressionAttributeValues(Map.of(":p", s("p0"))).build(), "select");
            case 27: return bad("Query", QueryRequest.builder().tableName(ORDERS).keyConditionExpression("pk = :p")
                    .exclusiveStartKey(pick(Map.of("pk", s("p0")), Map.of("pk", s("p0"), "sk", s("x")), Map.of("pk", s("p0"), "sk", n("1"), "v", n("2"))))
                    .expressionAttributeValues(Map.of(":p", s("p0"))).build(), "esk-invalid");
            case 28: return bad("CreateTable", tables().get(random.nextInt(3)), "exists");
            case 29: return bad("CreateTable", CreateTableRequest.builder().tableName("diff_scratch").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attr("id", ScalarAttributeType.S), attr("x", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by_x").keySchema(key("x", KeyType.HASH))
                            .projection(pick(Projection.builder().projectionType(ProjectionType.INCLUDE).build(),
                                    Projection.builder().projectionType(ProjectionType.KEYS_ONLY).nonKeyAttributes("a").build(),
                                    Projection.builder().projectionType(ProjectionType.ALL).nonKeyAttributes("a").build())).build()).build(),
                    "gsi-projection");
            case 30: return bad("PutItem", PutItemRequest.builder().tableName(BLOBS).item(Map.of("pk", b(), "sk", s("a"))).build(), "empty-key");
            case 31: return bad("UpdateItem", UpdateItemRequest.builder().tableName(ORDERS).key(ok).updateExpression("SET pk.x = :x")
                    .expressionAttributeValues(Map.of(":x", n("1"))).build(), "key-path");
            case 32: return bad("PutItem", PutItemRequest.builder().tableName(ORDERS).item(item(ORDERS, ok)).conditionExpression("")
                    .build(), "empty-expression");
            case 33: return bad("GetItem", GetItemRequest.builder().tableName(ORDERS).key(ok).projectionExpression("v")
                    .expressionAttributeNames(Map.of("#unused", "w")).build(), "unused-name");
            case 34: return bad("UpdateItem", UpdateItemRequest.builder().tableName(ORDERS).key(ok).updateExpression("ADD " + pick("doc.a", "l[0]", "flag") + " :x")
                    .expressionAttributeValues(Map.of(":x", pick(s("a"), n("1")))).build(), "add-type");
            default: {
                String cond = condition(e, 0) + " " + pick("AND", "OR") + " " + e.name("pk") + " = " + e.value(s("p"));
                return bad("Query", QueryRequest.builder().tableName(ORDERS).keyConditionExpression("pk = :pk AND sk > :sk")
                        .filterExpression(cond).expressionAttributeNames(e.names.isEmpty() ? null : e.names)
                        .expressionAttributeValues(merge(e.values, Map.of(":pk", s("p0"), ":sk", n("1")))).build(), "filter-key");
            }
        }
    }

    private static Map<String, AttributeValue> merge(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(a);
        out.putAll(b);
        return out;
    }

    private static Gen bad(String kind, SdkRequest request, String feature) {
        return new Gen(kind, request, true, Set.of(feature));
    }
}
