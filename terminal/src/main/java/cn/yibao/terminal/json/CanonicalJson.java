package cn.yibao.terminal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Deterministic JSON: the byte form that is hashed and signed (requests and results on the host
 * link, policy packs). Object keys sorted by UTF-16 code units, no whitespace, strings escaped
 * with the minimal JSON escapes (other characters written as UTF-8), numbers in plain decimal
 * notation exactly as held (so {@code 7500.00} stays {@code 7500.00}), booleans and null as
 * literals. Also the one place where JSON text is parsed, with the same settings everywhere.
 */
public final class CanonicalJson {

    /** Largest |scale| of a number accepted, so that plain notation stays short. */
    private static final int MAX_SCALE = 40;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private CanonicalJson() {
    }

    /** @return the shared mapper (decimals as {@link BigDecimal}, duplicate keys and trailing data rejected) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses JSON text of at most {@code maxBytes} bytes.
     *
     * @param what name of the document for messages, e.g. {@code request}
     * @throws InvalidInputException if it is too large or not JSON
     */
    public static JsonNode parse(byte[] json, int maxBytes, String what) {
        if (json.length > maxBytes) {
            throw new InvalidInputException(what + ": larger than " + maxBytes + " bytes");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidInputException(what + ": empty document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw malformed(what, e);
        } catch (NumberFormatException e) {
            throw badNumber(what, e);
        } catch (java.io.IOException e) {
            throw new InvalidInputException(what + ": unreadable: " + e.getMessage(), e);
        }
    }

    /** @return an {@link InvalidInputException} for a number the parser cannot represent (e.g. {@code 1e999999999999}) */
    public static InvalidInputException badNumber(String what, NumberFormatException e) {
        return new InvalidInputException(what + ": malformed JSON: a number out of range", e);
    }

    /** @return an {@link InvalidInputException} locating a JSON syntax error in {@code what} */
    public static InvalidInputException malformed(String what, JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        return new InvalidInputException(what + ": malformed JSON" + where + ": " + detail, e);
    }

    /** @return the canonical UTF-8 bytes of {@code node} */
    public static byte[] bytes(JsonNode node) {
        return text(node).getBytes(StandardCharsets.UTF_8);
    }

    /** @return the canonical text of {@code node} */
    public static String text(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                    names.add(it.next());
                }
                names.sort(null);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new InvalidInputException("canonical JSON: unsupported node " + node.getNodeType());
        }
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        BigDecimal value = node.isBigDecimal() ? node.decimalValue() : BigDecimal.valueOf(node.doubleValue());
        if (Math.abs(value.scale()) > MAX_SCALE) {
            throw new InvalidInputException("canonical JSON: number out of range: " + value);
        }
        return value.toPlainString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
