package io.ddbc.api;

import java.util.List;

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

    /** @param reasons one reason per action of the transaction, in request order */
    public TransactionCanceledException(List<CancellationReason> reasons) {
        super("Transaction cancelled, please refer cancellation reasons for specific reasons " + reasons);
        this.reasons = List.copyOf(reasons);
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
