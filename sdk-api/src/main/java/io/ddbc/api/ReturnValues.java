package io.ddbc.api;

/**
 * Which image of the item a put, update or delete returns, as in DynamoDB.
 *
 * <pre>{@code
 * WriteResult r = accounts.update(key).expression("ADD visits :one").value(":one", 1)
 *         .returnValues(ReturnValues.UPDATED_NEW).execute();
 * }</pre>
 */
public enum ReturnValues {
    /** Nothing (the default). */ NONE,
    /** The whole item before the write. */ ALL_OLD,
    /** The attributes the update changed, before it (update only). */ UPDATED_OLD,
    /**
     * The whole item after the write (update only in DynamoDB; ddbc's client also accepts it on a put and
     * answers with the item written, without asking the backend, which rejects it as DynamoDB does).
     */ ALL_NEW,
    /** The attributes the update changed, after it (update only). */ UPDATED_NEW
}
