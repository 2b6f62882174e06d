package io.ddbc.samples;

import io.ddbc.api.DdbcClient;
import io.ddbc.core.Ddbc;

/** Opens the backend the samples' tests run on: {@code -Dddbc.test.url}, else the embedded engine with lag. */
final class SampleFixture {
    /** Virtual time with a realistic lag, so eventual reads can be stale and the guarantees are really tested. */
    static final String DEFAULT_URL = "ddbc:embedded:mem?time=virtual&seed=7&lagMs=50";

    private SampleFixture() {
    }

    static DdbcClient connect() {
        return Ddbc.connect(System.getProperty("ddbc.test.url", DEFAULT_URL));
    }
}
