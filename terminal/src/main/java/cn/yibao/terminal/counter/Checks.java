package cn.yibao.terminal.counter;

import cn.yibao.card.Money;
import java.util.List;
import java.util.regex.Pattern;

/** Validation helpers for the compact constructors of the counter's records. */
public final class Checks {

    /** A list or catalogue code: letters, digits and {@code . _ / -}. */
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z._/-]{1,50}");

    private Checks() {
    }

    /** @return {@code value}, which must be non-blank and at most {@code max} characters */
    public static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return optional(value, field, max);
    }

    /** @return {@code value}, a code of 1 to 50 letters, digits or {@code . _ / -} */
    public static String code(String value, String field) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be 1 to 50 letters, digits or . _ / -");
        }
        return value;
    }

    /** @return {@code value} (may be null), which must be at most {@code max} characters */
    public static String optional(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return value;
    }

    /** @return {@code value}, which must not be null */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** @return an immutable copy of {@code list} (null becomes empty), at most {@code max} long */
    public static <T> List<T> list(List<T> list, String field, int max) {
        if (list == null) {
            return List.of();
        }
        if (list.size() > max) {
            throw new IllegalArgumentException(field + " has more than " + max + " entries");
        }
        return List.copyOf(list);
    }

    /** @return {@code amount}, which must be present and not negative */
    public static Money nonNegative(Money amount, String field) {
        if (present(amount, field).isNegative()) {
            throw new IllegalArgumentException(field + " is negative");
        }
        return amount;
    }

    /** @return {@code flag}, which must be null, "0" or "1" */
    public static String flag(String flag, String field) {
        if (flag != null && !flag.equals("0") && !flag.equals("1")) {
            throw new IllegalArgumentException(field + " must be 0 or 1");
        }
        return flag;
    }
}
