/**
 * Global tables for the embedded engine (internal): one regional engine per region on a shared clock and
 * position counter ({@link io.ddbc.embedded.internal.global.GlobalEngine}), and cross-region replication with
 * last-writer-wins stamps, version vectors for conflict detection, FIFO channels per origin, destination and
 * table partition, and region isolation ({@link io.ddbc.embedded.internal.global.Replicator}).
 */
package io.ddbc.embedded.internal.global;
