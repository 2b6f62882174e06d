package io.ddbc.aws.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code @ExtendWith(DynamoDbLocalExtension.class)}: one DynamoDB Local per JVM, shared by every
 * test class that uses the extension, started on first use and closed when the JUnit run ends
 * (root store). Injects {@link DynamoDbLocalServer} or {@link DynamoDbClient} parameters into
 * constructors, lifecycle methods and tests.
 */
public final class DynamoDbLocalExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(DynamoDbLocalExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext pc, ExtensionContext ec) {
        Class<?> t = pc.getParameter().getType();
        return t == DynamoDbLocalServer.class || t == DynamoDbClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext pc, ExtensionContext ec) {
        DynamoDbLocalServer s = server(ec);
        return pc.getParameter().getType() == DynamoDbClient.class ? s.client() : s;
    }

    private static DynamoDbLocalServer server(ExtensionContext context) {
        return context.getRoot().getStore(NS)
                .getOrComputeIfAbsent("server", k -> new Holder(DynamoDbLocalServer.shared()), Holder.class)
                .server;
    }

    /** Closed by JUnit when the root context (the whole run) closes. */
    private static final class Holder implements ExtensionContext.Store.CloseableResource {
        final DynamoDbLocalServer server;

        Holder(DynamoDbLocalServer server) {
            this.server = server;
        }

        @Override
        public void close() {
            DynamoDbLocalServer.closeShared();
        }
    }
}
