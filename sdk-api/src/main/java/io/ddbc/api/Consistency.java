package io.ddbc.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How fresh a read must be. Chosen per client, per table, per session or per request.
 *
 * <table>
 *   <caption>levels</caption>
 *   <tr><th>level</th><th>guarantee</th><th>cost</th></tr>
 *   <tr><td>{@link #EVENTUAL}</td><td>any replica's state; may be stale</td><td>½ RCU per 4 KB</td></tr>
 *   <tr><td>{@link #SESSION}</td><td>read-your-writes, monotonic reads, monotonic writes, writes-follow-reads
 *       within a session</td><td>½ RCU unless upgraded</td></tr>
 *   <tr><td>{@link #STRONG}</td><td>linearizable per item</td><td>1 RCU per 4 KB</td></tr>
 *   <tr><td>{@link #bounded(Duration)}</td><td>at most the given staleness</td><td>½ RCU unless upgraded</td></tr>
 * </table>
 *
 * <pre>{@code
 * accounts.get(key).consistency(Consistency.STRONG).execute();
 * accounts.get(key).consistency(Consistency.bounded(Duration.ofMillis(200))).execute();
 * }</pre>
 */
public final class Consistency {

    /** The kinds of consistency. */
    public enum Level {
        /** Any replica; may be stale. */ EVENTUAL,
        /** The four session guarantees within a {@link DdbcSession}. */ SESSION,
        /** Linearizable per item: the leader. */ STRONG,
        /** At most a given staleness. */ BOUNDED
    }

    /** Any replica's state; may be stale; half the read cost. */
    public static final Consistency EVENTUAL = new Consistency(Level.EVENTUAL, null);
    /** Read-your-writes and the other session guarantees, at eventual cost whenever possible. */
    public static final Consistency SESSION = new Consistency(Level.SESSION, null);
    /** Linearizable per item; full read cost. */
    public static final Consistency STRONG = new Consistency(Level.STRONG, null);

    private final Level level;
    private final Duration maxStaleness;

    private Consistency(Level level, Duration maxStaleness) {
        this.level = level;
        this.maxStaleness = maxStaleness;
    }

    /**
     * Bounded staleness: the read reflects every write acknowledged more than {@code maxStaleness} ago.
     *
     * @throws ValidationException if the bound is null or negative
     */
    public static Consistency bounded(Duration maxStaleness) {
        if (maxStaleness == null || maxStaleness.isNegative()) {
            throw new ValidationException("Bounded staleness needs a non-negative duration, got " + maxStaleness);
        }
        return new Consistency(Level.BOUNDED, maxStaleness);
    }

    /**
     * Parses {@code EVENTUAL}, {@code SESSION}, {@code STRONG} or {@code BOUNDED:<ISO-8601 duration or millis>}
     * (case-insensitive), as accepted in URLs and properties.
     *
     * @throws ValidationException naming the text if it is none of these
     */
    public static Consistency parse(String text) {
        if (text == null) throw new ValidationException("Consistency must not be null");
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        switch (t) {
            case "EVENTUAL": return EVENTUAL;
            case "SESSION": return SESSION;
            case "STRONG": return STRONG;
            default:
                if (t.startsWith("BOUNDED:")) {
                    String d = t.substring("BOUNDED:".length());
                    try {
                        return bounded(d.startsWith("P") ? Duration.parse(d) : Duration.ofMillis(Long.parseLong(d)));
                    } catch (RuntimeException e) {
                        throw new ValidationException("Invalid bounded staleness '" + text + "': expected BOUNDED:<millis> or BOUNDED:<ISO-8601 duration>");
                    }
                }
                throw new ValidationException("Unknown consistency '" + text + "': expected EVENTUAL, SESSION, STRONG or BOUNDED:<millis>");
        }
    }

    /** The level. */
    public Level level() {
        return level;
    }

    /** The staleness bound of a {@link Level#BOUNDED} consistency; null otherwise. */
    public Duration maxStaleness() {
        return maxStaleness;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Consistency && level == ((Consistency) o).level
                && Objects.equals(maxStaleness, ((Consistency) o).maxStaleness);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, maxStaleness);
    }

    @Override
    public String toString() {
        return level == Level.BOUNDED ? "BOUNDED(" + maxStaleness + ")" : level.name();
    }
}
