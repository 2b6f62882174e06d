package io.ddbc.wrapper.differential;

import java.util.Set;
import software.amazon.awssdk.core.SdkRequest;

/**
 * One generated request, sent unchanged to both clients.
 *
 * @param kind the operation, e.g. {@code PutItem}
 * @param request the SDK request object
 * @param invalid whether the generator meant it to be refused (a hint for the figures, not an expectation)
 * @param features what the generator put in it that a known difference may depend on (e.g. {@code limit})
 */
record Gen(String kind, SdkRequest request, boolean invalid, Set<String> features) {
    boolean has(String feature) {
        return features.contains(feature);
    }

    @Override
    public String toString() {
        return kind + (invalid ? " (invalid)" : "") + " " + features + " " + request;
    }
}
