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
    /** Things Local never does. */
    NEVER_THROTTLES("Local never throttles, is never stale and never reports TransactionConflict; its table names are case-insensitive",
            "AWS: provisioned tables throttle, eventual reads may be stale, concurrent transactions conflict, names are case-sensitive"),
    /** Wording of some validation errors. */
    MESSAGE_WORDING("Local words some errors its own way, e.g. 'Consistent read cannot be true when querying a GSI'",
            "AWS says 'Consistent reads are not supported on global secondary indexes'; the engine copies Local's text "
                    + "so the differential test can compare messages (the error kind is the same)");

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
