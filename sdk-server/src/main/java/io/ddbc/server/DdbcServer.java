package io.ddbc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.ddbc.api.DdbcConfigException;
import io.ddbc.server.internal.Dispatcher;
import io.ddbc.spi.Backend;
import io.ddbc.spi.BackendProviders;
import io.ddbc.spi.DdbcUrl;
import io.ddbc.wrapper.EmbeddedDynamoDbClient;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

/**
 * A DynamoDB-compatible HTTP endpoint over a ddbc backend — by default the embedded engine — like DynamoDB
 * Local's: it speaks DynamoDB's JSON protocol ({@code X-Amz-Target: DynamoDB_20120810.*}), so the AWS SDKs in any
 * language, the AWS CLI and NoSQL Workbench work against it unchanged. Requests with any credentials are accepted
 * (none are checked, as by DynamoDB Local); it listens on 127.0.0.1 unless told otherwise. Errors carry DynamoDB's
 * {@code __type} and message. Built on Undertow (HTTP) and Jackson (JSON); the request and response shapes come from
 * the AWS SDK's own model, so every operation the SDK facade supports is served.
 *
 * <pre>{@code
 * try (DdbcServer server = DdbcServer.builder().url("ddbc:embedded:mem?time=virtual&seed=7").port(0).start()) {
 *     DynamoDbClient sdk = DynamoDbClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
 *             .credentialsProvider(AnonymousCredentialsProvider.create()).build();
 *     sdk.listTables();
 * }
 * }</pre>
 *
 * <p>From the command line: {@code java -jar ddbc-server-all.jar --port 8000 [--host 127.0.0.1] [--url ddbc:embedded:mem]}.
 */
public final class DdbcServer implements AutoCloseable {
    private static final String JSON_1_0 = "application/x-amz-json-1.0";

    private final Undertow undertow;
    private final Backend backend;
    private final boolean ownsBackend;
    private final EmbeddedDynamoDbClient facade;
    private final String host;
    private final int port;

    private DdbcServer(Backend backend, boolean ownsBackend, String host, int port) {
        this.backend = backend;
        this.ownsBackend = ownsBackend;
        this.facade = EmbeddedDynamoDbClient.over(backend);
        Dispatcher dispatcher = new Dispatcher(facade);
        this.undertow = Undertow.builder().addHttpListener(port, host).setHandler(new Handler(dispatcher)).build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            if (ownsBackend) backend.close();
            throw new DdbcConfigException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        this.host = host;
        this.port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** A builder: {@link Builder#url} or {@link Builder#backend}, then {@link Builder#start()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The port listened on (the one chosen when asked for port 0). */
    public int port() {
        return port;
    }

    /** The endpoint URL for an SDK's {@code endpointOverride}, e.g. {@code http://127.0.0.1:8000}. */
    public URI endpoint() {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** The backend served (for EmbeddedControl: {@code server.backend().unwrap(EmbeddedControl.class)}). */
    public Backend backend() {
        return backend;
    }

    /** Stops listening and closes the backend if the server opened it. */
    @Override
    public void close() {
        try {
            undertow.stop();
        } finally {
            if (ownsBackend) backend.close();
        }
    }

    /** Runs a server until the JVM is stopped: {@code --port N --host H --url U}. */
    public static void main(String[] args) {
        Builder b = builder().port(8000);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port" -> b.port(Integer.parseInt(Objects.requireNonNull(v, "--port needs a number")));
                case "--host" -> b.host(Objects.requireNonNull(v, "--host needs an address"));
                case "--url" -> b.url(Objects.requireNonNull(v, "--url needs a ddbc URL"));
                case "--help", "-h" -> {
                    System.out.println("java -jar ddbc-server-all.jar [--port 8000] [--host 127.0.0.1] [--url ddbc:embedded:mem]");
                    return;
                }
                default -> throw new DdbcConfigException("Unknown argument '" + a + "'; use --port, --host, --url or --help");
            }
            i++;
        }
        DdbcServer server = b.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ddbc-server-stop"));
        System.out.println("ddbc server listening on " + server.endpoint() + " (" + server.backend().name() + ")");
    }

    /** How to start a server. Not thread-safe; the server it starts is. */
    public static final class Builder {
        private String url = DdbcUrl.DEFAULT_URL;
        private Backend backend;
        private String host = "127.0.0.1";
        private int port = 8000;

        private Builder() {
        }

        /** The ddbc URL of the backend to open and serve (default {@code ddbc:embedded:mem}); closed with the server. */
        public Builder url(String url) {
            this.url = Objects.requireNonNull(url, "url");
            return this;
        }

        /** A backend to serve instead of opening one; left open when the server closes. */
        public Builder backend(Backend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /** The address to listen on (default 127.0.0.1: only this machine). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port (default 8000; 0 picks a free one). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new DdbcConfigException("port must be 0 to 65535, got " + port);
            this.port = port;
            return this;
        }

        /** Opens the backend (if given a URL) and starts listening. */
        public DdbcServer start() {
            if (backend != null) return new DdbcServer(backend, false, host, port);
            DdbcUrl u = DdbcUrl.parse(url);
            Backend opened = BackendProviders.find(u, DdbcServer.class.getClassLoader()).open(u, new Properties());
            return new DdbcServer(opened, true, host, port);
        }
    }

    /** One request: read the body on a worker thread, dispatch, write the JSON answer. */
    private static final class Handler implements HttpHandler {
        private final Dispatcher dispatcher;

        Handler(Dispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void handleRequest(HttpServerExchange exchange) throws IOException {
            if (exchange.isInIoThread()) {
                exchange.dispatch(this);
                return;
            }
            exchange.startBlocking();
            Dispatcher.Answer answer;
            if (!exchange.getRequestMethod().equals(Methods.POST)) {
                exchange.setStatusCode(405);
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                exchange.getResponseSender().send("ddbc server: send DynamoDB JSON-protocol requests with POST", StandardCharsets.UTF_8);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getInputStream()) {
                body = in.readAllBytes();
            }
            JsonNode json;
            try {
                json = body.length == 0 ? null : Json.MAPPER.readTree(body);
                answer = dispatcher.call(exchange.getRequestHeaders().getFirst("X-Amz-Target"), json);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                answer = dispatcher.call(null, null);
                answer.body().put("__type", "com.amazonaws.dynamodb.v20120810#SerializationException");
                answer.body().put("message", "Malformed JSON: " + e.getOriginalMessage());
            }
            Json.reply(exchange, answer);
        }
    }

    /** Jackson and the reply. */
    private static final class Json {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

        static void reply(HttpServerExchange exchange, Dispatcher.Answer answer) throws IOException {
            byte[] out = MAPPER.writeValueAsBytes(answer.body());
            exchange.setStatusCode(answer.status());
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON_1_0);
            exchange.getResponseHeaders().put(new HttpString("x-amzn-RequestId"), UUID.randomUUID().toString());
            exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(out));
        }
    }
}
