package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Session tokens against a reference model: a plain map of the highest version seen per item and the
 * highest position seen per partition, with no bound and no folding. Whatever sequence of recordings,
 * merges, serializations and signatures two sessions go through, a token must never claim less than the
 * model knows (folding and capping may only over-claim, which upgrades a read, never weakens it), must
 * stay within its size bound, and must survive serialization and signing unchanged.
 *
 * <p>The pools are small (40 keys over two tables, 40 partitions) so that sequences of a few dozen steps
 * overflow the 16 exact entries, fold, collide in buckets and revisit folded keys.
 */
class SessionTokenModelTest {

    private static final byte[] SECRET = "model-secret".getBytes(StandardCharsets.UTF_8);
    private static final String[] TABLES = {"accounts", "orders"};

    /** One step of one of two sessions (side 0 or 1). */
    record Step(int side, int kind, int index, long value) {
        @Override
        public String toString() {
            String what = switch (kind) {
                case 0 -> "version " + TABLES[index % 2] + "/k" + index + "=" + value;
                case 1 -> "position p" + index + "=" + value;
                case 2 -> "merge other into this";
                case 3 -> "round trip through serialize/parse";
                default -> "sign";
            };
            return "side" + side + ": " + what;
        }
    }

    /** What a session has seen, without any bound. */
    static final class Model {
        final Map<Integer, Long> versions = new HashMap<>();
        final Map<Integer, Long> positions = new HashMap<>();

        void mergeFrom(Model other) {
            other.versions.forEach((k, v) -> versions.merge(k, v, Math::max));
            other.positions.forEach((k, v) -> positions.merge(k, v, Math::max));
        }
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 9),   // kinds 0-4 weighted below: mostly recordings
                Arbitraries.integers().between(0, 39),
                // small versions collide often; the large ones exercise long varints
                Arbitraries.oneOf(Arbitraries.longs().between(0, 50), Arbitraries.longs().between(0, Long.MAX_VALUE - 2)))
                .as((side, k, index, value) -> new Step(side, k <= 3 ? 0 : k <= 6 ? 1 : k - 5, index, value));
        return step.list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 120)
    void mergedAndCappedTokensNeverClaimLessThanTheModel(@ForAll("steps") List<Step> steps) {
        SessionToken[] tokens = {SessionToken.empty("embedded", null), SessionToken.empty("embedded", null)};
        Model[] models = {new Model(), new Model()};
        for (Step s : steps) {
            int me = s.side();
            int other = 1 - me;
            switch (s.kind()) {
                case 0 -> {
                    String table = TABLES[s.index() % 2];
                    Key key = Key.of("id", "k" + s.index());
                    // As the client records versions (SessionState.observeVersion): only one the token does not
                    // already cover. SessionToken.withVersion itself, given an older version of a key folded into
                    // a bucket, makes an exact entry below the bucket (RELIABILITY.md, findings).
                    if (tokens[me].knownVersion(table, key) < s.value()) tokens[me] = tokens[me].withVersion(table, key, s.value());
                    models[me].versions.merge(s.index(), s.value(), Math::max);
                }
                case 1 -> {
                    String partition = "p" + s.index();
                    tokens[me] = tokens[me].withPositions(Positions.of(partition, s.value()));
                    models[me].positions.merge(s.index(), s.value(), Math::max);
                }
                case 2 -> {
                    tokens[me] = tokens[me].merge(tokens[other]);
                    models[me].mergeFrom(models[other]);
                }
                case 3 -> {
                    SessionToken back = SessionToken.parse(tokens[me].serialize());
                    assertEquals(tokens[me], back, "serialize/parse keeps everything");
                    tokens[me] = back;
                }
                default -> {
                    SessionToken signed = tokens[me].sign(SECRET);
                    SessionToken.parse(signed.serialize()).verify(SECRET);
                    tokens[me] = signed;
                }
            }
            for (int side = 0; side < 2; side++) {
                assertNeverLess(models[side], tokens[side], "side" + side + " after " + s);
            }
        }
    }

    @Property(tries = 60)
    void mergeIsCommutativeInWhatItClaimsForEverySeenItem(@ForAll("steps") List<Step> steps) {
        // Both orders of a merge must meet both models; the merge of a token with itself changes nothing.
        SessionToken[] tokens = {SessionToken.empty("embedded", null), SessionToken.empty("embedded", null)};
        Model[] models = {new Model(), new Model()};
        for (Step s : steps) {
            if (s.kind() == 0) {
                Key key = Key.of("id", "k" + s.index());
                String table = TABLES[s.index() % 2];
                if (tokens[s.side()].knownVersion(table, key) < s.value()) tokens[s.side()] = tokens[s.side()].withVersion(table, key, s.value());
                models[s.side()].versions.merge(s.index(), s.value(), Math::max);
            } else if (s.kind() == 1) {
                tokens[s.side()] = tokens[s.side()].withPositions(Positions.of("p" + s.index(), s.value()));
                models[s.side()].positions.merge(s.index(), s.value(), Math::max);
            }
        }
        Model both = new Model();
        both.mergeFrom(models[0]);
        both.mergeFrom(models[1]);
        assertNeverLess(both, tokens[0].merge(tokens[1]), "a.merge(b)");
        assertNeverLess(both, tokens[1].merge(tokens[0]), "b.merge(a)");
        assertEquals(tokens[0], tokens[0].merge(tokens[0]), "merging a token with itself changes nothing");
    }

    private static void assertNeverLess(Model model, SessionToken token, String when) {
        model.versions.forEach((index, version) -> {
            long known = token.knownVersion(TABLES[index % 2], Key.of("id", "k" + index));
            assertTrue(known >= version, when + ": key k" + index + " seen at " + version + " but the token claims " + known);
        });
        model.positions.forEach((index, position) -> {
            long required = token.positions().required("p" + index);
            assertTrue(required >= position, when + ": partition p" + index + " seen at " + position + " but the token requires " + required);
        });
        assertTrue(token.serialize().length() <= SessionToken.MAX_SERIALIZED_LENGTH, when + ": token over its bound");
        assertTrue(token.sign(SECRET).serialize().length() <= SessionToken.MAX_SERIALIZED_LENGTH, when + ": signed token over its bound");
    }
}
