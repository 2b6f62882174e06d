/**
 * ddbc's backend over AWS DynamoDB, through AWS SDK for Java v2's {@code DynamoDbClient}.
 *
 * <p>Putting {@code ddbc-backend-aws} on the classpath registers {@link io.ddbc.aws.AwsBackendProvider}
 * for {@code ddbc:aws:} URLs; switching an application from the embedded engine is one setting:
 * <pre>{@code
 * ddbc.url=ddbc:embedded:mem                 # before
 * ddbc.url=ddbc:aws://eu-west-1              # after (system property, DDBC_URL or ddbc.properties)
 * }</pre>
 * An application that configures its own SDK client passes it with {@link io.ddbc.aws.AwsBackend#wrap}.
 *
 * <p>Global tables: {@code ddbc:aws://us-east-1,eu-west-1} opens one backend with one client per region (home
 * first); the client core then offers home regions, write affinity and cross-region session reads over it.
 * For tests, one DynamoDB Local per region:
 * {@code ddbc:aws:?regions=us-east-1,eu-west-1&endpoint=http://127.0.0.1:8000,http://127.0.0.1:8001} (DynamoDB
 * Local does not replicate; each server is an independent region). Own clients:
 * {@link io.ddbc.aws.AwsBackend#wrapRegions}.
 * Everything in {@code io.ddbc.aws.internal} is implementation.
 */
package io.ddbc.aws;
