package io.ddbc.conformance;

import io.ddbc.aws.testing.AbstractBackendContractTest;
import io.ddbc.spi.Backend;

/**
 * The SPI-level backend contract of ddbc-backend-aws's test-jar (the same class AWS's
 * {@code AwsBackendContractTest} runs against DynamoDB Local), here against the embedded engine.
 */
class EmbeddedBackendContractTest extends AbstractBackendContractTest {
    @Override
    protected Backend openBackend() {
        return BackendUnderTest.EMBEDDED.open();
    }
}
