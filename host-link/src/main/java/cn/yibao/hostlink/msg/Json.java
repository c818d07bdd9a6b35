package cn.yibao.hostlink.msg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON configuration of the host link (its messages, the records kept for upload and the
 * answers the host keeps): bounded nesting, string and number sizes, duplicate keys and trailing
 * data rejected, no NaN. The canonical form of what is signed is written by {@link CanonicalJson}.
 * Decimals are {@link java.math.BigDecimal} end to end, as written: a message's {@code 30.00} is
 * read as 30.00 (never through a {@code double}, and its trailing zeros kept) and written back as
 * {@code 30.00}; money on the link is never a binary fraction.
 */
public final class Json {

    /** Deepest nesting accepted in a message. */
    public static final int MAX_DEPTH = 32;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(1 << 20)
                            .maxNumberLength(40)
                            .build())
                    .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private Json() {
    }

    /** @return a new empty object node */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Parses UTF-8 JSON; throws {@link MalformedMessageException} on anything that is not JSON. */
    public static JsonNode parse(byte[] utf8) {
        try {
            JsonNode n = MAPPER.readTree(utf8);
            if (n == null || n.isMissingNode()) {
                throw new MalformedMessageException("empty message");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException("not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedMessageException("not JSON", e);
        }
    }

    /** Parses a JSON string. */
    public static JsonNode parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** @return compact UTF-8 bytes of the node */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    /** @return a required text field, bounded in length */
    public static String text(JsonNode node, String field, int maxLen) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new MalformedMessageException("missing text field " + field);
        }
        String s = v.asText();
        if (s.length() > maxLen) {
            throw new MalformedMessageException("field " + field + " longer than " + maxLen);
        }
        return s;
    }

    /** @return an optional text field (empty string when absent), bounded in length */
    public static String optText(JsonNode node, String field, int maxLen) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return "";
        }
        return text(node, field, maxLen);
    }

    /** @return a required integral field */
    public static long integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new MalformedMessageException("missing integer field " + field);
        }
        return v.asLong();
    }

    /**
     * @return the yuan amount {@code field} of {@code node} (a number or a string with at most two
     *         decimals) as {@link cn.yibao.card.Money}
     */
    public static cn.yibao.card.Money yuan(JsonNode node, String field) {
        JsonNode v = node.get(field);
        try {
            if (v != null && v.isNumber()) {
                return cn.yibao.card.Money.ofYuan(v.decimalValue());
            }
            if (v != null && v.isTextual()) {
                return cn.yibao.card.Money.parseYuan(v.asText());
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MalformedMessageException("bad amount " + field, e);
        }
        throw new MalformedMessageException("missing amount " + field);
    }
}
