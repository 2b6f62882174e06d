/**
 * The ddbc client: connect with {@link io.ddbc.core.Ddbc}, configure with
 * {@link io.ddbc.core.DdbcClientBuilder}, {@link io.ddbc.core.CacheSpec} and {@link io.ddbc.core.RetryPolicy};
 * everything else is the API of {@code io.ddbc.api}.
 *
 * <pre>{@code
 * try (DdbcClient client = Ddbc.builder().url("ddbc:embedded:mem")
 *         .cache(CacheSpec.writeThrough()).retry(RetryPolicy.exponential(10, Duration.ofMillis(25))).build()) {
 *     DdbcSession s = client.newSession();
 *     s.table("accounts").update(k).expression("SET balance = balance + :d").value(":d", 500).execute();
 *     s.table("accounts").get(k).execute();             // sees the deposit, at eventual-read cost
 * }
 * }</pre>
 *
 * <h2>Consistency</h2>
 * A read's level is the request's, else {@code SESSION} inside a {@link io.ddbc.api.DdbcSession}, else the
 * table's default, else the client's (default EVENTUAL, or the URL's {@code consistency} parameter).
 * {@code BOUNDED(d)} is served by a strong read, the one read no backend can answer staler than {@code d}
 * today (it costs a strong read; on a global secondary index it is refused like any strong read). A SESSION read made directly on the client (outside a session)
 * uses the client's <em>implicit session</em>: it reads everything written through this client, by any
 * thread — never silently eventual.
 *
 * <h2>Sessions</h2>
 * Backends with replica positions (the embedded engine): a session read is an eventual read carrying the
 * session's positions, answered by a replica that has caught up — it costs an eventual read. Backends
 * without positions (AWS): an eventual read, re-read strongly (counted in {@code ddbc.session.upgrades})
 * when the item's managed version is older than the session knows, or it is missing while the session
 * knows a version. On <em>unversioned</em> tables there is no version to compare, so keys the session
 * wrote are read strongly and monotonic reads across keys the session only read are not guaranteed there.
 * Queries and scans without positions: strong on the base table if the session wrote to it (a resumed or
 * merged token counts as having written every table); on a global secondary index of a versioned table,
 * eventual reads are repeated with backoff (up to 2 s) until no returned item is older than the session
 * knows exactly, else {@link io.ddbc.api.StaleReadException} — an item the session wrote that the index does
 * not show at all is not detected; on an index of an unversioned table, eventual. Session tokens fold old
 * keys into hashed buckets, which may cause needless (never missing) upgrades or routing, but are never
 * waited for on an index: a bucket also holds other keys' versions. A token resumed or merged by a client
 * without {@link io.ddbc.core.DdbcClientBuilder#sessionTokenSecret} cannot be told from a crafted one, so
 * its requirements are hints too: an index query waits only for what the session learned in this client.
 *
 * <h2>Managed versions</h2>
 * On a versioned table every write through ddbc increments the version attribute (a new item starts at 1),
 * translated into plain expressions ({@code ADD #ddbc_v :ddbc_one}, {@code #ddbc_v = :ddbc_e}); backends
 * never see {@code expectVersion}. A put without {@code expectVersion} on a versioned table is a
 * compare-and-set loop: one strong read of the version (1 RCU) per attempt, then a conditional put;
 * pass {@code expectVersion} to avoid that cost. In transactions such puts read the version once and
 * fail with {@link io.ddbc.api.VersionConflictException} on a race; updates without an expected version
 * get no known new version in the result (without positions the session reads it back strongly: 1 RCU). BatchWriteItem cannot put to versioned tables (it takes no
 * conditions). Deletes through ddbc ask for the old image internally so that a session refuses
 * pre-delete images afterwards.
 *
 * <h2>Global tables (several regions)</h2>
 * On a multi-region backend ({@code ddbc:embedded:mem?regions=us-east-1,eu-west-1}, {@code ddbc:aws://us-east-1,eu-west-1})
 * the client keeps one pipeline per region (own cache and meters, tagged {@code region}). Requests made on
 * the client go to its home region ({@link io.ddbc.core.DdbcClientBuilder#homeRegion}, URL {@code home=},
 * default the backend's first); a session has its own ({@code client.newSession("eu-west-1")},
 * {@code client.resumeSession(token, "eu-west-1")}). What holds, honestly:
 * <ul>
 *   <li>Writes are acknowledged by the region that takes them and reach the others asynchronously; concurrent
 *       writes of one item in two regions are resolved by <em>last writer wins</em>, which silently keeps one.</li>
 *   <li>Conditions and managed versions are checked only in the region that takes the write. Under
 *       {@link io.ddbc.core.WriteAffinity#home()} two regions can both accept a write at the same version (one
 *       is then lost); under {@link io.ddbc.core.WriteAffinity#byPartitionKey()} every write of an item is
 *       evaluated in its owner region, so version checks are exact ({@code VersionConflictException},
 *       {@code mutate} retries) from any region. Transactions must stay in one region; batches are split.</li>
 *   <li>A session token remembers the regions the session wrote or read in. A SESSION read (or a
 *       {@code minVersion} read) whose token names another region is answered only where it can be shown
 *       to include those writes: in the home region once it has caught up (waiting up to
 *       {@link io.ddbc.core.DdbcClientBuilder#crossRegionWait}, default 2 s), else in a region the token names,
 *       else {@link io.ddbc.api.StaleReadException} — never silently stale. Counted in
 *       {@code ddbc.session.cross_region{outcome=caught_up|waited|routed|refused}}. With positions (embedded)
 *       the backend proves it; without (AWS), versions prove it on versioned tables, and an unversioned item
 *       or a query/scan of a table the session wrote cannot be proved outside the single region of its writes,
 *       so such reads go there at once. A token naming several regions without positions may refuse a read of
 *       an item it deleted (absence cannot be told from "not arrived yet").</li>
 *   <li>A session's write that builds on the item's state (an update, a conditional write, any write to a
 *       versioned table) is held to the same rule as its reads: the region taking it must first have the
 *       session's writes from other regions (waiting; under home affinity the write may go to a region that has
 *       them instead; else {@code StaleReadException}), so a session never overwrites its own earlier write with
 *       one built on an older item. Transactions are held back the same way (all their items are read first).
 *       Blind puts and deletes of unversioned items, and so batch writes, are not held back: last writer wins
 *       keeps them over anything older.</li>
 *   <li>STRONG reads are strong within the home region only, as in DynamoDB; EVENTUAL reads are never routed.</li>
 * </ul>
 *
 * <h2>Cache</h2>
 * See {@link io.ddbc.core.CacheSpec}. Reads with a projection bypass the item cache; batch gets and
 * transactions do not read from it (writes through them invalidate it).
 */
package io.ddbc.core;
