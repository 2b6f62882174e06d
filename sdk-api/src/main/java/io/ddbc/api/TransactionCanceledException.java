package io.ddbc.api;

import java.util.List;
import java.util.Optional;

/**
 * A transaction was cancelled as a whole; {@link #reasons()} holds one reason per action, in the
 * order of the request, as DynamoDB reports them. Nothing of the transaction was applied.
 * Retryable only when every failing action failed for a transient reason (conflict, throttling).
 *
 * <pre>{@code
 * try {
 *     client.transactWrite().update(debit).update(credit).execute();
 * } catch (TransactionCanceledException e) {
 *     e.reasons().get(0).isConditionFailure();   // the debit's "balance >= :a" was false
 * }
 * }</pre>
 */
public class TransactionCanceledException extends DdbcException {
    private static final long serialVersionUID = 1L;

    private final transient List<CancellationReason> reasons;
    private final transient ConsumedCapacity consumedCapacity;

    /** @param reasons one reason per action of the transaction, in request order */
    public TransactionCanceledException(List<CancellationReason> reasons) {
        this(reasons, null);
    }

    /**
     * @param reasons one reason per action of the transaction, in request order
     * @param consumedCapacity what the cancelled transaction consumed (DynamoDB charges the reads of the
     *     items it evaluated), or null when the backend does not know it
     */
    public TransactionCanceledException(List<CancellationReason> reasons, ConsumedCapacity consumedCapacity) {
        super(message(reasons));
        this.reasons = List.copyOf(reasons);
        this.consumedCapacity = consumedCapacity;
    }

    /** DynamoDB's text: the reason codes in request order, e.g. {@code [None, ConditionalCheckFailed]}. */
    private static String message(List<CancellationReason> reasons) {
        return "Transaction cancelled, please refer cancellation reasons for specific reasons "
                + reasons.stream().map(CancellationReason::code).toList();
    }

    /** The capacity the cancelled transaction consumed, when the backend reports it (the embedded engine always does). */
    public Optional<ConsumedCapacity> consumedCapacity() {
        return Optional.ofNullable(consumedCapacity);
    }

    /** One reason per action, in request order; {@code None} for the actions that were fine. */
    public List<CancellationReason> reasons() {
        return reasons;
    }

    @Override
    public boolean isRetryable() {
        boolean anyTransient = false;
        for (CancellationReason r : reasons) {
            if (r.code().equals(CancellationReason.NONE)) continue;
            if (!r.isTransient()) return false;
            anyTransient = true;
        }
        return anyTransient;
    }
}
