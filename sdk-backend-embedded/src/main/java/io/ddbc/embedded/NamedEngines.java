package io.ddbc.embedded;

import io.ddbc.api.DdbcConfigException;
import io.ddbc.spi.Backend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Named in-JVM engines, like H2's {@code jdbc:h2:mem:name}: every client that opens
 * {@code ddbc:embedded:mem:orders} in one JVM shares one engine (its tables, replicas, clock, faults and
 * session scope, so session tokens pass between those clients). The engine lives until its last client
 * closes, or with {@code keepAlive=jvm} until the JVM exits. Thread-safe.
 */
final class NamedEngines {
    private static final Map<String, Shared> ENGINES = new HashMap<>();

    private NamedEngines() {
    }

    /** An engine and the handles open on it. */
    private static final class Shared {
        final EmbeddedBackend engine;
        final Map<String, String> settings;
        final boolean keepAlive;
        int handles;

        Shared(EmbeddedBackend engine, Map<String, String> settings, boolean keepAlive) {
            this.engine = engine;
            this.settings = settings;
            this.keepAlive = keepAlive;
        }
    }

    /**
     * A handle on the engine named {@code name}, opening it with {@code open} if no client holds it.
     *
     * @param settings the URL's parameters: a second client must ask for the same engine, or is refused
     * @throws DdbcConfigException if the engine is open with other settings
     */
    static Backend open(String name, Map<String, String> settings, boolean keepAlive, String url, Supplier<EmbeddedBackend> open) {
        Map<String, String> wanted = new TreeMap<>(settings);
        Shared shared;
        synchronized (ENGINES) {
            shared = ENGINES.get(name);
            if (shared != null && !shared.settings.equals(wanted)) {
                throw new DdbcConfigException("ddbc URL '" + url + "': the embedded engine 'mem:" + name + "' is already open in this JVM with"
                        + " parameters " + shared.settings + "; connect with the same parameters (or none but keepAlive) to share it, or use"
                        + " another name");
            }
            if (shared == null) {
                shared = new Shared(open.get(), wanted, keepAlive);
                ENGINES.put(name, shared);
            }
            shared.handles++;
        }
        return handle(name, shared);
    }

    /** Names of the engines open now (for tests and diagnostics). */
    static java.util.Set<String> openNames() {
        synchronized (ENGINES) {
            return java.util.Set.copyOf(ENGINES.keySet());
        }
    }

    /** A Backend and EmbeddedControl over the shared engine whose close() releases this handle only. */
    private static Backend handle(String name, Shared shared) {
        AtomicBoolean closed = new AtomicBoolean();
        return (Backend) Proxy.newProxyInstance(NamedEngines.class.getClassLoader(), new Class<?>[] {Backend.class, EmbeddedControl.class},
                (proxy, m, args) -> {
                    if (isClose(m)) {
                        if (closed.compareAndSet(false, true)) release(name, shared);
                        return null;
                    }
                    if (m.getName().equals("isClosed") && m.getParameterCount() == 0) return closed.get() || shared.engine.isClosed();
                    if (m.getName().equals("unwrap") && args != null && args[0] == EmbeddedControl.class) return proxy;
                    if (m.getName().equals("toString") && m.getParameterCount() == 0) return "EmbeddedBackend{mem:" + name + "}";
                    if (m.getName().equals("equals") && m.getParameterCount() == 1) return proxy == args[0];
                    if (m.getName().equals("hashCode") && m.getParameterCount() == 0) return System.identityHashCode(proxy);
                    if (closed.get() && m.getDeclaringClass() != Object.class) {
                        throw new io.ddbc.api.DdbcException("client closed: this handle on the embedded engine 'mem:" + name
                                + "' was closed; open a new one");
                    }
                    try {
                        return m.invoke(shared.engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean isClose(Method m) {
        return m.getName().equals("close") && m.getParameterCount() == 0;
    }

    private static void release(String name, Shared shared) {
        boolean last;
        synchronized (ENGINES) {
            shared.handles--;
            last = shared.handles == 0 && !shared.keepAlive;
            if (last) ENGINES.remove(name);
        }
        if (last) shared.engine.close();
    }
}
