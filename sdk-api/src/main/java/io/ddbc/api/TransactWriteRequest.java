package io.ddbc.api;

import io.ddbc.spi.Backend;
import io.ddbc.spi.RequestExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TransactWriteItems: up to 100 puts, updates, deletes and condition checks on distinct items that
 * all succeed or none does. A client token makes a retry within 10 minutes idempotent. Immutable.
 *
 * <pre>{@code
 * client.transactWrite()
 *         .update(UpdateRequest.builder("accounts", alice).expression("SET balance = balance - :a")
 *                 .condition("balance >= :a").value(":a", 100).build())
 *         .update(UpdateRequest.builder("accounts", bob).expression("SET balance = balance + :a")
 *                 .value(":a", 100).build())
 *         .clientToken("transfer-7f3a").execute();
 * }</pre>
 */
public final class TransactWriteRequest implements DdbcRequest<TransactWriteResult> {
    /** Most actions in one transaction. */
    public static final int MAX_ACTIONS = 100;
    /** Longest client request token DynamoDB accepts. */
    public static final int MAX_TOKEN_LENGTH = 36;

    /**
     * One action: exactly one of a write (put, update or delete request) or a condition check.
     *
     * @param write the put, update or delete, or null
     * @param check the condition check, or null
     */
    public record Action(ConditionalWriteRequest write, ConditionCheck check) {
        /** Exactly one part. */
        public Action {
            if ((write == null) == (check == null)) {
                throw new ValidationException("A transaction action is either a write or a condition check");
            }
        }

        /** The table of the action. */
        public String tableName() {
            return write != null ? write.tableName() : check.tableName();
        }

        /** The key of the action's item (null for a put whose key the builder was not told). */
        public Key key() {
            return write != null ? write.key() : check.key();
        }
    }

    private final List<Action> actions;
    private final String clientToken;

    private TransactWriteRequest(List<Action> actions, String clientToken) {
        this.actions = List.copyOf(actions);
        this.clientToken = clientToken;
    }

    /** An unbound builder (build only). */
    public static Builder builder() {
        return new Builder(null);
    }

    /** A builder holding this request's actions and token, unbound. */
    public Builder toBuilder() {
        Builder b = new Builder(null);
        b.actions.addAll(actions);
        b.clientToken = clientToken;
        return b;
    }

    /** The actions, in request order. */
    public List<Action> actions() {
        return actions;
    }

    /** The idempotency token, if any. */
    public Optional<String> clientToken() {
        return Optional.ofNullable(clientToken);
    }

    @Override
    public TransactWriteResult sendTo(Backend backend) {
        return backend.transactWrite(this);
    }

    @Override
    public String operation() {
        return "TransactWriteItems";
    }

    @Override
    public String toString() {
        return "TransactWriteItems{" + actions.size() + " actions" + (clientToken == null ? "" : ", token=" + clientToken) + "}";
    }

    /** Builds a {@link TransactWriteRequest}. */
    public static final class Builder extends RequestBuilder<TransactWriteRequest, TransactWriteResult, Builder> {
        private final List<Action> actions = new ArrayList<>();
        private String clientToken;

        /** A builder bound to an executor (for client implementations); null executor for build-only. */
        public Builder(RequestExecutor executor) {
            super(executor);
        }

        /** Adds a put. */
        public Builder put(PutRequest put) {
            actions.add(new Action(Requests.require(put, "put"), null));
            return this;
        }

        /** Adds an unconditional put of an item. */
        public Builder put(String tableName, Item item) {
            return put(PutRequest.builder(tableName, item).build());
        }

        /** Adds an update. */
        public Builder update(UpdateRequest update) {
            actions.add(new Action(Requests.require(update, "update"), null));
            return this;
        }

        /** Adds a delete. */
        public Builder delete(DeleteRequest delete) {
            actions.add(new Action(Requests.require(delete, "delete"), null));
            return this;
        }

        /** Adds an unconditional delete of an item. */
        public Builder delete(String tableName, Key key) {
            return delete(DeleteRequest.builder(tableName, key).build());
        }

        /** Adds a condition check. */
        public Builder conditionCheck(ConditionCheck check) {
            actions.add(new Action(null, Requests.require(check, "condition check")));
            return this;
        }

        /**
         * An idempotency token (1–36 characters): the same transaction sent again within 10 minutes
         * with the same token is not applied twice.
         */
        public Builder clientToken(String token) {
            if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
                throw new ValidationException("ClientRequestToken must be 1 to " + MAX_TOKEN_LENGTH + " characters, got '" + token + "'");
            }
            this.clientToken = token;
            return this;
        }

        @Override
        public TransactWriteRequest build() {
            if (actions.isEmpty()) throw new ValidationException("TransactWriteItems needs at least one action");
            return new TransactWriteRequest(actions, clientToken);
        }
    }
}
