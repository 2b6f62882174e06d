package io.ddbc.samples.enhanced;

import io.ddbc.wrapper.DdbcDynamoDbClient;
import io.ddbc.wrapper.EmbeddedDynamoDbClient;
import io.ddbc.wrapper.WrapperOptions;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An existing Enhanced Client application gaining read-your-writes with one changed line: the
 * {@code DynamoDbClient} handed to the Enhanced Client is wrapped by {@link DdbcDynamoDbClient}.
 *
 * <pre>{@code
 * mvn -q -pl samples exec:java -Dexec.mainClass=io.ddbc.samples.enhanced.EnhancedReadYourWrites [-Dexec.args=ddbc:embedded:mem]
 * }</pre>
 *
 * In production the SDK client is the application's own ({@code DynamoDbClient.create()}); here it is the
 * embedded engine behind the SDK interface, so the example runs without AWS.
 */
public final class EnhancedReadYourWrites {
    private EnhancedReadYourWrites() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "ddbc:embedded:mem";
        try (DynamoDbClient sdk = EmbeddedDynamoDbClient.open(url)) {
            // before: DynamoDbClient client = sdk;
            DynamoDbClient client = DdbcDynamoDbClient.wrap(sdk, WrapperOptions.builder().versionAttribute(ProfileRepository.TABLE, "version").build());
            ProfileRepository profiles = new ProfileRepository(DynamoDbEnhancedClient.builder().dynamoDbClient(client).build());

            profiles.createTable();
            profiles.create("u-1", "Alice");
            for (int i = 1; i <= 5; i++) {
                Profile seen = profiles.find("u-1");                 // eventual read; sees the last rename
                Profile saved = profiles.rename(seen, "Alice #" + i);
                System.out.printf("renamed to %-10s version %d, read back %s%n", saved.getDisplayName(), saved.getVersion(),
                        profiles.find("u-1").getDisplayName());
            }
            System.out.println("wrapper stats: " + ((DdbcDynamoDbClient) client).stats());
        }
    }
}
