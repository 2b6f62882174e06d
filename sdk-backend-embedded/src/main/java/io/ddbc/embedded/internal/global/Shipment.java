package io.ddbc.embedded.internal.global;

import io.ddbc.embedded.internal.storage.LogRecord;

/**
 * One write on its way to another region: the origin's log record (its position is the origin's), its
 * last-writer-wins stamp (timestamp and origin region number), its version vector, and when it is due.
 */
record Shipment(LogRecord record, long timestamp, int origin, long[] vector, long due) {
}
