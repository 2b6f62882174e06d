package io.ddbc.aws.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.shared.access.LocalDBClient;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;
import org.eclipse.jetty.server.*;
import software.amazon.awssdk.auth.credentials.*;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.*;

/**
 * DynamoDB Local 2.6.1 in this JVM as an HTTP server on 127.0.0.1 only, free port, in memory,
 * telemetry off. {@link #start()}: private instance, caller closes. {@link #shared()}: one per JVM,
 * use it through {@link DynamoDbLocalExtension}, which closes it when the JUnit run ends. Needs
 * -Dsqlite4java.library.path=dir holding libsqlite4java-linux-amd64-1.0.392.so (the pom sets it).
 */
public final class DynamoDbLocalServer implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    private static DynamoDbLocalServer shared;

    private final DynamoDBProxyServer server;
    private final int port;
    private final URI endpoint;
    private final Duration startTime;
    private final DynamoDbClient client; // owned: closed by close()
    private volatile boolean closed;

    private DynamoDbLocalServer(DynamoDBProxyServer server, int port, Duration startTime) {
        this.server = server; this.port = port; this.startTime = startTime;
        this.endpoint = URI.create("http://" + HOST + ":" + port);
        this.client = clientBuilder().build();
    }

    public static DynamoDbLocalServer start() {
        String lib = System.getProperty("sqlite4java.library.path");
        if (lib == null || !Files.isDirectory(Path.of(lib))) {
            throw new IllegalStateException("set sqlite4java.library.path to the dir with libsqlite4java-*.so, got " + lib);
        }
        long t0 = System.nanoTime();
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) { // retry if the port is taken before we bind it
            int port;
            DynamoDBProxyServer server;
            try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("no free loopback port", e);
            }
            try { // -disableTelemetry: otherwise start() calls AWS Cognito + Pinpoint over the internet
                server = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
            } catch (Exception e) {
                throw new IllegalStateException("cannot create DynamoDB Local", e);
            }
            try {
                // No -host option: DynamoDBProxyServer does new Server(port), whose connector has
                // host null = all interfaces. Set the host on the connector before start().
                List<AbstractNetworkConnector> connectors = new ArrayList<>();
                for (Connector c : ((Server) field(server, "server")).getConnectors()) {
                    AbstractNetworkConnector nc = (AbstractNetworkConnector) c;
                    nc.setHost(HOST);
                    connectors.add(nc);
                }
                if (connectors.isEmpty()) throw new IllegalStateException("no Jetty connector");
                server.start(); // taken port: IOException("Failed to bind to /127.0.0.1:PORT")
                for (AbstractNetworkConnector c : connectors) { // start() swallows SocketException
                    if (!c.isStarted() || c.getLocalPort() != port) {
                        throw new IOException("DynamoDB Local not listening on " + HOST + ":" + port);
                    }
                }
                return new DynamoDbLocalServer(server, port, Duration.ofNanos(System.nanoTime() - t0));
            } catch (Exception e) {
                last = e;
                stop(server);
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start", last);
    }

    public static synchronized DynamoDbLocalServer shared() {
        if (shared == null || shared.closed) shared = start();
        return shared;
    }

    static synchronized void closeShared() {
        if (shared != null) shared.close();
        shared = null;
    }

    public URI endpoint() { return endpoint; } // http://127.0.0.1:PORT
    public int port() { return port; }
    public Duration startTime() { return startTime; }
    public DynamoDbClient client() { return client; } // do not close it yourself

    /** Preset like {@link #client()} (add interceptors etc.); the caller closes what it builds. */
    public DynamoDbClientBuilder clientBuilder() {
        // Name the HTTP client: DynamoDBLocal adds url-connection-client to the classpath (SDK
        // 2.31.0 would still pick Apache by priority). The SDK client closes what it builds here.
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16)
                        .connectionTimeout(Duration.ofSeconds(2)).socketTimeout(Duration.ofSeconds(30)));
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try { client.close(); } finally { stop(server); }
    }

    private static void stop(DynamoDBProxyServer server) {
        List<ExecutorService> jobPools = jobPools(server);
        try {
            server.stop(); // Jetty, then LocalDBClient.shutdown(): job pool shutdown(), SQLite closed
        } catch (Exception e) {
            System.err.println("DynamoDB Local stop failed: " + e);
        }
        // shutdown() does not interrupt: the streams ShardRolloverJobScheduler stays asleep in
        // Thread.sleep(7.5 min) on a non-daemon pool thread. Interrupt it so nothing lingers.
        for (ExecutorService pool : jobPools) {
            pool.shutdownNow();
            try { pool.awaitTermination(5, TimeUnit.SECONDS); } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** serverHandler.primaryHandler/secondaryHandlers -> dbRequestHandlers -> LocalDBClient.jobs.threadPool (2.6.1). */
    private static List<ExecutorService> jobPools(DynamoDBProxyServer server) {
        List<ExecutorService> pools = new ArrayList<>();
        try {
            Object serverHandler = field(server, "serverHandler");
            List<Object> handlers = new ArrayList<>(((Map<?, ?>) field(serverHandler, "secondaryHandlers")).values());
            handlers.add(field(serverHandler, "primaryHandler"));
            for (Object h : handlers) {
                if (!(h instanceof LocalDynamoDBRequestHandler)) continue;
                for (Object db : ((Map<?, ?>) field(h, "dbRequestHandlers")).values()) {
                    if (db instanceof LocalDBClient) pools.add((ExecutorService) field(field(db, "jobs"), "threadPool"));
                }
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            System.err.println("DynamoDB Local internals changed; job threads may linger up to 7.5 min: " + e);
        }
        return pools;
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) { /* superclass next */ }
        }
        throw new NoSuchFieldException(target.getClass().getName() + "." + name);
    }
}
