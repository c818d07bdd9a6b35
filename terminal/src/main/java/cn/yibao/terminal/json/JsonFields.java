package cn.yibao.terminal.json;

import cn.yibao.card.Money;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Typed, path-aware reading of a Jackson tree: every failure is an {@link InvalidInputException}
 * whose message names the field, e.g. {@code person.category: unknown value "X"}. Shared by the
 * request reader and the policy-pack reader.
 */
public final class JsonFields {

    private static final Pattern AMOUNT = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,30})?");

    private JsonFields() {
    }

    /** @return the child {@code name} of {@code parent}, failing if it is missing or null */
    public static JsonNode required(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw new InvalidInputException(join(path, name) + ": missing");
        }
        return node;
    }

    /** @return the child {@code name} of {@code parent}, or {@code null} if missing or null */
    public static JsonNode optional(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** Checks that {@code node} is an object with no field outside {@code allowed}. */
    public static JsonNode object(JsonNode node, String path, Set<String> allowed) {
        if (!node.isObject()) {
            throw new InvalidInputException(label(path) + ": an object is required");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new InvalidInputException(join(path, name) + ": unknown field");
            }
        }
        return node;
    }

    /** Checks that {@code node} is an array of at most {@code max} elements. */
    public static JsonNode array(JsonNode node, String path, int max) {
        if (!node.isArray()) {
            throw new InvalidInputException(label(path) + ": an array is required");
        }
        if (node.size() > max) {
            throw new InvalidInputException(label(path) + ": more than " + max + " elements");
        }
        return node;
    }

    /** @return the string value of {@code node} */
    public static String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw new InvalidInputException(label(path) + ": a string is required");
        }
        return node.textValue();
    }

    /** @return the boolean value of {@code node} */
    public static boolean bool(JsonNode node, String path) {
        if (!node.isBoolean()) {
            throw new InvalidInputException(label(path) + ": true or false is required");
        }
        return node.booleanValue();
    }

    /** @return the constant of {@code type} named by the string {@code node} (exact, upper case) */
    public static <E extends Enum<E>> E enumValue(JsonNode node, String path, Class<E> type) {
        return enumValue(node, path, Arrays.asList(type.getEnumConstants()));
    }

    /** @return the one of {@code allowed} named by the string {@code node} (exact, upper case) */
    public static <E extends Enum<E>> E enumValue(JsonNode node, String path, List<E> allowed) {
        String name = text(node, path);
        for (E constant : allowed) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new InvalidInputException(label(path) + ": unknown value \"" + shorten(name) + "\" (expected one of "
                + String.join(", ", allowed.stream().map(Enum::name).toList()) + ")");
    }

    /**
     * Reads a non-negative yuan amount written as a JSON string or number with at most two
     * decimals, at most {@code max}.
     */
    public static Money amount(JsonNode node, String path, Money max) {
        BigDecimal value;
        if (node.isTextual()) {
            String literal = node.textValue().trim();
            if (!AMOUNT.matcher(literal).matches()) {
                throw new InvalidInputException(label(path) + ": not an amount in yuan: \"" + shorten(literal) + "\"");
            }
            value = new BigDecimal(literal);
        } else if (node.isIntegralNumber() || node.isBigDecimal()) {
            value = node.decimalValue();
        } else if (node.isNumber()) {
            value = BigDecimal.valueOf(node.doubleValue());
        } else {
            throw new InvalidInputException(label(path) + ": an amount in yuan (string or number) is required");
        }
        if (value.signum() < 0) {
            throw new InvalidInputException(label(path) + ": must not be negative");
        }
        if (value.scale() > 2) {
            throw new InvalidInputException(label(path) + ": more than two decimals");
        }
        if (value.compareTo(max.toYuan()) > 0) {
            throw new InvalidInputException(label(path) + ": more than " + max.toYuanString() + " yuan");
        }
        return Money.ofYuan(value);
    }

    /** @return {@code path.name}, or {@code name} at the root */
    public static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String label(String path) {
        return path.isEmpty() ? "(document)" : path;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
