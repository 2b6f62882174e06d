package io.ddbc.samples.enhanced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ddbc.wrapper.DdbcDynamoDbClient;
import io.ddbc.wrapper.EmbeddedDynamoDbClient;
import io.ddbc.wrapper.WrapperOptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The sample repository through the wrapper over the embedded engine: versions advance, stale writes are refused. */
class ProfileRepositoryTest {
    @Test
    void renamesAreVersionedAndReadBack() {
        try (DdbcDynamoDbClient client = DdbcDynamoDbClient.wrap(EmbeddedDynamoDbClient.open("ddbc:embedded:mem"),
                WrapperOptions.builder().versionAttribute(ProfileRepository.TABLE, "version").build())) {
            ProfileRepository profiles = new ProfileRepository(DynamoDbEnhancedClient.builder().dynamoDbClient(client).build());
            profiles.createTable();
            assertNull(profiles.find("u-1"));
            profiles.create("u-1", "Alice");
            Profile first = profiles.find("u-1");
            assertEquals(1L, first.getVersion());
            Profile renamed = profiles.rename(profiles.find("u-1"), "Alicia");
            assertEquals(2L, renamed.getVersion());
            assertEquals("Alicia", profiles.find("u-1").getDisplayName());
            // A rename based on the version-1 read is refused by the VersionedRecordExtension's condition.
            assertThrows(ConditionalCheckFailedException.class, () -> profiles.rename(first, "Stale"));
            assertEquals("Alicia", profiles.find("u-1").getDisplayName());
        }
    }
}
