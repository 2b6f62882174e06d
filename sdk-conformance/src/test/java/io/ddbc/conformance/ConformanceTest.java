package io.ddbc.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A conformance test method: runs once per {@link BackendUnderTest}, which it takes as its parameter.
 *
 * <pre>{@code
 * @ConformanceTest
 * void putThenGet(BackendUnderTest backend) {
 *     try (Fixture f = Fixture.open(backend)) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("io.ddbc.conformance.BackendUnderTest#all")
public @interface ConformanceTest {
}
