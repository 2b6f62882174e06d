package io.ddbc.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One DynamoDB attribute value: any of the ten DynamoDB types, immutable.
 *
 * <p>Numbers keep the text they were given (up to 38 significant digits, exactly) and compare by
 * value, as DynamoDB does: {@code AttributeValue.n("1.0").equals(AttributeValue.n("1"))} is true.
 * Sets reject empty input and duplicate elements (including numerically equal numbers), as DynamoDB
 * does. Invalid input raises {@link ValidationException} naming the rule that was broken.
 *
 * <pre>{@code
 * AttributeValue name = AttributeValue.s("alice");
 * AttributeValue balance = AttributeValue.n(500);
 * AttributeValue tags = AttributeValue.ss(List.of("vip", "eu"));
 * AttributeValue address = AttributeValue.m(Map.of("city", AttributeValue.s("Paris")));
 * AttributeValue converted = AttributeValue.from(List.of(1, "two", true));   // L of N, S, BOOL
 * }</pre>
 */
public final class AttributeValue {

    /** The ten DynamoDB data types, named by their DynamoDB descriptors. */
    public enum Type {
        /** String. */ S,
        /** Number. */ N,
        /** Binary. */ B,
        /** Boolean. */ BOOL,
        /** Null. */ NULL,
        /** List of values of any types. */ L,
        /** Map from attribute name to value. */ M,
        /** String set. */ SS,
        /** Number set. */ NS,
        /** Binary set. */ BS;

        /** Whether values of this type may be used as key attributes (S, N, B). */
        public boolean isScalarKeyType() {
            return this == S || this == N || this == B;
        }

        /** Whether this is one of the three set types. */
        public boolean isSet() {
            return this == SS || this == NS || this == BS;
        }
    }

    /** Most significant digits a DynamoDB number may carry. */
    public static final int MAX_NUMBER_DIGITS = 38;
    /**
     * Deepest nesting of lists and maps DynamoDB accepts ("DynamoDB supports nested attributes up to 32 levels
     * deep"). No value nested deeper can be built: see {@link #l(List)}.
     */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");

    private static final AttributeValue NULL = new AttributeValue(Type.NULL, Boolean.TRUE, null);
    private static final AttributeValue TRUE = new AttributeValue(Type.BOOL, Boolean.TRUE, null);
    private static final AttributeValue FALSE = new AttributeValue(Type.BOOL, Boolean.FALSE, null);

    private final Type type;
    /**
     * String for S, text for N, byte[] for B, Boolean for BOOL/NULL, unmodifiable List for L and the
     * three sets (elements are S/N/B values), unmodifiable Map for M.
     */
    private final Object value;
    /** The parsed number for N; null otherwise. */
    private final BigDecimal number;
    /** {@link #nestingDepth()}, computed once at construction from the children's: never a recursive walk. */
    private final int depth;
    private int hash;

    private AttributeValue(Type type, Object value, BigDecimal number) {
        this(type, value, number, 0);
    }

    private AttributeValue(Type type, Object value, BigDecimal number, int depth) {
        this.type = type;
        this.value = value;
        this.number = number;
        this.depth = depth;
    }

    /**
     * The depth of a list or map of these children. Refused past {@link #MAX_NESTING_DEPTH} when built, so that
     * every recursive walk over values (equals, hashCode, sizes, rendering, conversion to the SDK, expression
     * evaluation) is bounded by 32 levels: a value nested 10,000 deep is a ValidationException here, never a
     * StackOverflowError somewhere later.
     */
    private static int depthOf(Collection<AttributeValue> children) {
        int max = 0;
        for (AttributeValue c : children) max = Math.max(max, c.depth);
        if (max + 1 > MAX_NESTING_DEPTH) throw tooDeep();
        return max + 1;
    }

    private static ValidationException tooDeep() {
        return new ValidationException("Nesting Levels have exceeded supported limits: a list or map value is nested more than "
                + MAX_NESTING_DEPTH + " levels deep");
    }

    // ----------------------------------------------------------------------------------- factories

