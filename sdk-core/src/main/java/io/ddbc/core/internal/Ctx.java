package io.ddbc.core.internal;

/**
 * Where a request runs: the session it records into and honours, and whether that session was asked
 * for explicitly (a {@code DdbcSession}) or is the client's implicit one.
 */
record Ctx(SessionState session, boolean explicitSession) {
}
