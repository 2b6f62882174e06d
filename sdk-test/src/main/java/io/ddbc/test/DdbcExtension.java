package io.ddbc.test;

import io.ddbc.api.Billing;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.TableSpec;
import io.ddbc.embedded.EmbeddedControl;
import io.ddbc.test.internal.EngineConfig;
import io.ddbc.test.internal.Seeds;
import java.lang.reflect.Method;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link DdbcTest}: opens one engine per test on first use, creates the tables,
 * resolves {@link DdbcClient}, {@link TestControl} and {@link EmbeddedControl} parameters of test methods and
 * {@code @BeforeEach}/{@code @AfterEach} methods, and closes the client when the test ends. Registered by
 * {@code @DdbcTest}; applications do not name it.
 *
 * <pre>{@code
 * @DdbcTest
 * class MyTest { @Test void t(DdbcClient client, TestControl control) { ... } }
 * }</pre>
 */
public final class DdbcExtension implements ParameterResolver {
    private static final Set<Class<?>> RESOLVED = Set.of(DdbcClient.class, TestControl.class, EmbeddedControl.class);
    private static final String ENGINE_KEY = "engine";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        // constructors run in the class's context, which outlives one test: only per-test methods get an engine
        return parameter.getDeclaringExecutable() instanceof Method && RESOLVED.contains(parameter.getParameter().getType())
                && context.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Engine engine = context.getStore(Seeds.NAMESPACE).getOrComputeIfAbsent(ENGINE_KEY, k -> open(context), Engine.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == DdbcClient.class) return engine.client();
        if (type == TestControl.class) return engine.control();
        return engine.control().engine();
    }

    private static Engine open(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        DdbcTest options = AnnotationSupport.findAnnotation(testClass, DdbcTest.class)
                .orElseThrow(() -> new ParameterResolutionException(testClass.getName() + " is not annotated @DdbcTest"));
        Long repeated = context.getStore(Seeds.NAMESPACE).get(Seeds.SEED_KEY, Long.class);
        long seed = repeated != null ? repeated : options.seed();
        DdbcClient client = EngineConfig.of(options, seed).connect();
        try {
            for (DdbcTable table : AnnotationSupport.findRepeatableAnnotations(testClass, DdbcTable.class)) {
                client.createTable(spec(table));
            }
            context.getTestInstance().filter(DdbcTableSetup.class::isInstance)
                    .ifPresent(instance -> ((DdbcTableSetup) instance).createTables(client));
            return new Engine(client, new TestControl(client.unwrap(EmbeddedControl.class), seed));
        } catch (RuntimeException | Error e) {
            client.close();
            throw e;
        }
    }

    static TableSpec spec(DdbcTable table) {
        TableSpec.Builder b = TableSpec.builder(table.name()).partitionKey(table.partitionKey(), table.partitionKeyType());
        if (!table.sortKey().isEmpty()) b.sortKey(table.sortKey(), table.sortKeyType());
        if (!table.versionAttribute().isEmpty()) b.versionAttribute(table.versionAttribute());
        if (table.readCapacity() != 0 || table.writeCapacity() != 0) {
            b.billing(Billing.provisioned(table.readCapacity(), table.writeCapacity()));
        }
        return b.build();
    }

    /** One test's client and control; JUnit closes it with the test's store. */
    private record Engine(DdbcClient client, TestControl control) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            client.close();
        }
    }
}
