package io.ddbc.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test of the class against a fresh embedded three-replica engine (virtual time by default) and
 * injects a {@link io.ddbc.api.DdbcClient}, a {@link TestControl} and the raw
 * {@link io.ddbc.embedded.EmbeddedControl} into test methods and {@code @BeforeEach}/{@code @AfterEach} methods
 * (not constructors: JUnit builds the instance in a context that outlives one test). Tables come
 * from {@link DdbcTable} annotations on the class or from {@link DdbcTableSetup} if the test class implements it.
 * The client is closed after each test.
 *
 * <pre>{@code
 * @DdbcTest(lagMs = 100)
 * @DdbcTable(name = "accounts", partitionKey = "id", versionAttribute = "version")
 * class AccountTest {
 *     @Test
 *     void depositIsSeenBySession(DdbcClient client, TestControl control) {
 *         DdbcSession s = client.newSession();
 *         s.table("accounts").put(Item.of("id", "a", "balance", 5)).execute();
 *         control.failoverLeader("accounts", Key.of("id", "a"));
 *         assertEquals(5, s.table("accounts").get(Key.of("id", "a")).execute().item().orElseThrow().getLong("balance"));
 *     }
 * }
 * }</pre>
 *
 * <p>The seed is {@link #seed()} unless the test runs under {@link RepeatedWithSeeds}, which supplies one per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DdbcExtension.class)
public @interface DdbcTest {
    /** Seed of every random choice of the engine (replica choice, lags, latency). */
    long seed() default 0;

    /** Median replication lag to the lagging follower, ms (log-normal). */
    double lagMs() default 50;

    /** Chance (0 to 1) that a record's replication lag gets {@link #lagSpikeMs()} added. */
    double lagSpikeProbability() default 0.001;

    /** Extra lag of a spike, ms. */
    double lagSpikeMs() default 1000;

    /** Virtual time (reproducible from the seed) rather than real time. */
    boolean virtualTime() default true;

    /** Replicas per partition: 3 (leader and two followers, with lag) or 1 (no lag at all). */
    int replicas() default 3;

    /** Hash partitions per table. */
    int partitions() default 4;

    /**
     * Consistency of reads that name none, as {@link io.ddbc.api.Consistency#parse(String)} reads it:
     * {@code EVENTUAL} (default, like DynamoDB), {@code SESSION}, {@code STRONG} or {@code BOUNDED:<duration>}.
     */
    String consistency() default "EVENTUAL";

    /**
     * Global tables: the regions of the engine, home region first (e.g. {@code {"us-east-1", "eu-west-1"}}), each
     * its own three-replica engine with asynchronous cross-region replication, last writer wins. Empty (the
     * default): one region. Sessions pick a region with {@code client.newSession(region)}; faults across
     * regions are on {@link TestControl#isolateRegion(String)}.
     */
    String[] regions() default {};

    /** With {@link #regions()}: median cross-region replication lag, ms (log-normal). */
    double regionLagMs() default 250;
}
