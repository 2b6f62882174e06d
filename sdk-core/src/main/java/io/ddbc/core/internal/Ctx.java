package io.ddbc.core.internal;

/**
 * Where a request runs: the session it records into and honours, whether that session was asked for
 * explicitly (a {@code DdbcSession}) or is the client's implicit one, its home region (null on a
 * single-region backend), and whether a read must prove that the region serving it has caught up with the
 * session ({@code strict}: the session knows writes made in another region, see {@link CrossRegionSessions}).
 */
record Ctx(SessionState session, boolean explicitSession, String home, boolean strict) {
    /** A context on a single-region backend. */
    Ctx(SessionState session, boolean explicitSession) {
        this(session, explicitSession, null, false);
    }

    /** The same context, proving (or not) that the serving region has caught up. */
    Ctx strict(boolean proving) {
        return proving == strict ? this : new Ctx(session, explicitSession, home, proving);
    }
}
