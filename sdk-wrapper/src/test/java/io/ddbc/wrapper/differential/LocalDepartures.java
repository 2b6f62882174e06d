package io.ddbc.wrapper.differential;

import java.util.List;

/**
 * The ONE list of the ways DynamoDB Local 2.6.1 departs from the AWS documentation, each with the AWS rule it
 * breaks. The embedded engine follows AWS; the differential tests ({@link FacadeDifferentialTest} here and
 * {@code io.ddbc.embedded.differential.DifferentialTest} in ddbc-backend-embedded, which points here) correct
 * Local's answer by exactly these rules, or do not compare the figure, and say which departure they applied.
 *
 * <p>What is not listed is compared as it is: a difference anywhere else is the engine's (or the facade's)
 * to fix, or a new departure to add here with the AWS text it breaks.
 */
public enum LocalDepartures {
    /** BatchGetItem of a key that does not exist. */
    BATCH_GET_MISSING_KEY("Local charges 0 for a BatchGetItem key that does not exist",
            "AWS: every item read is charged at least ½ RCU (eventual) / 1 RCU (strong), found or not"),
    /** BatchWriteItem delete of an item that does not exist. */
    BATCH_WRITE_DELETE_MISSING("Local charges 2 WCU for a BatchWriteItem delete of a missing item",
            "AWS: a delete of a missing item consumes 1 WCU (the minimum write)"),
    /** TransactWriteItems capacity. */
    TRANSACT_WRITE_CAPACITY("Local 2.6.1 reports 4 WCU for one small transactional put",
            "AWS: a transactional write costs 2 WCU per 1 KB (prepare + commit), so 2 WCU for a small put"),
    /** Query or Scan page that read nothing. */
    EMPTY_READ_CAPACITY("Local charges 0 for a Query/Scan page that read no item",
            "AWS: a Query/Scan is charged at least ½ RCU (eventual) / 1 RCU (strong), on the index for index reads"),
    /** Consumed capacity returned without being asked. */
    CAPACITY_NOT_ASKED("Local returns ConsumedCapacity on some writes (seen on DeleteItem) when ReturnConsumedCapacity is absent",
            "AWS: ConsumedCapacity is returned only when ReturnConsumedCapacity is TOTAL or INDEXES"),
    /** A transaction action whose update fails on the item. */
    TRANSACTION_VALIDATION_ERROR("Local refuses the whole TransactWriteItems with a ValidationException when an action's update "
            + "expression fails on its item (e.g. 'An operand in the update expression has an incorrect data type')",
            "AWS: the transaction is cancelled (TransactionCanceledException) with that action's reason code ValidationError "
                    + "and the same message"),
    /** A phantom attribute. */
    PHANTOM_NULL_ATTRIBUTE("Local returns an extra attribute named 'null' (type NULL) with every item that has a NULL-typed attribute",
            "AWS: an item holds exactly the attributes written"),
    /** Reserved words. */
    RESERVED_WORDS("Local accepts some of DynamoDB's reserved words as bare attribute names in expressions (e.g. 'SET size = :x')",
            "AWS: a reserved word (the Developer Guide's list, which has SIZE) must be written through an ExpressionAttributeNames placeholder"),
    /** A read failed with an update's error. */
    SCAN_PROJECTION_ERROR("Local fails some index Scans whose ProjectionExpression names a list element (e.g. 'sk, l[0]') with "
            + "'Type mismatch for attribute to update'",
            "AWS: a ProjectionExpression only selects; a read never reports an update's error"),
    /** Pagination at the inclusive end of a range. */
    LIMIT_INCLUSIVE_RANGE_END("When Limit stops a query on the inclusive end of its range (BETWEEN, <=, or the one key a table "
            + "without a sort key can hold), Local omits the LastEvaluatedKey",
            "AWS: 'If LastEvaluatedKey is not empty, it does not necessarily mean that there is more data': a Limit that stops "
                    + "evaluation returns a LastEvaluatedKey without looking ahead"),
    /** Duplicate keys by value. */
    KEYS_COMPARED_AS_TEXT("Local accepts a TransactWriteItems with keys {id: 100} and {id: 1e2}, comparing key text",
            "AWS: numbers are compared by value, so these are one item, and a transaction may touch an item once"),
    /** Things Local never does. */
    NEVER_THROTTLES("Local never throttles, is never stale and never reports TransactionConflict; its table names are case-insensitive",
            "AWS: provisioned tables throttle, eventual reads may be stale, concurrent transactions conflict, names are case-sensitive"),
    /** Number text below the top level. */
    NUMBER_TEXT("Local keeps the caller's text of numbers nested in lists and maps, and of numbers an update expression "
            + "sets or computes (e.g. N:0.0, N:-0, N:1E+2 come back as written), while it canonicalises top-level numbers written "
            + "by PutItem and number sets",
            "AWS Developer Guide, Number data type: 'Leading and trailing zeroes are trimmed' — a number is stored by value, "
                    + "wherever it is; the engine returns canonical text everywhere (not verified against AWS for nested values)"),
    /** Wording of some validation errors. */
    MESSAGE_WORDING("Local words some errors its own way, e.g. 'Consistent read cannot be true when querying a GSI', and ends "
            + "some cancellation reasons' 'The conditional request failed' with a period",
            "AWS says 'Consistent reads are not supported on global secondary indexes'; the engine copies Local's text "
                    + "so the differential test can compare messages (the error kind is the same); where AWS's text is more "
                    + "precise the engine keeps it (see AWS_WORDING)");

    /**
     * {@link #MESSAGE_WORDING}: Local's text -> AWS's text for the same error, where ddbc keeps AWS's (more
     * precise) text. The differential test accepts ddbc's message when it starts with the AWS text paired here.
     */
    public static final java.util.Map<String, String> AWS_WORDING = java.util.Map.of(
            "One of the required keys was not given a value", "One or more parameter values were invalid: Missing the key",
            "Invalid attribute value type", "One or more parameter values were invalid: Type mismatch for Index Key",
            "A value provided cannot be converted into a number", "The parameter cannot be converted to a numeric value",
            "DynamoDB only supports precision up to 38 digits", "Attempting to store more than 38 significant digits in a Number");

    /** Whether ddbc's message {@code ours} is AWS's wording of the error Local words as {@code local}. */
    public static boolean awsWording(String local, String ours) {
        String aws = local == null ? null : AWS_WORDING.get(local);
        return aws != null && ours != null && ours.startsWith(aws);
    }

    /** {@link #SCAN_PROJECTION_ERROR}: Local's text when it fails a read with an update's error. */
    public static boolean scanProjectionError(String kind, String localMessage) {
        return (kind.equals("Scan") || kind.equals("Query")) && "Type mismatch for attribute to update".equals(localMessage);
    }

    private final String local;
    private final String awsRule;

    LocalDepartures(String local, String awsRule) {
        this.local = local;
        this.awsRule = awsRule;
    }

    /** What DynamoDB Local does. */
    public String local() {
        return local;
    }

    /** The AWS rule (as documented) that Local's behaviour breaks. */
    public String awsRule() {
        return awsRule;
    }

    /** Every departure, one line each, for reports. */
    public static List<String> describeAll() {
        return java.util.Arrays.stream(values()).map(d -> d.name() + ": " + d.local + " — breaks " + d.awsRule).toList();
    }

    /** The minimum read charge AWS applies where Local charges 0 ({@link #BATCH_GET_MISSING_KEY}, {@link #EMPTY_READ_CAPACITY}). */
    public static double minimumRead(boolean consistent) {
        return consistent ? 1.0 : 0.5;
    }
}
