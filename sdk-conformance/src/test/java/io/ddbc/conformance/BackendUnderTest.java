package io.ddbc.conformance;

import io.ddbc.api.Positions;
import io.ddbc.api.ServedBy;
import io.ddbc.aws.AwsBackend;
import io.ddbc.aws.testing.DynamoDbLocalServer;
import io.ddbc.wrapper.DdbcDynamoDbClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A backend the conformance suite holds to the contract, opened from its ddbc URL through
 * {@code ServiceLoader} exactly as an application would. Every {@link ConformanceTest} runs once per
 * constant.
 *
 * <p>Which backends run: {@code -Dddbc.conformance.backends=embedded,global,aws,wrapped,server} (default all five). The embedded
 * URL: {@code -Dddbc.conformance.embedded.url} (default {@code ddbc:embedded:mem}, the engine's default
 * replication settings), e.g. {@code ddbc:embedded:mem?replicas=3&lag=5ms} to run the suite on lagging
 * replicas. AWS is DynamoDB Local, started once per JVM on 127.0.0.1.
 *
 * <p>What legitimately differs between the two is stated here, once, so tests assert it explicitly:
 * where reads are served ({@link #backendServedBy()}) and whether results carry positions.
 */
public enum BackendUnderTest {
    /** The in-process engine (replicas per its default settings). */
    EMBEDDED {
        @Override
        String url() {
            return System.getProperty("ddbc.conformance.embedded.url", "ddbc:embedded:mem");
        }

        @Override
        Set<ServedBy> backendServedBy() {
            return Set.of(ServedBy.LEADER, ServedBy.FOLLOWER);
        }

        @Override
        boolean hasPositions() {
            return true;
        }
    },
    /**
     * The engine with global tables (two regions, one replicating into the other): the client works in its home
     * region through the multi-region core path, and must keep the whole single-region contract there.
     */
    GLOBAL {
        @Override
        String url() {
            return "ddbc:embedded:mem?regions=eu-west-1,us-east-1";
        }

        @Override
        Set<ServedBy> backendServedBy() {
            return EMBEDDED.backendServedBy();
        }

        @Override
        boolean hasPositions() {
            return true;
        }
    },
    /** AWS SDK v2 adapter against DynamoDB Local (shared per JVM, so table names are unique). */
    AWS {
        @Override
        String url() {
            return "ddbc:aws:?endpoint=" + DynamoDbLocalServer.shared().endpoint() + "&region=us-east-1&maxConnections=16";
        }

        @Override
        Set<ServedBy> backendServedBy() {
            return Set.of(ServedBy.BACKEND);
        }

        @Override
        boolean hasPositions() {
            return false;
        }
    },
    /**
     * The AWS adapter over plain HTTP to ddbc's own DynamoDB-compatible endpoint ({@code DdbcServer}) serving a
     * fresh single-replica embedded engine: what any SDK, the AWS CLI or NoSQL Workbench would see of the engine. Like DynamoDB,
     * the endpoint reports no positions or replicas.
     */
    SERVER {
        @Override
        String url() {
            // The endpoint is known only once open() has started the server on a free port.
            return "ddbc:aws:?endpoint=http://127.0.0.1:<port of a DdbcServer over ddbc:embedded:mem?replicas=1>&region=us-east-1";
        }

        @Override
        Set<ServedBy> backendServedBy() {
            return Set.of(ServedBy.BACKEND);
        }

        @Override
        boolean hasPositions() {
            return false;
        }

        @Override
        Backend open() {
            // One replica: what is under test here is the HTTP protocol; the AWS path's read-after-write costs assume,
            // like DynamoDB Local, an endpoint that is never stale (the engine's replicas are the EMBEDDED backend's part).
            io.ddbc.server.DdbcServer server = io.ddbc.server.DdbcServer.builder().url("ddbc:embedded:mem?replicas=1").port(0).start();
            DdbcUrl url = DdbcUrl.parse("ddbc:aws:?endpoint=" + server.endpoint() + "&region=us-east-1&maxConnections=16");
            Backend adapter = BackendProviders.find(url, BackendUnderTest.class.getClassLoader()).open(url, new Properties());
            // Closing the backend stops the server and its engine too.
            return closingAlso(adapter, server);
        }
    },
    /**
     * The same adapter over the drop-in wrapper ({@code DdbcDynamoDbClient.wrap}) of a DynamoDB Local client:
     * whatever the wrapper adds (its own session) must not change what the contract sees.
     */
    WRAPPED {
        @Override
        String url() {
            return AWS.url();
        }

        @Override
        Set<ServedBy> backendServedBy() {
            return Set.of(ServedBy.BACKEND);
        }

        @Override
        boolean hasPositions() {
            return false;
        }

        @Override
        Backend open() {
            DynamoDbClient wrapped = DdbcDynamoDbClient.wrap(DynamoDbLocalServer.shared().clientBuilder().build());
            Backend adapter = AwsBackend.wrap(wrapped, "aws:wrapped:" + DynamoDbLocalServer.shared().endpoint());
            // The adapter leaves a client it was given open; this backend owns the wrapper, so close both.
            return closingAlso(adapter, wrapped);
        }
    };

    /**
     * Whether something below the core upgrades eventual reads of items written through it: the drop-in
     * wrapper's own session does (reading strongly where it cannot compare versions), so those reads cost a
     * strong read. Nothing else differs.
     */
    boolean upgradesReadsOfItsOwnWrites() {
        return this == WRAPPED;
    }

    /** {@code backend}, whose close() also closes {@code owned}. */
    static Backend closingAlso(Backend backend, AutoCloseable owned) {
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class}, (proxy, m, args) -> {
            try {
                Object result = m.invoke(backend, args);
                if (m.getName().equals("close") && m.getParameterCount() == 0) owned.close();
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    /** The ddbc URL this backend is opened from. */
    abstract String url();

    /**
     * What a read that did not hit the cache reports: the engine names the replica (leader or a
     * follower); DynamoDB cannot say, so the adapter reports {@link ServedBy#BACKEND}.
     */
    abstract Set<ServedBy> backendServedBy();

    /**
     * Whether results carry replica {@link Positions}: the engine's one global counter does; DynamoDB has
     * none ({@link Positions#NONE}), which is why the core's AWS session path compares item versions.
     */
    abstract boolean hasPositions();

    /** Opens a fresh backend from {@link #url()}; the caller closes it. */
    Backend open() {
        DdbcUrl url = DdbcUrl.parse(url());
        return BackendProviders.find(url, BackendUnderTest.class.getClassLoader()).open(url, new Properties());
    }

    /** The backends selected by {@code -Dddbc.conformance.backends} (the {@link ConformanceTest} source). */
    static Stream<BackendUnderTest> all() {
        String selected = System.getProperty("ddbc.conformance.backends", "embedded,global,aws,wrapped,server");
        List<String> names = Arrays.stream(selected.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        return Arrays.stream(values()).filter(b -> names.contains(b.name()));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
