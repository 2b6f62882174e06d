package io.ddbc.api;

import com.google.errorprone.annotations.CheckReturnValue;
import java.util.concurrent.CompletableFuture;

/**
 * The operations a client and a session share: tables, batches, transactions, and running a request
 * built elsewhere. Through a {@link DdbcSession} every read and write also updates and honours the
 * session's guarantees.
 *
 * <pre>{@code
 * DdbcOperations ops = useSession ? client.newSession() : client;
 * ops.table("accounts").get(key).execute();
 * ops.transactWrite().put("orders", order).update(stockUpdate).execute();
 * }</pre>
 */
public interface DdbcOperations {

    /** A table by name (not checked until used). */
    Table table(String name);

    /** BatchGetItem over one or more tables. */
    @CheckReturnValue
    BatchGetRequest.Builder batchGet();

    /** BatchWriteItem over one or more tables. */
    @CheckReturnValue
    BatchWriteRequest.Builder batchWrite();

    /** TransactGetItems. */
    @CheckReturnValue
    TransactGetRequest.Builder transactGet();

    /** TransactWriteItems. */
    @CheckReturnValue
    TransactWriteRequest.Builder transactWrite();

    /** Runs a request built with a request type's static builder. */
    <R> R execute(DdbcRequest<R> request);

    /** Runs a request asynchronously. */
    <R> CompletableFuture<R> executeAsync(DdbcRequest<R> request);

    /** The consistency used when a request names none. */
    Consistency defaultConsistency();
}
