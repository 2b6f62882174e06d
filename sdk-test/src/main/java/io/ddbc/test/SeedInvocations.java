package io.ddbc.test;

import io.ddbc.test.internal.Seeds;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Supplies the runs of a {@link RepeatedWithSeeds} test, one per seed. Registered by the annotation.
 *
 * <pre>{@code
 * @RepeatedWithSeeds(20) void t(DdbcClient client, long seed) { ... }
 * }</pre>
 */
public final class SeedInvocations implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, RepeatedWithSeeds.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        RepeatedWithSeeds repeat = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), RepeatedWithSeeds.class).orElseThrow();
        long[] seeds = Seeds.sequence(repeat.value(), repeat.firstSeed());
        return Arrays.stream(seeds).mapToObj(Run::new);
    }

    /** One run: names itself by its seed, hands the seed to the engine, and stamps it on any failure. */
    private record Run(long seed) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "seed=" + seed;
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new SeedExtension(seed));
        }
    }

    private record SeedExtension(long seed) implements BeforeEachCallback, ParameterResolver, TestExecutionExceptionHandler {
        @Override
        public void beforeEach(ExtensionContext context) {
            context.getStore(Seeds.NAMESPACE).put(Seeds.SEED_KEY, seed);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == long.class || type == Long.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return seed;
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            if (failure instanceof SeedFailure) throw failure;
            SeedFailure stamped = new SeedFailure(seed, failure);
            System.err.println("[ddbc-test] " + context.getDisplayName() + " " + stamped.getMessage());
            throw stamped;
        }
    }
}
