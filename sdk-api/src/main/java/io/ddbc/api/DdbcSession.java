package io.ddbc.api;

/**
 * A session: every read through it sees the session's own writes (read-your-writes), never goes back
 * in time (monotonic reads), and its writes apply in order (monotonic writes) after what it has read
 * (writes-follow-reads). Thread-safe; its {@link #token()} carries those guarantees to another
 * request, thread, client or process on the same backend.
 *
 * <p>Reads default to {@link Consistency#SESSION}; a request may still ask for EVENTUAL or STRONG, and
 * the session records what every request saw whatever its level.
 *
 * <pre>{@code
 * DdbcSession s = client.newSession();
 * s.table("accounts").update(k).expression("SET balance = balance + :d").value(":d", 500).execute();
 * s.table("accounts").get(k).execute();                 // sees the deposit, usually from a follower
 * String header = s.token().serialize();                // hand to the next request
 * DdbcSession next = client.resumeSession(SessionToken.parse(header));
 * }</pre>
 */
public interface DdbcSession extends DdbcOperations {

    /** What the session knows now (signed if the client has a token secret). */
    SessionToken token();

    /** The region this session reads and writes in; null when the backend is single-region. */
    default String homeRegion() {
        return null;
    }

    /** Adds what another token knows (e.g. from a parallel request of the same user). */
    void merge(SessionToken other);
}
