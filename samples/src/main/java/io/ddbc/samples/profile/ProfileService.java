package io.ddbc.samples.profile;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.Item;
import io.ddbc.api.Key;
import io.ddbc.api.TableSpec;

/**
 * The seeds' VersionedService: a profile update returns a version token; a later request (another
 * server, another process) reads with {@code minVersion(token)} — eventual first, strong only if the
 * replica is behind, {@link io.ddbc.api.StaleReadException} if even the leader is behind.
 *
 * <pre>{@code
 * long token = profiles.rename("alice", "Alice B.");            // returned to the browser
 * Item p = profiles.get("alice", token);                        // next request carries the token
 * }</pre>
 */
public final class ProfileService {
    /** Profiles by user id, versioned. */
    public static final String TABLE = "profiles";

    private final DdbcClient client;

    /** A profile service over a client. */
    public ProfileService(DdbcClient client) {
        this.client = client;
    }

    /** Creates the versioned profiles table if absent. */
    public void createTable() {
        if (!client.listTables().contains(TABLE)) {
            client.createTable(TableSpec.builder(TABLE).partitionKey("userId", AttributeValue.Type.S).versionAttribute("version").build());
        }
    }

    /** Sets the display name; returns the new version to hand back to the client as its token. */
    public long rename(String userId, String name) {
        return client.table(TABLE).update(Key.of("userId", userId)).expression("SET #n = :n")
                .name("#n", "name").value(":n", name).execute().version().orElseThrow();
    }

    /** The profile at least as new as {@code minVersion} (0: any). */
    public Item get(String userId, long minVersion) {
        return client.table(TABLE).get(Key.of("userId", userId)).minVersion(minVersion).execute()
                .item().orElse(Item.empty());
    }
}
