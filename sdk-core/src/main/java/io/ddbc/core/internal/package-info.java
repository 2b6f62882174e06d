/**
 * The machinery of the client; free to change, not for applications. {@code Engine} dispatches each
 * request to a path ({@code ReadPath}, {@code WritePath}, {@code QueryPath}, {@code BatchPath},
 * {@code TransactPath}) that applies sessions ({@code SessionState}), managed versions
 * ({@code Versioning}) and the caches ({@code ItemCache}, {@code QueryCache}); every backend call goes
 * through {@code Engine.send}, i.e. the {@code Retrier} and the {@code Metrics}.
 */
package io.ddbc.core.internal;