    /** A string value. Empty strings are allowed outside keys. */
    public static AttributeValue s(String value) {
        return new AttributeValue(Type.S, requireArg(value, "S value"), null);
    }

    /**
     * A number value from its text, e.g. {@code "12.50"}; the text is kept as given.
     *
     * @throws ValidationException if the text is not a number, has more than 38 significant digits
     *     or lies outside DynamoDB's range (magnitude 1E-130 to 9.99..E+125)
     */
    public static AttributeValue n(String text) {
        requireArg(text, "N value");
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ValidationException("The parameter cannot be converted to a numeric value: '" + abbreviate(text) + "'");
        }
        checkNumber(parsed, text);
        return new AttributeValue(Type.N, text, parsed);
    }

    /** A number value. */
    public static AttributeValue n(long value) {
        return new AttributeValue(Type.N, Long.toString(value), BigDecimal.valueOf(value));
    }

    /** A number value; subject to the same precision and range rules as {@link #n(String)}. */
    public static AttributeValue n(BigDecimal value) {
        requireArg(value, "N value");
        checkNumber(value, value.toPlainString());
        return new AttributeValue(Type.N, value.toString(), value);
    }

    /** A binary value; the array is copied. */
    public static AttributeValue b(byte[] value) {
        return new AttributeValue(Type.B, requireArg(value, "B value").clone(), null);
    }

    /** A boolean value. */
    public static AttributeValue bool(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** The NULL value. */
    public static AttributeValue nul() {
        return NULL;
    }

    /**
     * A list value; elements may be of any type, including null elements as {@link #nul()}.
     *
     * @throws ValidationException if the list would nest lists and maps more than {@link #MAX_NESTING_DEPTH} levels
     */
    public static AttributeValue l(List<AttributeValue> values) {
        requireArg(values, "L value");
        List<AttributeValue> copy = new ArrayList<>(values.size());
        for (AttributeValue v : values) {
            copy.add(v == null ? NULL : v);
        }
        return new AttributeValue(Type.L, Collections.unmodifiableList(copy), null, depthOf(copy));
    }

    /** A list value from the given elements. */
    public static AttributeValue l(AttributeValue... values) {
        return l(Arrays.asList(values));
    }

    /**
     * A map value; iteration order is kept.
     *
     * @throws ValidationException if the map would nest lists and maps more than {@link #MAX_NESTING_DEPTH} levels
     */
    public static AttributeValue m(Map<String, AttributeValue> values) {
        requireArg(values, "M value");
        Map<String, AttributeValue> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(requireArg(k, "M key"), v == null ? NULL : v));
        return new AttributeValue(Type.M, Collections.unmodifiableMap(copy), null, depthOf(copy.values()));
    }

    /** A string set. @throws ValidationException if empty or holding duplicates. */
    public static AttributeValue ss(Collection<String> values) {
        requireArg(values, "SS value");
        List<AttributeValue> elements = new ArrayList<>(values.size());
        for (String v : values) {
            elements.add(s(requireArg(v, "SS element")));
        }
        return set(Type.SS, elements);
    }

    /** A number set from texts or {@link Number}s. @throws ValidationException if empty, duplicated or invalid. */
    public static AttributeValue ns(Collection<?> values) {
        requireArg(values, "NS value");
        List<AttributeValue> elements = new ArrayList<>(values.size());
        for (Object v : values) {
            requireArg(v, "NS element");
            if (!(v instanceof String) && !(v instanceof Number)) {
                // A ClassCastException here would escape the DdbcException hierarchy.
                throw new ValidationException("An NS set holds only numbers; found " + typeName(v));
            }
            elements.add(v instanceof String ? n((String) v) : numberOf((Number) v));
        }
        return set(Type.NS, elements);
    }

    /** A binary set; arrays are copied. @throws ValidationException if empty or holding duplicates. */
    public static AttributeValue bs(Collection<byte[]> values) {
        requireArg(values, "BS value");
        List<AttributeValue> elements = new ArrayList<>(values.size());
        for (byte[] v : values) {
            elements.add(b(requireArg(v, "BS element")));
        }
        return set(Type.BS, elements);
    }

    /**
     * Converts a plain Java value: {@code String} → S, {@link Number} → N, {@code Boolean} → BOOL,
     * {@code null} → NULL, {@code byte[]} → B, {@code List} → L, {@code Map<String, ?>} → M,
     * a non-empty {@code Set} of strings, numbers or byte arrays → SS, NS or BS; an
     * {@code AttributeValue} is returned as is.
     *
     * @throws ValidationException for any other type, an empty set, or a non-finite double
     */
    public static AttributeValue from(Object value) {
        return from(value, 0);
    }

    /** {@link #from(Object)} at nesting {@code depth}: checked before descending, as the Java input may be arbitrarily deep. */
    private static AttributeValue from(Object value, int depth) {
        if (value == null) return NULL;
        if (value instanceof AttributeValue) return (AttributeValue) value;
        if (value instanceof String) return s((String) value);
        if (value instanceof Number) return numberOf((Number) value);
        if (value instanceof Boolean) return bool((Boolean) value);
        if (value instanceof byte[]) return b((byte[]) value);
        if (value instanceof ByteBuffer) {
            ByteBuffer buffer = ((ByteBuffer) value).duplicate();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return new AttributeValue(Type.B, bytes, null);
        }
        if (value instanceof Set) return setFrom((Set<?>) value);
        if ((value instanceof List || value instanceof Map) && depth >= MAX_NESTING_DEPTH) throw tooDeep();
        if (value instanceof List) {
            List<AttributeValue> converted = new ArrayList<>();
            for (Object element : (List<?>) value) converted.add(from(element, depth + 1));
            return l(converted);
        }
        if (value instanceof Map) {
            Map<String, AttributeValue> converted = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (!(e.getKey() instanceof String)) {
                    throw new ValidationException("Map keys must be strings, got " + typeName(e.getKey()));
                }
                converted.put((String) e.getKey(), from(e.getValue(), depth + 1));
            }
            return m(converted);
        }
        throw new ValidationException("Cannot convert a " + value.getClass().getName() + " to a DynamoDB attribute value");
    }

    private static AttributeValue numberOf(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return n(n.longValue());
        }
        if (n instanceof BigDecimal) return n((BigDecimal) n);
        if (n instanceof BigInteger) return n(new BigDecimal((BigInteger) n));
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ValidationException("The parameter cannot be converted to a numeric value: " + d);
        }
        return n(BigDecimal.valueOf(d));
    }

    private static AttributeValue setFrom(Set<?> set) {
        if (set.isEmpty()) {
            throw new ValidationException("An empty set is not a valid attribute value (and its element type is unknown)");
        }
        Object first = set.iterator().next();
        List<Object> elements = new ArrayList<>(set);
        if (first instanceof String) {
            return ss(castAll(elements, String.class, "SS"));
        }
        if (first instanceof Number) {
            return ns(elements);
        }
        if (first instanceof byte[]) {
            return bs(castAll(elements, byte[].class, "BS"));
        }
        throw new ValidationException("Cannot convert a set of " + typeName(first) + " to a DynamoDB set");
    }

    private static <T> List<T> castAll(List<Object> elements, Class<T> type, String setType) {
        List<T> out = new ArrayList<>(elements.size());
        for (Object o : elements) {
            if (!type.isInstance(o)) {
                throw new ValidationException("A " + setType + " set holds only one element type; found " + typeName(o));
            }
            out.add(type.cast(o));
        }
        return out;
    }

    private static AttributeValue set(Type type, List<AttributeValue> elements) {
        if (elements.isEmpty()) {
            // DynamoDB's own wording, its double space included.
            String kind = type == Type.SS ? "string" : type == Type.NS ? "number" : "binary";
            throw new ValidationException("One or more parameter values were invalid: An " + kind + " set  may not be empty");
        }
        Set<Object> seen = new HashSet<>();
        Set<String> written = new HashSet<>();
        boolean sameText = false;
        for (AttributeValue e : elements) {
            String text = e.type() == Type.S ? e.s() : e.type() == Type.N ? e.numberText() : java.util.Arrays.toString(e.b());
            sameText |= !written.add(text);
        }
        for (AttributeValue e : elements) {
            if (!seen.add(e.scalarKey())) {
                // DynamoDB's two wordings: elements written alike are listed; numbers equal only in value are not.
                if (sameText && type != Type.BS) {
                    List<String> texts = new ArrayList<>();
                    for (AttributeValue x : elements) texts.add(x.type() == Type.S ? x.s() : x.numberText());
                    throw new ValidationException("One or more parameter values were invalid: Input collection " + texts + " contains duplicates");
                }
                throw new ValidationException("Input collection contains duplicates: " + type + " element " + e);
            }
        }
        return new AttributeValue(type, Collections.unmodifiableList(elements), null);
    }

    private static void checkNumber(BigDecimal parsed, String text) {
        if (parsed.signum() == 0) return;
        BigDecimal stripped = parsed.stripTrailingZeros();
        if (stripped.precision() > MAX_NUMBER_DIGITS) {
            throw new ValidationException("Attempting to store more than 38 significant digits in a Number: " + abbreviate(text));
        }
        BigDecimal magnitude = stripped.abs();
        if (magnitude.compareTo(MAX_MAGNITUDE) > 0) {
            throw new ValidationException("Number overflow. Attempting to store a number with magnitude larger than supported range: "
                    + abbreviate(text));
        }
        if (magnitude.compareTo(MIN_MAGNITUDE) < 0) {
            throw new ValidationException("Number underflow. Attempting to store a number with magnitude smaller than supported range: "
                    + abbreviate(text));
        }
    }

    // ----------------------------------------------------------------------------------- accessors

    /** This value's DynamoDB type. */
    public Type type() {
        return type;
    }

    /** The string of an S value. @throws ValidationException if this is not S. */
    public String s() {
        return (String) expect(Type.S);
    }

    /** The number of an N value. @throws ValidationException if this is not N. */
    public BigDecimal n() {
        expect(Type.N);
        return number;
    }

    /** The text of an N value exactly as it was given. @throws ValidationException if this is not N. */
    public String numberText() {
        return (String) expect(Type.N);
    }

    /** A copy of the bytes of a B value. @throws ValidationException if this is not B. */
    public byte[] b() {
        return ((byte[]) expect(Type.B)).clone();
    }

    /** The boolean of a BOOL value. @throws ValidationException if this is not BOOL. */
    public boolean bool() {
        return (Boolean) expect(Type.BOOL);
    }

    /** Whether this is the NULL value. */
    public boolean isNull() {
        return type == Type.NULL;
    }

    /** The elements of an L value (unmodifiable). @throws ValidationException if this is not L. */
    @SuppressWarnings("unchecked")
    public List<AttributeValue> l() {
        return (List<AttributeValue>) expect(Type.L);
    }

    /** The entries of an M value (unmodifiable, insertion-ordered). @throws ValidationException if this is not M. */
    @SuppressWarnings("unchecked")
    public Map<String, AttributeValue> m() {
        return (Map<String, AttributeValue>) expect(Type.M);
    }

    /** The strings of an SS value, in insertion order. @throws ValidationException if this is not SS. */
    public Set<String> ss() {
        Set<String> out = new LinkedHashSet<>();
        for (AttributeValue e : setElements(Type.SS)) out.add((String) e.value);
        return Collections.unmodifiableSet(out);
    }

    /** The numbers of an NS value, in insertion order. @throws ValidationException if this is not NS. */
    public Set<BigDecimal> ns() {
        Set<BigDecimal> out = new LinkedHashSet<>();
        for (AttributeValue e : setElements(Type.NS)) out.add(e.number);
        return Collections.unmodifiableSet(out);
    }

    /** Copies of the byte arrays of a BS value. @throws ValidationException if this is not BS. */
    public List<byte[]> bs() {
        List<byte[]> out = new ArrayList<>();
        for (AttributeValue e : setElements(Type.BS)) out.add(e.b());
        return Collections.unmodifiableList(out);
    }

    /**
     * The elements of a set (SS, NS or BS) as S, N or B values (unmodifiable).
     *
     * @throws ValidationException if this is not a set
     */
    @SuppressWarnings("unchecked")
    public List<AttributeValue> setElements() {
        if (!type.isSet()) throw wrongType("a set type");
        return (List<AttributeValue>) value;
    }

    @SuppressWarnings("unchecked")
    private List<AttributeValue> setElements(Type expected) {
        return (List<AttributeValue>) expect(expected);
    }

    /**
     * Size in bytes by DynamoDB's rules, as used for the 400 KB item limit and capacity arithmetic.
     * See {@link #numberSize(BigDecimal)} for numbers; L and M cost 3 bytes plus 1 per element plus the
     * elements (map keys count their UTF-8 length); sets cost the sum of their elements.
     */
    public int sizeInBytes() {
        switch (type) {
            case S: return utf8Length((String) value);
            case N: return numberSize(number);
            case B: return ((byte[]) value).length;
            case BOOL:
            case NULL: return 1;
            case L: {
                int size = 3;
                for (AttributeValue e : l()) size += 1 + e.sizeInBytes();
                return size;
            }
            case M: {
                int size = 3;
                for (Map.Entry<String, AttributeValue> e : m().entrySet()) {
                    size += 1 + utf8Length(e.getKey()) + e.getValue().sizeInBytes();
                }
                return size;
            }
            default: {
                int size = 0;
                for (AttributeValue e : setElements()) size += e.sizeInBytes();
                return size;
            }
        }
    }

    /**
     * DynamoDB's storage size of a number. DynamoDB stores numbers as base-100 digit pairs aligned on
     * the decimal point plus one exponent byte (one more for negatives); leading and trailing zero
     * pairs are dropped. This reproduces the documented "1 byte per two significant digits + 1" and
     * the byte-exact third-party measurements; for the cases the documentation leaves open (120,
     * 12000, 0.012) the digit-pair model is the one choice, kept here only.
     */
    public static int numberSize(BigDecimal n) {
        if (n.signum() == 0) return 1;
        BigDecimal s = n.stripTrailingZeros().abs();
        String digits = s.unscaledValue().toString();
        int scale = s.scale();                       // digits after the point; may be negative
        int intDigits = digits.length() - scale;     // digits before the point (≤ 0 for pure fractions)
        // Position of the first and last significant digit relative to the point, in pair units.
        int firstPair = Math.floorDiv(intDigits - 1, 2);         // pair index of the leading digit
        int lastPair = Math.floorDiv(intDigits - digits.length(), 2); // pair index of the trailing digit
        int pairs = firstPair - lastPair + 1;
        return 1 + pairs + (n.signum() < 0 ? 1 : 0);
    }

    /** UTF-8 byte length of a string, computed without allocating. */
    public static int utf8Length(String s) {
        int len = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                len += 1;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                len += 4;
                i++;
            } else {
                len += 3;
            }
        }
        return len;
    }

    /** Deepest nesting of L and M inside this value; a scalar is depth 0, a flat list 1. At most {@link #MAX_NESTING_DEPTH}. */
    public int nestingDepth() {
        return depth;
    }

    /**
     * Orders two key values as DynamoDB sorts keys: N numerically, S by UTF-8 bytes (equivalently by
     * code points), B by unsigned bytes.
     *
     * @throws ValidationException if the values are not of one scalar key type
     */
    public static int compareKeyValues(AttributeValue a, AttributeValue b) {
        if (a.type != b.type || !a.type.isScalarKeyType()) {
            throw new ValidationException("Cannot order values of types " + a.type + " and " + b.type);
        }
        switch (a.type) {
            case N: return a.number.compareTo(b.number);
            case S: return compareCodePoints((String) a.value, (String) b.value);
            default: return compareUnsigned((byte[]) a.value, (byte[]) b.value);
        }
    }

    /**
     * Compares strings in Unicode code point order, which is UTF-8 byte order. Works on UTF-16 chars
     * directly (this runs on every key comparison of the engine's sorted stores): the two orders differ only
     * when a surrogate meets a char at or above U+E000, which the fix-up below corrects (the method of ICU's
     * {@code u_strCompareCodePointOrder}).
     */
    public static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                if (ca >= 0xD800 && cb >= 0xD800) {
                    ca = codePointOrderFixup(ca);
                    cb = codePointOrderFixup(cb);
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }

    /** Moves surrogates above U+E000..U+FFFF, so char order matches code point order. */
    private static char codePointOrderFixup(char c) {
        return (char) (c >= 0xE000 ? c - 0x800 : c + 0x2000);
    }

    /** Compares byte arrays as unsigned bytes, shorter prefix first. */
    public static int compareUnsigned(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    // ------------------------------------------------------------------------------ value semantics

    /** Identity of a scalar for equality and hashing: numbers by value, bytes by content. */
    private Object scalarKey() {
        switch (type) {
            case N: return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
            case B: return ByteBuffer.wrap((byte[]) value);
            default: return value;
        }
    }

    /** Equal by DynamoDB's rules: same type, numbers by value, sets regardless of order. */
    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof AttributeValue)) return false;
        AttributeValue other = (AttributeValue) o;
        if (type != other.type) return false;
        switch (type) {
            case N: return number.compareTo(other.number) == 0;
            case B: return Arrays.equals((byte[]) value, (byte[]) other.value);
            case SS:
            case NS:
            case BS: return elementKeys().equals(other.elementKeys());
            default: return value.equals(other.value);
        }
    }

    private Set<Object> elementKeys() {
        Set<Object> keys = new HashSet<>();
        for (AttributeValue e : setElements()) keys.add(e.scalarKey());
        return keys;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            switch (type) {
                case N:
                case B: h = scalarKey().hashCode(); break;
                case SS:
                case NS:
                case BS: h = elementKeys().hashCode(); break;
                default: h = value.hashCode();
            }
            h = 31 * h + type.hashCode();
            hash = h;
        }
        return h;
    }

    /** A compact, JSON-like rendering in DynamoDB's wire notation, e.g. {@code {"N":"5"}}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        appendTo(sb);
        return sb.toString();
    }

    void appendTo(StringBuilder sb) {
        sb.append("{\"").append(type).append("\":");
        switch (type) {
            case S: quote(sb, (String) value); break;
            case N: quote(sb, (String) value); break;
            case B: quote(sb, Base64.getEncoder().encodeToString((byte[]) value)); break;
            case BOOL:
            case NULL: sb.append(value); break;
            case L: {
                sb.append('[');
                List<AttributeValue> list = l();
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) sb.append(',');
                    list.get(i).appendTo(sb);
                }
                sb.append(']');
                break;
            }
            case M: {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, AttributeValue> e : m().entrySet()) {
                    if (!first) sb.append(',');
                    first = false;
                    quote(sb, e.getKey());
                    sb.append(':');
                    e.getValue().appendTo(sb);
                }
                sb.append('}');
                break;
            }
            default: {
                sb.append('[');
                List<AttributeValue> elements = setElements();
                for (int i = 0; i < elements.size(); i++) {
                    if (i > 0) sb.append(',');
                    AttributeValue e = elements.get(i);
                    quote(sb, e.type == Type.B ? Base64.getEncoder().encodeToString((byte[]) e.value) : (String) e.value);
                }
                sb.append(']');
            }
        }
        sb.append('}');
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('"');
    }

    // ------------------------------------------------------------------------------------- helpers

    private Object expect(Type expected) {
        if (type != expected) throw wrongType(expected.name());
        return value;
    }

    private ValidationException wrongType(String expected) {
        return new ValidationException("Attribute value is of type " + type + ", not " + expected + ": " + abbreviate(toString()));
    }

    private static <T> T requireArg(T value, String what) {
        if (value == null) throw new ValidationException(what + " must not be null");
        return value;
    }

    private static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }

    static String abbreviate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 61) + "...";
    }
}
