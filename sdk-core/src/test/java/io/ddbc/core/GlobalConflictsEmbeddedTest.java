package io.ddbc.core;

import io.ddbc.embedded.EmbeddedBackendProvider;
import io.ddbc.embedded.EmbeddedControl;
import io.ddbc.spi.Backend;
import io.ddbc.spi.DdbcUrl;
import java.util.Properties;

/**
 * {@link GlobalConflictContract} on the embedded multi-region engine (virtual time, seeded, positions), whose
 * {@link EmbeddedControl#replicationConflicts()} reports what last writer wins discarded.
 */
class GlobalConflictsEmbeddedTest extends GlobalConflictContract {
    private final long seed = EmbeddedFixture.seed();
    private EmbeddedControl control;

    @Override
    Backend openBackend() {
        Backend b = new EmbeddedBackendProvider().open(DdbcUrl.parse(GlobalEmbeddedTest.url(seed)), new Properties());
        control = b.unwrap(EmbeddedControl.class);
        return b;
    }

    @Override
    void settle() {
        control.settle();
    }

    @Override
    int conflicts() {
        return control.replicationConflicts().size();
    }

    @Override
    String seedNote() {
        return " (seed " + seed + ": rerun with -Dddbc.seed=" + seed + ")";
    }
}
