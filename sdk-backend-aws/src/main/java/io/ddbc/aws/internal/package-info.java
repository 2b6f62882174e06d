/**
 * Implementation of the AWS backend; not for applications. One class per job: {@code ClientFactory}
 * (URL to SDK client), {@code RequestMapper} (ddbc request to SDK request), {@code ResultMapper},
 * {@code ModelConverter} (attribute values both ways), {@code CapacityConverter},
 * {@code TableSpecConverter} and {@code ErrorMapper} (SDK exceptions to ddbc's).
 */
package io.ddbc.aws.internal;
