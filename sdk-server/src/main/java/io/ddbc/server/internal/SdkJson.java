package io.ddbc.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * DynamoDB's JSON protocol (awsJson1_0) both ways, for every operation at once: read from the SDK's own model
 * metadata ({@link SdkField}: each member's wire name and type), as the SDK's client marshallers are, so no
 * request or response shape is written by hand. Members are named as on the wire ({@code TableName},
 * {@code Item}, {@code S}...), timestamps are epoch seconds, binary values base64.
 */
public final class SdkJson {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SdkJson() {
    }

    /** Reads a JSON object into a new model object built by {@code builder} (an SDK builder, which is an SdkPojo). */
    public static Object read(JsonNode json, SdkPojo builder) {
        if (json != null && !json.isObject()) throw new ProtocolException("SerializationException", "Start of structure or map found where not expected");
        for (SdkField<?> f : builder.sdkFields()) {
            JsonNode v = json == null ? null : json.get(f.locationName());
            if (v == null || v.isNull()) continue;
            f.set(builder, value(f, v));
        }
        return ((SdkBuilder<?, ?>) builder).build();
    }

    private static Object value(SdkField<?> f, JsonNode v) {
        MarshallingType<?> t = f.marshallingType();
        try {
            if (t == MarshallingType.STRING) return text(v, f);
            if (t == MarshallingType.BOOLEAN) return v.asBoolean();
            if (t == MarshallingType.INTEGER) return v.intValue();
            if (t == MarshallingType.LONG) return v.longValue();
            if (t == MarshallingType.SHORT) return v.shortValue();
            if (t == MarshallingType.DOUBLE) return v.doubleValue();
            if (t == MarshallingType.FLOAT) return v.floatValue();
            if (t == MarshallingType.BIG_DECIMAL) return v.decimalValue();
            if (t == MarshallingType.INSTANT) return instant(v);
            if (t == MarshallingType.SDK_BYTES) return SdkBytes.fromByteArray(Base64.getDecoder().decode(text(v, f)));
            if (t == MarshallingType.SDK_POJO) return read(v, f.constructor().get());
            if (t == MarshallingType.LIST) {
                if (!v.isArray()) throw new ProtocolException("SerializationException", "Expected a list for " + f.locationName());
                SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
                List<Object> out = new ArrayList<>(v.size());
                for (JsonNode e : v) out.add(e.isNull() ? null : value(member, e));
                return out;
            }
            if (t == MarshallingType.MAP) {
                if (!v.isObject()) throw new ProtocolException("SerializationException", "Expected a map for " + f.locationName());
                SdkField<?> member = f.getTrait(MapTrait.class).valueFieldInfo();
                Map<String, Object> out = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.put(e.getKey(), e.getValue().isNull() ? null : value(member, e.getValue()));
                }
                return out;
            }
        } catch (IllegalArgumentException e) {
            throw new ProtocolException("SerializationException", "Cannot read " + f.locationName() + ": " + e.getMessage());
        }
        throw new ProtocolException("SerializationException", "Unsupported member type " + t + " of " + f.locationName());
    }

    private static String text(JsonNode v, SdkField<?> f) {
        if (!v.isTextual()) throw new ProtocolException("SerializationException", "Expected a string for " + f.locationName());
        return v.textValue();
    }

    private static Instant instant(JsonNode v) {
        BigDecimal seconds = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText());
        long whole = seconds.longValue();
        return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
    }

    /** Writes a model object (request, response or modeled exception) as a JSON object of its set members. */
    public static ObjectNode write(SdkPojo pojo) {
        ObjectNode out = NODES.objectNode();
        for (SdkField<?> f : pojo.sdkFields()) {
            Object v = f.getValueOrDefault(pojo);
            JsonNode n = node(f, v);
            if (n != null) out.set(f.locationName(), n);
        }
        return out;
    }

    private static JsonNode node(SdkField<?> f, Object v) {
        if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) return null;
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.STRING) return NODES.textNode(v.toString());
        if (t == MarshallingType.BOOLEAN) return NODES.booleanNode((Boolean) v);
        if (t == MarshallingType.INTEGER) return NODES.numberNode((Integer) v);
        if (t == MarshallingType.LONG) return NODES.numberNode((Long) v);
        if (t == MarshallingType.SHORT) return NODES.numberNode((Short) v);
        if (t == MarshallingType.DOUBLE) return NODES.numberNode((Double) v);
        if (t == MarshallingType.FLOAT) return NODES.numberNode((Float) v);
        if (t == MarshallingType.BIG_DECIMAL) return NODES.numberNode((BigDecimal) v);
        if (t == MarshallingType.INSTANT) {
            Instant i = (Instant) v;
            return NODES.numberNode(BigDecimal.valueOf(i.getEpochSecond()).add(BigDecimal.valueOf(i.getNano(), 9)).stripTrailingZeros());
        }
        if (t == MarshallingType.SDK_BYTES) return NODES.textNode(Base64.getEncoder().encodeToString(((SdkBytes) v).asByteArray()));
        if (t == MarshallingType.SDK_POJO) return write((SdkPojo) v);
        if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            ArrayNode a = NODES.arrayNode();
            for (Object e : (List<?>) v) a.add(e == null ? NODES.nullNode() : node(member, e));
            return a;
        }
        if (t == MarshallingType.MAP) {
            SdkField<?> member = f.getTrait(MapTrait.class).valueFieldInfo();
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) o.set(e.getKey().toString(), e.getValue() == null ? NODES.nullNode() : node(member, e.getValue()));
            return o;
        }
        throw new IllegalStateException("Unsupported member type " + t + " of " + f.locationName());
    }
}
