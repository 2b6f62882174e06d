package io.ddbc.bench;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.ddbc.api.ConsumedCapacity;
import io.ddbc.api.DdbcClient;
import io.ddbc.core.Ddbc;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.embedded.EmbeddedBackendProvider;
import io.ddbc.embedded.EmbeddedControl;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProvider;
import io.ddbc.spi.DdbcUrl;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.atomic.DoubleAdder;

/** Opens the backends the figures compare, the same way for every experiment. */
final class Backends {
    private Backends() {
    }

    /** Whether this build's embedded engine takes a {@code replicas} URL parameter (replication merged). */
    static boolean replicasSupported() {
        return new EmbeddedBackendProvider().parameters().stream().anyMatch(p -> p.name().equals("replicas"));
    }

    /**
     * The embedded engine's URL with this many replicas per partition (three is the engine's design); an
     * engine without replication gets the plain single-node URL, and {@link Main} says so in its output.
     */
    static String embeddedUrl(int replicas) {
        return replicasSupported() ? "ddbc:embedded:mem?replicas=" + replicas : "ddbc:embedded:mem";
    }

    /** The embedded engine opened from {@link #embeddedUrl(int)}, owned by the caller. */
    static Backend embedded(int replicas) {
        BackendProvider provider = new EmbeddedBackendProvider();
        return provider.open(DdbcUrl.parse(embeddedUrl(replicas)), new Properties());
    }

    /** A core client over the embedded engine (owns it). */
    static DdbcClient embeddedClient(int replicas) {
        return Ddbc.connect(embeddedUrl(replicas));
    }

    /**
     * Applies every pending replication delivery of the embedded engine (no-op on other backends), so a
     * workload starts from fully replicated data: an EVENTUAL read of a just-loaded record could otherwise
     * land on the lagging replica and find nothing.
     */
    static void settle(Backend backend) {
        EmbeddedControl control = backend.unwrap(EmbeddedControl.class);
        if (control != null) control.settle();
    }

    /** {@link #settle(Backend)} for a client's backend. */
    static void settle(DdbcClient client) {
        try {
            client.unwrap(EmbeddedControl.class).settle();
        } catch (DdbcConfigException notEmbedded) {
            // another backend: nothing is pending
        }
    }

    /**
     * DynamoDB Local in this JVM without HTTP ({@code DynamoDBEmbedded}): the fastest way to run it, so
     * the fairest opponent for the embedded engine. Caller calls {@code shutdown()}.
     */
    static AmazonDynamoDBLocal dynamoDbLocalInProcess() {
        requireNativeLibrary();
        return DynamoDBEmbedded.create(true); // true: telemetry off (else it calls AWS Cognito/Pinpoint over the internet)
    }

    /**
     * DynamoDB Local needs sqlite4java's native library: unless {@code sqlite4java.library.path} is set,
     * use {@code native-libs/} next to the benchmarks jar (where the build copies it).
     */
    static void requireNativeLibrary() {
        if (System.getProperty("sqlite4java.library.path") == null) {
            try {
                Path jar = Path.of(Backends.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                System.setProperty("sqlite4java.library.path", jar.resolveSibling("native-libs").toString());
            } catch (Exception e) {
                throw new IllegalStateException("cannot locate the benchmarks jar; set -Dsqlite4java.library.path", e);
            }
        }
        Path dir = Path.of(System.getProperty("sqlite4java.library.path"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("sqlite4java native library directory " + dir + " is missing; build with"
                    + " 'mvn -pl benchmarks -am package' or set -Dsqlite4java.library.path");
        }
    }

    /**
     * Wraps a backend so that every result's read units are summed: the capacity the backend itself was
     * asked to spend, whatever the core answered from its cache. A dynamic proxy, so it forwards every
     * method of {@link Backend} without restating them.
     */
    static final class Metered {
        final Backend backend;
        private final DoubleAdder readUnits = new DoubleAdder();

        Metered(Backend target) {
            this.backend = (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                    (proxy, method, args) -> forward(target, method, args));
        }

        private Object forward(Backend target, Method method, Object[] args) throws Throwable {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            ConsumedCapacity c = capacityOf(result);
            if (c != null) readUnits.add(c.readUnits());
            return result;
        }

        /** Results are records with a {@code consumedCapacity()} accessor. */
        private static ConsumedCapacity capacityOf(Object result) {
            if (result == null || !result.getClass().isRecord()) return null;
            for (var component : result.getClass().getRecordComponents()) {
                if (component.getType() == ConsumedCapacity.class) {
                    try {
                        return (ConsumedCapacity) component.getAccessor().invoke(result);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return null;
        }

        double readUnits() {
            return readUnits.sum();
        }
    }
}
