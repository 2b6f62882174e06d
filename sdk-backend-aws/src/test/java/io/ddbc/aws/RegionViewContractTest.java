package io.ddbc.aws;

import io.ddbc.aws.testing.AbstractBackendContractTest;
import io.ddbc.aws.testing.DynamoDbLocalExtension;
import io.ddbc.aws.testing.DynamoDbLocalServer;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole backend contract held by a region's view of a multi-region backend (not its home region): the view
 * is a complete backend on its own endpoint. Home is the shared DynamoDB Local, eu-west-1 a private one.
 */
@ExtendWith(DynamoDbLocalExtension.class)
class RegionViewContractTest extends AbstractBackendContractTest {
    private final DynamoDbLocalServer home;
    private DynamoDbLocalServer eu;
    private Backend root;

    RegionViewContractTest(DynamoDbLocalServer home) {
        this.home = home;
    }

    @Override
    protected Backend openBackend() {
        eu = DynamoDbLocalServer.start();
        DdbcUrl url = DdbcUrl.parse("ddbc:aws://us-east-1,eu-west-1?endpoint=" + home.endpoint() + "," + eu.endpoint());
        root = BackendProviders.find(url, getClass().getClassLoader()).open(url, new Properties());
        return root.region("eu-west-1");
    }

    /** The contract closes the view it was given, which does nothing; the root and the private server close here. */
    @Override
    @AfterAll
    protected void dropTables() {
        try (var server = eu; var backend = root) {
            super.dropTables();
        }
    }
}
