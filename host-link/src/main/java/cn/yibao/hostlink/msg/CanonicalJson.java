package cn.yibao.hostlink.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Deterministic JSON: the one canonical writer, for every byte form that is hashed or signed
 * (record results and items, settlement requests and results, policy packs) and for text kept to
 * be compared or replayed. Object keys sorted by UTF-16 code units, no whitespace, strings escaped
 * with the minimal JSON escapes (other control characters as a six-character escape in lower-case hex;
 * everything else written as is, UTF-8 in bytes), numbers in plain decimal notation exactly as held
 * (so {@code 7500.00} stays {@code 7500.00}, {@code 1e3} is {@code 1000}), booleans and null as
 * literals. It only writes: JSON is read with the configuration of its boundary ({@link Json} on
 * the link).
 */
public final class CanonicalJson {

    /** Largest |scale| of a number accepted, so that plain notation stays short. */
    private static final int MAX_SCALE = 40;

    private CanonicalJson() {
    }

    /**
     * @return the canonical UTF-8 bytes of {@code node}
     * @throws IllegalArgumentException for a number whose plain form would be huge (scale beyond
     *     40 either way) or a node that is not JSON (binary, POJO)
     */
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
            default -> throw new IllegalArgumentException("canonical JSON: unsupported node " + node.getNodeType());
        }
    }

    private static String number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        BigDecimal value = node.isBigDecimal() ? node.decimalValue() : BigDecimal.valueOf(node.doubleValue());
        if (Math.abs(value.scale()) > MAX_SCALE) {
            throw new IllegalArgumentException("canonical JSON: number out of range: " + value);
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
