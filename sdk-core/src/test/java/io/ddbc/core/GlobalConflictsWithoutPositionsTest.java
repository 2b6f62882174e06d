package io.ddbc.core;

import io.ddbc.spi.Backend;

/** {@link GlobalConflictContract} on the two-region test backend without positions (AWS global tables' situation). */
class GlobalConflictsWithoutPositionsTest extends GlobalConflictContract {
    private GlobalTestBackend global;

    @Override
    Backend openBackend() {
        return global = new GlobalTestBackend(US, EU);
    }

    @Override
    void settle() {
        global.sync();
    }

    @Override
    int conflicts() {
        return global.conflicts.size();
    }

    @Override
    String seedNote() {
        return "";
    }
}
