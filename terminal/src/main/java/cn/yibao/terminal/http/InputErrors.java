package cn.yibao.terminal.http;

import cn.yibao.card.Money;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a request in the integrator's terms: the field's path in the input and
 * the rule it breaks ({@code drugdetail[0].cnt: must be a number}), never a Java type, a parser
 * setting or a source location.
 */
final class InputErrors {

    /** What the parser's own messages may carry and an integrator must not see. */
    private static final Pattern INTERNALS = Pattern.compile(
            "java\\.|javax\\.|cn\\.yibao|com\\.fasterxml|StreamRead|StreamWrite|JsonToken|`|\\[Source:|Feature|parser"
                    + "|\\b(?:int|long|short|byte|double|float|Integer|Long|Short|BigInteger|BigDecimal|Double|Float"
                    + "|class|Class|enum|record)\\b|\\bALLOW_|\\bFAIL_ON|\\bUSE_|\\bWRITE_");
    /** A number too large for its field, as the parser says it: said instead in the API's terms. */
    private static final Pattern OUT_OF_RANGE = Pattern.compile("(?s).*\\bout of range of\\b.*");
    /** A comment in the body, as the parser says it. */
    private static final Pattern COMMENT = Pattern.compile("(?s).*\\bcomment\\b.*");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\((?:start marker )?at \\[Source:.*?\\]\\)|\\s*at \\[Source:.*$");

    private InputErrors() {
    }

    /** @return where in the input and what is wrong, e.g. {@code drugdetail[0].cnt: must be a number} */
    static String describe(String prefix, JsonProcessingException e) {
        String where = path(prefix, e);
        String what = rule(e);
        return where.isEmpty() ? what : where + ": " + what;
    }

    /** @return why a body is not JSON, in JSON's terms */
    static String notJson(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return tooLong();
        }
        return clean(e.getOriginalMessage(), "the body is not a well-formed JSON document");
    }

    /** @return {@code text}, unless it names internals: then {@code fallback} */
    static String clean(String text, String fallback) {
        if (text == null) {
            return fallback;
        }
        if (OUT_OF_RANGE.matcher(text).matches()) {
            return "the number is out of range for this field";
        }
        if (COMMENT.matcher(text).matches()) {
            return "JSON has no comments: the body must be plain JSON";
        }
        String stripped = SOURCE.matcher(text).replaceAll("");
        return INTERNALS.matcher(stripped).find() ? fallback : stripped;
    }

    private static String rule(JsonProcessingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (e instanceof StreamConstraintsException || root instanceof StreamConstraintsException) {
            return tooLong();
        }
        if (root instanceof IllegalArgumentException && root != e) {
            return clean(root.getMessage(), "invalid value");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return "must be " + expected(f.getTargetType()) + ", not " + shown(f.getValue());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null && m.getTargetType() != Object.class) {
            return "must be " + expected(m.getTargetType());
        }
        return clean(e.getOriginalMessage(), "invalid value");
    }

    private static String tooLong() {
        return "a value is too long or nested too deeply (a number has at most 1000 digits, a string at most"
                + " 20,000,000 characters, nesting at most 1000 levels)";
    }

    private static String path(String prefix, JsonProcessingException e) {
        StringBuilder where = new StringBuilder(prefix == null ? "" : prefix);
        if (e instanceof JsonMappingException m) {
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    where.append(where.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    where.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        return where.toString();
    }

    /** @return the JSON form a field of this Java type takes, as the API documentation says it */
    static String expected(Class<?> type) {
        if (type == Money.class) {
            return "an amount in yuan (a number, or a numeric string, with at most two decimals)";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "a number";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "an integer";
        }
        if (type == String.class || type == CharSequence.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == LocalDate.class) {
            return "a date yyyy-MM-dd";
        }
        if (type == LocalDateTime.class) {
            return "a time yyyy-MM-dd HH:mm:ss";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            StringBuilder values = new StringBuilder("one of");
            for (Object v : type.getEnumConstants()) {
                values.append(values.length() == 6 ? " " : ", ").append(v);
            }
            return values.toString();
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a value of another kind";
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        return '"' + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + '"';
    }
}
