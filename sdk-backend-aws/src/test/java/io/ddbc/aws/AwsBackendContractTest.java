package io.ddbc.aws;

import io.ddbc.aws.testing.AbstractBackendContractTest;
import io.ddbc.aws.testing.DynamoDbLocalExtension;
import io.ddbc.aws.testing.DynamoDbLocalServer;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import java.util.Properties;
import org.junit.jupiter.api.extension.ExtendWith;

/** The backend contract against DynamoDB Local, with the backend opened from its URL (ServiceLoader, Apache client). */
@ExtendWith(DynamoDbLocalExtension.class)
class AwsBackendContractTest extends AbstractBackendContractTest {
    private final DynamoDbLocalServer server;

    AwsBackendContractTest(DynamoDbLocalServer server) {
        this.server = server;
    }

    @Override
    protected Backend openBackend() {
        DdbcUrl url = DdbcUrl.parse("ddbc:aws:?endpoint=" + server.endpoint() + "&region=us-east-1&maxConnections=8");
        return BackendProviders.find(url, getClass().getClassLoader()).open(url, new Properties());
    }
}
