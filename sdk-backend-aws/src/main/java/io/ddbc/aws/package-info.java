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
 * Everything in {@code io.ddbc.aws.internal} is implementation.
 */
package io.ddbc.aws;
