package io.ddbc.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test once per seed, each on a fresh engine opened with that seed (in a {@link DdbcTest} class). A failing
 * run fails as a {@link SeedFailure} naming its seed; {@code -Dddbc.seed=S} then runs only seed S, exactly as it
 * failed (virtual time makes a run a function of its seed). The seed is also injectable as a {@code long} parameter.
 *
 * <pre>{@code
 * @DdbcTest(lagMs = 200)
 * class TransferTest {
 *     @RepeatedWithSeeds(50)
 *     void balanceNeverGoesNegative(DdbcClient client, TestControl control) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(SeedInvocations.class)
public @interface RepeatedWithSeeds {
    /** How many seeds to run. */
    int value();

    /** The first seed; the others follow it. */
    long firstSeed() default 1;
}
