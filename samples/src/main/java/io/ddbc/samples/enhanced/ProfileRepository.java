package io.ddbc.samples.enhanced;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An ordinary Enhanced Client repository: nothing in it knows about ddbc. Its reads are the Enhanced
 * Client's default, eventually consistent GetItem — which on DynamoDB may not show a rename the same
 * user just made. {@link EnhancedReadYourWrites} shows the one line that fixes that.
 */
public final class ProfileRepository {
    public static final String TABLE = "profiles";
    private final DynamoDbTable<Profile> table;

    public ProfileRepository(DynamoDbEnhancedClient enhanced) {
        this.table = enhanced.table(TABLE, TableSchema.fromBean(Profile.class));
    }

    public void createTable() {
        table.createTable();
    }

    /** Creates the profile (version 1); fails if it exists. */
    public void create(String userId, String displayName) {
        Profile p = new Profile();
        p.setUserId(userId);
        p.setDisplayName(displayName);
        table.putItem(p);
    }

    /** Renames, refusing (ConditionalCheckFailedException) if someone else changed the profile since {@code seen} was read. */
    public Profile rename(Profile seen, String displayName) {
        seen.setDisplayName(displayName);
        return table.updateItem(seen);
    }

    /** The profile, or null. */
    public Profile find(String userId) {
        return table.getItem(Key.builder().partitionValue(userId).build());
    }
}
