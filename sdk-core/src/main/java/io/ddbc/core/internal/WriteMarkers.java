package io.ddbc.core.internal;

import io.ddbc.api.BatchGetResult;
import io.ddbc.api.CancellationReason;
import io.ddbc.api.ConditionFailedException;
import io.ddbc.api.GetResult;
import io.ddbc.api.Item;
import io.ddbc.api.Page;
import io.ddbc.api.TransactGetResult;
import io.ddbc.api.TransactionCanceledException;
import io.ddbc.api.WriteResult;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write marker: every write ddbc makes to a versioned table also sets {@value #ATTRIBUTE} to a value
 * unique to that one write. When a write's answer is lost (a timeout after DynamoDB applied it), reading the
 * item back tells whether the version found is this write's own — the marker is — or another writer's, which
 * a version and an image alone cannot: two writers that read the same counter and add one produce the same
 * image at the same version. So a versioned write resolves an unknown outcome exactly, and never reports
 * success for another writer's write (which would lose an acknowledged increment).
 *
 * <p>The marker costs about 20 bytes per item of a versioned table. The client core strips it from every
 * item it returns (results, pages, failed conditions, cancellation reasons); other tools see it.
 */
final class WriteMarkers {
    /** The attribute holding the marker, on items of versioned tables only. */
    static final String ATTRIBUTE = "ddbc_w";
    static final String NAME = "#ddbc_w";
    static final String VALUE = ":ddbc_w";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WriteMarkers() {
    }

    /** A fresh marker: 96 random bits, so two writes never share one. */
    static String next() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * The marker of action {@code index} of the transaction with client token {@code token}: the same for every
     * sending of that transaction (a transaction needs no marker to resolve a lost answer — its token does — but
     * must send identical requests under one token).
     */
    static String derived(String token, int index) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((token + "#" + index).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(h, 12));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The marker an item carries, or null. */
    static String of(Item item) {
        if (item == null || !item.has(ATTRIBUTE)) return null;
        var v = item.get(ATTRIBUTE);
        return v.type() == io.ddbc.api.AttributeValue.Type.S ? v.s() : null;
    }

    static Item strip(Item item) {
        return item == null || !item.has(ATTRIBUTE) ? item : item.without(ATTRIBUTE);
    }

    private static Optional<Item> strip(Optional<Item> item) {
        return item.isPresent() && item.get().has(ATTRIBUTE) ? Optional.of(item.get().without(ATTRIBUTE)) : item;
    }

    private static List<Item> strip(List<Item> items) {
        List<Item> out = null;
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            if (!it.has(ATTRIBUTE)) continue;
            if (out == null) out = new ArrayList<>(items);
            out.set(i, it.without(ATTRIBUTE));
        }
        return out == null ? items : out;
    }

    /** A backend result with the marker removed from every item it carries (the same object if none has one). */
    static Object strip(Object result) {
        if (result instanceof GetResult r) {
            Optional<Item> i = strip(r.item());
            return i == r.item() ? r : new GetResult(i, r.version(), r.consumedCapacity(), r.servedBy(), r.positions());
        }
        if (result instanceof WriteResult r) {
            Optional<Item> i = strip(r.attributes());
            return i == r.attributes() ? r : new WriteResult(i, r.version(), r.consumedCapacity(), r.positions());
        }
        if (result instanceof Page p) {
            List<Item> items = strip(p.items());
            return items == p.items() ? p
                    : new Page(items, p.count(), p.scannedCount(), p.lastEvaluatedKey(), p.consumedCapacity(), p.servedBy(), p.positions());
        }
        if (result instanceof BatchGetResult b) {
            Map<String, List<Item>> items = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<String, List<Item>> e : b.items().entrySet()) {
                List<Item> l = strip(e.getValue());
                changed |= l != e.getValue();
                items.put(e.getKey(), l);
            }
            return changed ? new BatchGetResult(items, b.unprocessed(), b.consumedCapacity(), b.positions()) : b;
        }
        if (result instanceof TransactGetResult t) {
            List<Optional<Item>> items = new ArrayList<>(t.items().size());
            boolean changed = false;
            for (Optional<Item> i : t.items()) {
                Optional<Item> s = strip(i);
                changed |= s != i;
                items.add(s);
            }
            return changed ? new TransactGetResult(items, t.consumedCapacity()) : t;
        }
        return result;
    }

    /** A failure with the marker removed from the items it carries (the same exception if none has one). */
    static RuntimeException strip(RuntimeException e) {
        if (e instanceof ConditionFailedException c && c.getClass() == ConditionFailedException.class
                && c.currentItem().map(i -> i.has(ATTRIBUTE)).orElse(false)) {
            ConditionFailedException s = new ConditionFailedException(c.tableName(), c.key().orElse(null), c.condition().orElse(null),
                    strip(c.currentItem().get()), c.consumedCapacity().orElse(null));
            return copyTrace(c, s);
        }
        if (e instanceof TransactionCanceledException t && t.getClass() == TransactionCanceledException.class
                && t.reasons().stream().anyMatch(r -> r.item().map(i -> i.has(ATTRIBUTE)).orElse(false))) {
            List<CancellationReason> reasons = new ArrayList<>();
            for (CancellationReason r : t.reasons()) {
                reasons.add(new CancellationReason(r.code(), r.message().orElse(null), r.item().map(WriteMarkers::strip).orElse(null)));
            }
            return copyTrace(t, new TransactionCanceledException(reasons, t.consumedCapacity().orElse(null)));
        }
        return e;
    }

    private static RuntimeException copyTrace(RuntimeException from, RuntimeException to) {
        to.setStackTrace(from.getStackTrace());
        if (from.getCause() != null) to.initCause(from.getCause());
        for (Throwable s : from.getSuppressed()) to.addSuppressed(s);
        return to;
    }
}
