/**
 * Test support published as {@code io.ddbc:ddbc-backend-aws:test-jar:tests}: DynamoDB Local in-process
 * on 127.0.0.1 ({@link io.ddbc.aws.testing.DynamoDbLocalServer}, shared per JVM through
 * {@link io.ddbc.aws.testing.DynamoDbLocalExtension}) and the backend contract test
 * ({@link io.ddbc.aws.testing.AbstractBackendContractTest}) any backend module can subclass.
 * See the module README for the pom settings a consumer needs (DynamoDBLocal, sqlite4java native library).
 */
package io.ddbc.aws.testing;
